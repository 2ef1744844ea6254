package dev.upgradescope.dissect.websocket;

import java.util.Arrays;

/** Collects bytes up to a limit, counting every byte offered, kept or not. */
final class ByteAccumulator {

    private static final byte[] EMPTY = new byte[0];

    private final int limit;
    private byte[] buf = EMPTY;
    private int size;
    private long total;

    ByteAccumulator(int limit) {
        this.limit = limit;
    }

    void append(byte[] b, int off, int len) {
        total += len;
        int n = Math.min(limit - size, len);
        if (n <= 0) {
            return;
        }
        if (size + n > buf.length) {
            int grown = (int) Math.min(limit, Math.max((long) size + n, Math.max(256L, 2L * buf.length)));
            buf = Arrays.copyOf(buf, grown);
        }
        System.arraycopy(b, off, buf, size, n);
        size += n;
    }

    /** The kept bytes (a fresh array unless the buffer is exactly full). */
    byte[] toArray() {
        return size == buf.length ? buf : Arrays.copyOf(buf, size);
    }

    /** Every byte offered so far, including those beyond the limit. */
    long total() {
        return total;
    }

    boolean capped() {
        return total > size;
    }
}
