package dev.upgradescope.dissect;

import dev.upgradescope.dissect.tls.TlsSniff;
import dev.upgradescope.wire.Chunk;
import dev.upgradescope.wire.Direction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The first bytes of a connection (or of a CONNECT tunnel), held until the client's opening bytes
 * say what it speaks: a TLS record (a ClientHello), the HTTP/2 connection preface (prior
 * knowledge, RFC 9113 §3.4), or HTTP/1.1 — which is everything else, since the HTTP/1.1 parser
 * reports bytes that are not HTTP itself.
 */
final class StreamStart {

    enum Verdict { NEED_MORE, HTTP1, TLS, HTTP2, OPAQUE }

    /** The client connection preface (RFC 9113 §3.4). */
    static final byte[] H2_PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** TLS record content type handshake (RFC 8446 §5.1): the first byte of a ClientHello record. */
    private static final int TLS_HANDSHAKE = 0x16;

    private final long c2sStart;
    private final long s2cStart;
    private final List<Chunk> held = new ArrayList<>();
    private final byte[] head = new byte[H2_PREFACE.length];
    private int headLength;
    private boolean serverSpoke;

    StreamStart(long c2sStart, long s2cStart) {
        this.c2sStart = c2sStart;
        this.s2cStart = s2cStart;
    }

    long c2sStart() {
        return c2sStart;
    }

    long s2cStart() {
        return s2cStart;
    }

    void hold(Chunk chunk) {
        held.add(chunk);
        if (chunk.dir() == Direction.S2C) {
            serverSpoke |= chunk.bytes().length > 0;
            return;
        }
        int n = Math.min(head.length - headLength, chunk.bytes().length);
        System.arraycopy(chunk.bytes(), 0, head, headLength, n);
        headLength += n;
    }

    /** What the held bytes show; {@code ending} when no more bytes will come to decide with. */
    Verdict verdict(boolean ending) {
        if (headLength == 0) {
            if (ending) {
                return serverSpoke ? Verdict.OPAQUE : Verdict.HTTP1;
            }
            return Verdict.NEED_MORE;
        }
        if ((head[0] & 0xFF) == TLS_HANDSHAKE) {
            return switch (TlsSniff.isClientHelloStart(head, 0, headLength)) {
                case YES -> Verdict.TLS;
                case NO -> Verdict.HTTP1;
                case NEED_MORE -> ending ? Verdict.OPAQUE : Verdict.NEED_MORE;
            };
        }
        for (int i = 0; i < headLength; i++) {
            if (head[i] != H2_PREFACE[i]) {
                return Verdict.HTTP1;
            }
        }
        if (headLength == H2_PREFACE.length) {
            return Verdict.HTTP2;
        }
        return ending ? Verdict.HTTP1 : Verdict.NEED_MORE;
    }

    /** The held chunks in arrival order; nothing is held afterwards. */
    List<Chunk> drain() {
        List<Chunk> out = List.copyOf(held);
        held.clear();
        return out;
    }
}
