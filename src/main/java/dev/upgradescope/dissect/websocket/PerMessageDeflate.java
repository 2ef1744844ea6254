package dev.upgradescope.dissect.websocket;

/**
 * The permessage-deflate parameters both ends agreed on in the handshake (RFC 7692 §7.1): whether
 * each side resets its compression context after every message, and the LZ77 window each side's
 * compressor uses (8..15 bits; 15 when not negotiated).
 */
public record PerMessageDeflate(boolean serverNoContextTakeover, boolean clientNoContextTakeover,
                                int serverMaxWindowBits, int clientMaxWindowBits) {

    /** The parameters when the server accepts a bare {@code permessage-deflate} offer. */
    public static final PerMessageDeflate DEFAULTS = new PerMessageDeflate(false, false, 15, 15);

    public PerMessageDeflate {
        if (serverMaxWindowBits < 8 || serverMaxWindowBits > 15 || clientMaxWindowBits < 8 || clientMaxWindowBits > 15) {
            throw new IllegalArgumentException("window bits must be 8..15");
        }
    }
}
