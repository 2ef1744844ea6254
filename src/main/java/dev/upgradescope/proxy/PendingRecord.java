package dev.upgradescope.proxy;

import java.util.ArrayList;
import java.util.List;

/**
 * Bytes of one direction read during one event-loop pass, gathered so the capture gets one chunk
 * per pass instead of one per socket read (fewer, larger chunks for the recorder to place and
 * store). Stamped with the time of the first read.
 */
final class PendingRecord {

    /** Past this many bytes the gathered chunk is handed over at once. */
    static final int MAX = 64 * 1024;

    private final List<byte[]> parts = new ArrayList<>(4);
    private int size;
    private long nanos;

    void add(byte[] bytes, long now) {
        if (parts.isEmpty()) {
            nanos = now;
        }
        parts.add(bytes);
        size += bytes.length;
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    boolean full() {
        return size >= MAX;
    }

    long nanos() {
        return nanos;
    }

    /** The gathered bytes as one array (the single part itself when there is only one); empties this. */
    byte[] take() {
        byte[] all;
        if (parts.size() == 1) {
            all = parts.get(0);
        } else {
            all = new byte[size];
            int at = 0;
            for (byte[] p : parts) {
                System.arraycopy(p, 0, all, at, p.length);
                at += p.length;
            }
        }
        parts.clear();
        size = 0;
        return all;
    }
}
