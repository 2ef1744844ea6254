package dev.upgradescope.dissect.http1;

import dev.upgradescope.wire.ByteRange;

/**
 * A message body: its framing, the stream bytes it occupies on the wire (for chunked, including
 * the chunk headers and trailer), the decoded payload length, and whether it arrived whole.
 */
public record Body(BodyFraming framing, ByteRange.InStream wire, long payloadLength, boolean complete) {

    public static Body none(ByteRange.InStream at) {
        return new Body(BodyFraming.NONE, at, 0, true);
    }

    public boolean present() {
        return framing != BodyFraming.NONE && (payloadLength > 0 || wire.length() > 0);
    }
}
