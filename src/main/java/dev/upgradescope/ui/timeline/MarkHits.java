package dev.upgradescope.ui.timeline;

import dev.upgradescope.capture.ConnectionRow;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Hit testing: which mark is under a point of the plot, preferring the track (above the line: client
 * to server; below: server to client) the point is on; in a dense column, the mark nearest in time.
 * FX thread only.
 */
final class MarkHits {

    /** How far from a mark the pointer may be and still hit it. */
    static final double HIT_RADIUS = 6;
    /** At most this many marks of a track are compared; past that the column is dense. */
    private static final int NEAR = 64;

    private final Lanes lanes;
    private final LaneViewport viewport;
    private final Supplier<TimeAxis> axis;

    MarkHits(Lanes lanes, LaneViewport viewport, Supplier<TimeAxis> axis) {
        this.lanes = lanes;
        this.viewport = viewport;
        this.axis = axis;
    }

    /** The mark nearest to plot point (x, y), within {@link #HIT_RADIUS}, if any. */
    Optional<MarkRef> hit(double x, double y) {
        int laneIndex = viewport.laneAt(y);
        if (y < 0 || laneIndex < 0 || laneIndex >= lanes.size()) {
            return Optional.empty();
        }
        Lane lane = lanes.get(laneIndex);
        double dy = y - viewport.laneCentre(laneIndex);
        Track wanted = dy < -3 ? Track.C2S : dy > 3 ? Track.S2C : Track.CENTRE;
        TimeAxis a = axis.get();
        MarkRef best = null;
        double bestDx = HIT_RADIUS + 1;
        for (Track t : Track.values()) {
            if (t != wanted && t != Track.CENTRE && wanted != Track.CENTRE) {
                continue;
            }
            LaneTrack tr = lane.track(t);
            int from = tr.lowerBound((long) Math.floor(a.toNanos(x - HIT_RADIUS)));
            int to = tr.upperBound((long) Math.ceil(a.toNanos(x + HIT_RADIUS)));
            for (int i = from; i < to && i < from + NEAR; i++) {
                double d = Math.abs(a.toX(tr.nanos(i)) - x) + (t == wanted ? 0 : 2);
                if (d < bestDx) {
                    bestDx = d;
                    best = new MarkRef(lane.conn(), tr.id(i), tr.nanos(i), tr.kind(i), t);
                }
            }
            if (to - from > NEAR) {
                int mid = tr.lowerBound((long) a.toNanos(x));
                int i = Math.min(mid, tr.size() - 1);
                best = new MarkRef(lane.conn(), tr.id(i), tr.nanos(i), tr.kind(i), t);
                bestDx = 0;
            }
        }
        return Optional.ofNullable(openingOrClosing(lane.row(), x, dy, best, bestDx));
    }

    /** The connection's opening or closing on the lane's line, if nearer than {@code best}. */
    private MarkRef openingOrClosing(ConnectionRow row, double x, double dy, MarkRef best, double bestDx) {
        if (Math.abs(dy) > HIT_RADIUS) {
            return best;
        }
        TimeAxis a = axis.get();
        double openDx = Math.abs(a.toX(row.openedNanos()) - x);
        if (openDx < bestDx) {
            best = new MarkRef(row.id(), -1, row.openedNanos(), MarkKind.CONNECT, Track.CENTRE);
            bestDx = openDx;
        }
        if (row.closed() && Math.abs(a.toX(row.closedNanos()) - x) < bestDx) {
            best = new MarkRef(row.id(), -1, row.closedNanos(), MarkKind.CLOSED, Track.CENTRE);
        }
        return best;
    }
}
