package dev.upgradescope.ui.timeline;

import java.util.Optional;
import java.util.function.IntConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The selected mark: chosen by a click, by the keyboard (step along the focused lane, or the mark
 * nearest the middle), or from outside (an event or connection selected in another view), and
 * brought into view. A selection from outside whose lane is not read that far yet waits for it.
 * FX thread only.
 */
final class MarkSelection {

    private final Lanes lanes;
    private final LaneViewport viewport;
    private final TimeNavigation navigation;
    private final MarkHits hits;
    private final IntConsumer scrollLanes;
    private final Runnable changed;
    final ObjectProperty<MarkRef> selected = new SimpleObjectProperty<>();
    private MarkRef pending;

    /** {@code scrollLanes} scrolls the lanes (and reads what comes into view); {@code changed} asks for a repaint. */
    MarkSelection(Lanes lanes, LaneViewport viewport, TimeNavigation navigation, MarkHits hits,
                  IntConsumer scrollLanes, Runnable changed) {
        this.lanes = lanes;
        this.viewport = viewport;
        this.navigation = navigation;
        this.hits = hits;
        this.scrollLanes = scrollLanes;
        this.changed = changed;
        selected.addListener((obs, was, now) -> {
            if (now != null) {
                int lane = lanes.indexOf(now.conn());
                if (lane >= 0) {
                    viewport.focus(lane);
                }
            }
            changed.run();
        });
    }

    /** Forgets the selection and what waits to be selected (another session). */
    void clear() {
        pending = null;
        selected.set(null);
    }

    /** Selects the mark under plot point (x, y); returns whether there was one. */
    boolean click(double x, double y) {
        Optional<MarkRef> m = hits.hit(x, y);
        m.ifPresent(selected::set);
        return m.isPresent();
    }

    /**
     * Selects event {@code eventId} of connection {@code conn} and brings it into view; if its lane
     * has not been read that far yet, the selection happens once it has.
     */
    void select(long conn, long eventId) {
        MarkRef cur = selected.get();
        if (cur != null && cur.conn() == conn && cur.eventId() == eventId) {
            return;
        }
        Optional<MarkRef> m = find(conn, eventId);
        if (m.isPresent()) {
            pending = null;
            selected.set(m.get());
            reveal(m.get());
        } else {
            pending = new MarkRef(conn, eventId, 0, MarkKind.OTHER, Track.CENTRE);
        }
    }

    /** A page of {@code lane} was read: a selection waiting for it may happen now. */
    void laneRead(Lane lane) {
        if (pending != null && pending.conn() == lane.conn()) {
            select(pending.conn(), pending.eventId());
        }
    }

    /** Selects the connection's opening mark (a connection was chosen elsewhere). */
    void selectConnection(long conn) {
        Lane lane = lanes.of(conn);
        MarkRef cur = selected.get();
        if (lane == null || cur != null && cur.conn() == conn) {
            return;
        }
        MarkRef m = new MarkRef(conn, -1, lane.row().openedNanos(), MarkKind.CONNECT, Track.CENTRE);
        selected.set(m);
        reveal(m);
    }

    Optional<MarkRef> find(long conn, long eventId) {
        Lane lane = lanes.of(conn);
        if (lane == null) {
            return Optional.empty();
        }
        for (Track t : Track.values()) {
            LaneTrack tr = lane.track(t);
            int i = tr.indexOf(eventId);
            if (i >= 0) {
                return Optional.of(new MarkRef(conn, eventId, tr.nanos(i), tr.kind(i), t));
            }
        }
        return Optional.empty();
    }

    /** Scrolls lanes and time so that {@code m} is visible, keeping the zoom. */
    void reveal(MarkRef m) {
        int lane = lanes.indexOf(m.conn());
        if (lane < 0) {
            return;
        }
        viewport.focus(lane);
        if (!viewport.shows(lane)) {
            scrollLanes.accept(lane - viewport.visibleLaneCount() / 2);
        }
        navigation.reveal(m.nanos());
        changed.run();
    }

    /** Selects the mark after (+1) or before (-1) the selected one on the focused lane. */
    void step(int delta) {
        Lane lane = focusedLane();
        if (lane == null) {
            return;
        }
        MarkRef cur = selected.get();
        boolean onLane = cur != null && cur.conn() == lane.conn();
        long t = onLane ? cur.nanos() : (long) navigation.axis().toNanos(delta > 0 ? 0 : viewport.width());
        long curId = onLane ? cur.eventId() : Long.MIN_VALUE;
        MarkRef best = null;
        for (Track tr : Track.values()) {
            LaneTrack track = lane.track(tr);
            int i = delta > 0 ? track.lowerBound(t) : track.upperBound(t) - 1;
            while (i >= 0 && i < track.size() && track.nanos(i) == t && track.id(i) == curId) {
                i += delta > 0 ? 1 : -1;
            }
            if (i >= 0 && i < track.size()) {
                MarkRef c = new MarkRef(lane.conn(), track.id(i), track.nanos(i), track.kind(i), tr);
                if (best == null || (delta > 0 ? c.nanos() < best.nanos() : c.nanos() > best.nanos())) {
                    best = c;
                }
            }
        }
        if (best != null) {
            selected.set(best);
            reveal(best);
        }
    }

    /** Selects the mark nearest the middle of the plot on the focused lane (Enter). */
    void selectNearestOnFocusedLane() {
        Lane lane = focusedLane();
        if (lane == null) {
            return;
        }
        long t = (long) navigation.axis().toNanos(viewport.width() / 2);
        MarkRef best = null;
        long bestD = Long.MAX_VALUE;
        for (Track tr : Track.values()) {
            LaneTrack track = lane.track(tr);
            int i = track.lowerBound(t);
            for (int j = Math.max(0, i - 1); j <= i && j < track.size(); j++) {
                long d = Math.abs(track.nanos(j) - t);
                if (d < bestD) {
                    bestD = d;
                    best = new MarkRef(lane.conn(), track.id(j), track.nanos(j), track.kind(j), tr);
                }
            }
        }
        if (best == null) {
            best = new MarkRef(lane.conn(), -1, lane.row().openedNanos(), MarkKind.CONNECT, Track.CENTRE);
        }
        selected.set(best);
    }

    private Lane focusedLane() {
        int i = viewport.focusedLane.get();
        return i < 0 || i >= lanes.size() ? null : lanes.get(i);
    }
}
