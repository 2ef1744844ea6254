package dev.upgradescope.dissect.http2;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The dynamic table of one HPACK decoding context (RFC 7541 §2.3.2, §4): newest entry first,
 * evicting the oldest entries to stay within the maximum size.
 */
final class HpackDynamicTable {

    private final Deque<HpackTableEntry> entries = new ArrayDeque<>();
    private long size;
    private long maxSize;

    HpackDynamicTable(long maxSize) {
        this.maxSize = maxSize;
    }

    int length() {
        return entries.size();
    }

    long size() {
        return size;
    }

    long maxSize() {
        return maxSize;
    }

    /** The entry at dynamic index {@code i}, 1 being the newest. */
    HpackTableEntry get(int i) {
        int k = 1;
        for (HpackTableEntry e : entries) {
            if (k++ == i) {
                return e;
            }
        }
        throw new IndexOutOfBoundsException(i);
    }

    /** §4.4: evict until the entry fits, then add it; an entry larger than the table empties it. */
    void add(HpackTableEntry e) {
        while (!entries.isEmpty() && size + e.size() > maxSize) {
            size -= entries.removeLast().size();
        }
        if (e.size() <= maxSize) {
            entries.addFirst(e);
            size += e.size();
        }
    }

    /** §4.3: a new maximum size evicts entries until the table fits. */
    void resize(long newMax) {
        maxSize = newMax;
        while (size > maxSize) {
            size -= entries.removeLast().size();
        }
    }

    List<HpackTableEntry> snapshot() {
        return new ArrayList<>(entries);
    }
}
