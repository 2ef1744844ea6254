package dev.upgradescope.ui.timeline;

import java.util.List;

/**
 * The visible-window query: the marks of one track between two pixels, one cell per column of
 * {@code columnPx} pixels holding at least one mark. Columns are anchored to a fixed time origin, so
 * panning moves bars without reshaping them. Cost is bounded by the number of columns (binary
 * searches per column where marks are dense), not by the number of marks.
 */
final class MarkCells {

    private MarkCells() {
    }

    static void query(LaneTrack track, Track which, TimeAxis axis, long origin, double fromX, double toX,
                      double columnPx, List<MarkCell> out) {
        if (track.size() == 0 || toX <= fromX) {
            return;
        }
        double colNanos = columnPx * axis.nanosPerPixel();
        long c0 = column(axis.toNanos(fromX), origin, colNanos);
        long c1 = column(axis.toNanos(toX), origin, colNanos);
        int from = track.lowerBound(boundary(c0, origin, colNanos));
        int to = track.lowerBound(boundary(c1 + 1, origin, colNanos));
        if (to <= from) {
            return;
        }
        long columns = c1 - c0 + 1;
        if (to - from > 4 * columns) {
            dense(track, which, axis, origin, colNanos, c0, c1, from, out);
        } else {
            sparse(track, which, axis, origin, colNanos, from, to, out);
        }
    }

    private static void dense(LaneTrack track, Track which, TimeAxis axis, long origin, double colNanos, long c0,
                              long c1, int from, List<MarkCell> out) {
        int a = from;
        for (long c = c0; c <= c1; c++) {
            long end = boundary(c + 1, origin, colNanos);
            int b = track.lowerBound(end);
            if (b > a) {
                emit(track, which, axis, origin, colNanos, c, a, b - a, out);
            }
            a = b;
        }
    }

    private static void sparse(LaneTrack track, Track which, TimeAxis axis, long origin, double colNanos, int from,
                               int to, List<MarkCell> out) {
        int i = from;
        while (i < to) {
            long c = column(track.nanos(i), origin, colNanos);
            long end = boundary(c + 1, origin, colNanos);
            int j = i + 1;
            while (j < to && track.nanos(j) < end) {
                j++;
            }
            emit(track, which, axis, origin, colNanos, c, i, j - i, out);
            i = j;
        }
    }

    private static void emit(LaneTrack track, Track which, TimeAxis axis, long origin, double colNanos, long c,
                             int first, int count, List<MarkCell> out) {
        if (count == 1) {
            out.add(new MarkCell(axis.toX(track.nanos(first)), 0, which, 1, first, track.kind(first)));
        } else {
            double x = axis.toX(boundary(c, origin, colNanos));
            out.add(new MarkCell(x, colNanos / axis.nanosPerPixel(), which, count, first, track.kind(first)));
        }
    }

    /** The column of time {@code t}: the largest c with {@code boundary(c) <= t}. */
    static long column(double t, long origin, double colNanos) {
        long c = (long) Math.floor((t - origin) / colNanos);
        long ti = (long) Math.floor(t);
        while (ti < boundary(c, origin, colNanos)) {
            c--;
        }
        while (ti >= boundary(c + 1, origin, colNanos)) {
            c++;
        }
        return c;
    }

    /** The first whole nanosecond of column {@code c}. */
    static long boundary(long c, long origin, double colNanos) {
        return origin + (long) Math.ceil(c * colNanos);
    }
}
