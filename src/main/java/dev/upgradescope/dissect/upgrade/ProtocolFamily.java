package dev.upgradescope.dissect.upgrade;

/** The kinds of protocol an {@code Upgrade} field can name, as far as the inspector can dissect them. */
public enum ProtocolFamily {
    /** {@code websocket} (RFC 6455). */
    WEBSOCKET,
    /** {@code h2c}: HTTP/2 over cleartext TCP (RFC 7540 §3.2). */
    H2C,
    /** {@code h2}: HTTP/2 over TLS, which cannot be reached with Upgrade (RFC 7540 §3.2, §3.3). */
    H2,
    /** {@code TLS/1.x}: TLS within HTTP/1.1 (RFC 2817). */
    TLS,
    /** Anything else ({@code HTTP/2.0}, {@code example/1}, …). */
    OTHER;

    /** The family of a protocol name, compared case-insensitively (RFC 9110 §7.8). */
    public static ProtocolFamily ofName(String name) {
        if (name.equalsIgnoreCase("websocket")) {
            return WEBSOCKET;
        }
        if (name.equalsIgnoreCase("h2c")) {
            return H2C;
        }
        if (name.equalsIgnoreCase("h2")) {
            return H2;
        }
        if (name.equalsIgnoreCase("TLS")) {
            return TLS;
        }
        return OTHER;
    }
}
