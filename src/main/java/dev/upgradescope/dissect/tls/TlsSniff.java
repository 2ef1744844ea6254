package dev.upgradescope.dissect.tls;

/**
 * Tells from the first bytes of a tunnel whether they start a TLS ClientHello, so the proxy can
 * choose between TLS and plaintext HTTP before the whole hello has arrived.
 */
public final class TlsSniff {

    /** The answer for the bytes seen so far. */
    public enum Verdict {
        /** A record header and handshake header of a ClientHello. */
        YES,
        /** Cannot be the start of a ClientHello. */
        NO,
        /** Consistent with a ClientHello so far; more bytes are needed to be sure. */
        NEED_MORE
    }

    /** Bytes examined before answering {@link Verdict#YES}: record header, handshake header, client_version. */
    static final int DECISIVE = 11;

    private TlsSniff() {
    }

    /** Examines {@code b[from..to)}, the first bytes of a stream. */
    public static Verdict isClientHelloStart(byte[] b, int from, int to) {
        int n = Math.min(to - from, DECISIVE);
        for (int k = 0; k < n; k++) {
            if (!plausible(b, from, k)) {
                return Verdict.NO;
            }
        }
        return n == DECISIVE ? Verdict.YES : Verdict.NEED_MORE;
    }

    public static Verdict isClientHelloStart(byte[] b) {
        return isClientHelloStart(b, 0, b.length);
    }

    /** Whether byte {@code k} (all before it already accepted) fits a ClientHello start. */
    private static boolean plausible(byte[] b, int from, int k) {
        int v = b[from + k] & 0xFF;
        return switch (k) {
            case 0 -> v == 22;                        // handshake record (RFC 8446 §5.1)
            case 1, 9 -> v == 3;                      // record / client version major
            case 2, 10 -> v <= 4;                     // SSL 3.0 … TLS 1.3 minor
            case 3 -> v <= 0x40;                      // record length ≤ 2^14 (§5.1)
            case 4 -> u16(b, from + 3) >= 4 && u16(b, from + 3) <= 1 << 14;
            case 5 -> v == 1;                         // client_hello (§4)
            case 8 -> u24(b, from + 6) >= 38;         // version, random, ids and lists at least
            default -> true;
        };
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static int u24(byte[] b, int at) {
        return ((b[at] & 0xFF) << 16) | u16(b, at + 1);
    }
}
