package dev.upgradescope.dissect.http1;

import dev.upgradescope.wire.ByteRange;

/**
 * One element of a token list (Connection options, WebSocket subprotocols) as sent, with its
 * bytes; {@code valid} is false when the element is not a token (a finding says so).
 */
public record Token(String text, ByteRange.InStream range, boolean valid) {

    /** Case-insensitive comparison, as for connection options (RFC 9110 §7.6.1). */
    public boolean is(String name) {
        return text.equalsIgnoreCase(name);
    }
}
