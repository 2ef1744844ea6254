package dev.upgradescope.dissect.tls;

import dev.upgradescope.wire.ByteRange;
import java.util.HexFormat;

/**
 * A reader over a handshake message that never reads past its limit: each read checks
 * {@link #has(int)} first, and ranges are mapped back to stream bytes through the handshake stream.
 */
final class Cursor {

    private final byte[] bytes;
    private final long hsBase;
    private final HandshakeStream stream;
    private int pos;
    private final int limit;

    Cursor(byte[] bytes, long hsBase, HandshakeStream stream, int pos, int limit) {
        this.bytes = bytes;
        this.hsBase = hsBase;
        this.stream = stream;
        this.pos = pos;
        this.limit = limit;
    }

    /** A cursor over the next {@code len} bytes (the caller has checked they are there); skips them here. */
    Cursor sub(int len) {
        Cursor c = new Cursor(bytes, hsBase, stream, pos, pos + len);
        pos += len;
        return c;
    }

    boolean has(int n) {
        return limit - pos >= n;
    }

    int remaining() {
        return limit - pos;
    }

    /**
     * Reads a vector length of {@code lengthBytes} (1 or 2) that must count exactly the bytes left,
     * as in an extension body holding one vector (RFC 8446 §4.2); -1 when the length is missing or
     * counts otherwise.
     */
    int wholeLength(int lengthBytes) {
        if (!has(lengthBytes)) {
            return -1;
        }
        int len = lengthBytes == 1 ? u8() : u16();
        return len == remaining() ? len : -1;
    }

    int pos() {
        return pos;
    }

    int u8() {
        return bytes[pos++] & 0xFF;
    }

    int u16() {
        int v = ((bytes[pos] & 0xFF) << 8) | (bytes[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    int u24() {
        int v = ((bytes[pos] & 0xFF) << 16) | ((bytes[pos + 1] & 0xFF) << 8) | (bytes[pos + 2] & 0xFF);
        pos += 3;
        return v;
    }

    byte[] bytes(int n) {
        byte[] out = new byte[n];
        System.arraycopy(bytes, pos, out, 0, n);
        pos += n;
        return out;
    }

    void skip(int n) {
        pos += n;
    }

    /** The range of {@code len} bytes starting at message position {@code at}. */
    ByteRange range(int at, int len) {
        return stream.map(hsBase + at, len);
    }

    /** The range from message position {@code at} up to the current position. */
    ByteRange since(int at) {
        return range(at, pos - at);
    }

    /** The range of the bytes still unread. */
    ByteRange rest() {
        return range(pos, limit - pos);
    }

    static String hex(byte[] b) {
        if (b.length > 64) {
            return HexFormat.of().formatHex(b, 0, 64) + "… (" + b.length + " bytes)";
        }
        return HexFormat.of().formatHex(b);
    }
}
