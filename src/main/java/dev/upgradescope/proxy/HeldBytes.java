package dev.upgradescope.proxy;

import java.util.Arrays;

/**
 * Client bytes the session has received but not yet forwarded, with the absolute client-stream
 * offset of the first one. Grows on demand; the session bounds it.
 */
final class HeldBytes {

    private byte[] buf = new byte[0];
    private int len;
    private long start;

    HeldBytes(long start) {
        this.start = start;
    }

    void append(byte[] bytes) {
        if (len + bytes.length > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(len + bytes.length, Math.max(1024, buf.length * 2)));
        }
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    int size() {
        return len;
    }

    boolean isEmpty() {
        return len == 0;
    }

    /** Stream offset of the first held byte. */
    long start() {
        return start;
    }

    /** Stream offset just past the last held byte. */
    long end() {
        return start + len;
    }

    byte at(int i) {
        return buf[i];
    }

    /** A copy of the held bytes between absolute stream offsets {@code from} and {@code to}. */
    byte[] copy(long from, long to) {
        return Arrays.copyOfRange(buf, (int) (from - start), (int) (to - start));
    }

    /** Everything held, handed out; the queue is empty afterwards. */
    byte[] takeAll() {
        byte[] all = Arrays.copyOf(buf, len);
        dropTo(end());
        return all;
    }

    /** Forgets the bytes before absolute offset {@code to}. */
    void dropTo(long to) {
        int n = (int) (to - start);
        System.arraycopy(buf, n, buf, 0, len - n);
        len -= n;
        start = to;
        if (len == 0 && buf.length > 64 * 1024) {
            buf = new byte[0];
        }
    }

    /**
     * True when an empty line ends a head that starts at absolute offset {@code from} within its
     * first {@code limit} bytes (RFC 9112 §2.1: CRLF CRLF, or bare LF LF that a tolerant reader
     * accepts).
     */
    boolean headEndsWithin(long from, int limit) {
        int first = (int) (from - start);
        int n = Math.min(len, first + limit);
        for (int i = first + 1; i < n; i++) {
            if (buf[i] == '\n' && (buf[i - 1] == '\n' || i - first >= 3 && buf[i - 1] == '\r' && buf[i - 2] == '\n')) {
                return true;
            }
        }
        return false;
    }
}
