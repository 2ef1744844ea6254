package dev.upgradescope.ui.timeline;

import java.util.Arrays;

/**
 * The marks of one direction of one connection as parallel primitive arrays sorted by time: times
 * (monotonic nanos), kinds ({@link MarkKind#code()}) and event ids. A million frames cost a few
 * arrays, not a million objects; queries are binary searches. Appended to on the FX thread only.
 */
final class LaneTrack {

    private long[] nanos = new long[16];
    private byte[] kinds = new byte[16];
    private long[] ids = new long[16];
    private int size;
    private boolean idsSorted = true;

    int size() {
        return size;
    }

    long nanos(int i) {
        return nanos[i];
    }

    MarkKind kind(int i) {
        return MarkKind.ofCode(kinds[i]);
    }

    long id(int i) {
        return ids[i];
    }

    long lastNanos() {
        return size == 0 ? Long.MIN_VALUE : nanos[size - 1];
    }

    /** Adds one mark, keeping the arrays sorted by time (later marks of equal time go last). */
    void add(long t, MarkKind kind, long id) {
        if (size == nanos.length) {
            int cap = Math.max(16, size + (size >> 1));
            nanos = Arrays.copyOf(nanos, cap);
            kinds = Arrays.copyOf(kinds, cap);
            ids = Arrays.copyOf(ids, cap);
        }
        int at = size;
        if (size > 0 && t < nanos[size - 1]) {
            at = upperBound(t);
            System.arraycopy(nanos, at, nanos, at + 1, size - at);
            System.arraycopy(kinds, at, kinds, at + 1, size - at);
            System.arraycopy(ids, at, ids, at + 1, size - at);
        }
        if (size > 0 && (at > 0 && ids[at - 1] > id || at < size && ids[at] < id)) {
            idsSorted = false;
        }
        nanos[at] = t;
        kinds[at] = kind.code();
        ids[at] = id;
        size++;
    }

    /** The first index whose time is {@code >= t} ({@code size} if none). */
    int lowerBound(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (nanos[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index whose time is {@code > t}. */
    int upperBound(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (nanos[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The index of the mark of event {@code id}, or -1. */
    int indexOf(long id) {
        if (idsSorted) {
            int i = Arrays.binarySearch(ids, 0, size, id);
            return i >= 0 ? i : -1;
        }
        for (int i = 0; i < size; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }
}
