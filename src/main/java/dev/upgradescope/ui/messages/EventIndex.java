package dev.upgradescope.ui.messages;

import java.util.Arrays;

/**
 * The ids of the events a messages list shows, in order: eight bytes per event, so a million
 * events cost eight megabytes and no row objects.
 */
public final class EventIndex {

    private long[] ids = new long[1024];
    private int size;

    public int size() {
        return size;
    }

    public long get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return ids[i];
    }

    /** The last id, or -1 when empty. */
    public long last() {
        return size == 0 ? -1 : ids[size - 1];
    }

    public void add(long id) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
        }
        ids[size++] = id;
    }

    /** The position of {@code id}, or a negative number if it is not listed (ids are ascending). */
    public int indexOf(long id) {
        int i = Arrays.binarySearch(ids, 0, size, id);
        return i >= 0 ? i : -1;
    }

    public void clear() {
        ids = new long[1024];
        size = 0;
    }
}
