package dev.upgradescope.dissect.tls;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * One direction's handshake protocol stream (RFC 8446 §5.1): the fragments of handshake records
 * joined together, cut into handshake messages that may span records or share one. Remembers
 * where each fragment sat in the connection stream so that a field of a message maps back to its
 * stream bytes.
 */
final class HandshakeStream {

    /** Largest handshake message we buffer; longer ones are treated as malformed. */
    static final int MAX_MESSAGE = 1 << 20;
    static final String REASSEMBLED = "TLS handshake (reassembled)";

    /** A fragment of the handshake stream: handshake offset, stream offset, length. */
    private record Span(long hsOffset, long streamOffset, int length) {
        long hsEnd() {
            return hsOffset + length;
        }
    }

    /** A complete handshake message, header included, starting at handshake offset {@code hsOffset}. */
    record Message(int type, byte[] bytes, long hsOffset) {
    }

    private final Direction dir;
    private final Deque<Span> spans = new ArrayDeque<>();
    private byte[] buf = new byte[512];
    private int size;
    private long base; // handshake offset of buf[0]

    HandshakeStream(Direction dir) {
        this.dir = dir;
    }

    void append(byte[] bytes, int from, int len, long streamOffset) {
        if (size + len > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + len));
        }
        System.arraycopy(bytes, from, buf, size, len);
        spans.addLast(new Span(base + size, streamOffset, len));
        size += len;
    }

    /** The type of the message at the head, or -1 when not even its type byte is here. */
    int pendingType() {
        return size > 0 ? buf[0] & 0xFF : -1;
    }

    int pendingBytes() {
        return size;
    }

    /** Length announced by the head message, or -1 when its header is incomplete. */
    int pendingAnnounced() {
        return size >= 4 ? 4 + u24(1) : -1;
    }

    /** Handshake offset of the head message. */
    long pendingStart() {
        return base;
    }

    /** True when the head message announces more than we are willing to buffer. */
    boolean headTooLong() {
        return size >= 4 && u24(1) > MAX_MESSAGE;
    }

    /** Removes and returns the next complete message, or null when it is not all here yet. */
    Message next() {
        if (size < 4) {
            return null;
        }
        int total = 4 + u24(1);
        if (total > size || total - 4 > MAX_MESSAGE) {
            return null;
        }
        Message m = new Message(buf[0] & 0xFF, Arrays.copyOf(buf, total), base);
        System.arraycopy(buf, total, buf, 0, size - total);
        size -= total;
        return m;
    }

    /** Forgets fragments wholly before the head message (call after the messages taken are mapped). */
    void trim() {
        while (!spans.isEmpty() && spans.peekFirst().hsEnd() <= base) {
            spans.removeFirst();
        }
    }

    /** Marks the message just returned by {@link #next()} as consumed up to handshake offset {@code end}. */
    void consumedTo(long end) {
        base = end;
    }

    /** Drops everything buffered (framing of the handshake stream is lost). */
    void clear() {
        base += size;
        size = 0;
        spans.clear();
    }

    /** The stream range of handshake bytes [hsOffset, hsOffset+len), or a decoded range when split. */
    ByteRange map(long hsOffset, long len) {
        Span first = null;
        Span last = null;
        for (Span s : spans) {
            if (first == null && hsOffset >= s.hsOffset && hsOffset <= s.hsEnd()
                    && (hsOffset < s.hsEnd() || len == 0)) {
                first = s;
            }
            if (first != null && hsOffset + len <= s.hsEnd()) {
                last = s;
                break;
            }
        }
        if (first == null || last == null) {
            return null;
        }
        long start = first.streamOffset + (hsOffset - first.hsOffset);
        if (first == last) {
            return ByteRange.of(dir, start, len);
        }
        long end = last.streamOffset + (hsOffset + len - last.hsOffset);
        return new ByteRange.InDecoded(REASSEMBLED, hsOffset, len, ByteRange.of(dir, start, end - start));
    }

    private int u24(int at) {
        return ((buf[at] & 0xFF) << 16) | ((buf[at + 1] & 0xFF) << 8) | (buf[at + 2] & 0xFF);
    }
}
