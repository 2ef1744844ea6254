package dev.upgradescope.export;

import dev.upgradescope.dissect.http1.BodyFraming;
import dev.upgradescope.dissect.http1.HttpMessage;

/**
 * The sizes HAR gives of an HTTP message, as its dissector delimited it (RFC 9112 §6.3): the head
 * and the body on the wire, and whether the body's bytes are its content as sent (not chunked, and
 * all of it arrived). {@code -1}: not known.
 */
record MessageSizes(long head, long body, boolean bodyAsSent) {

    static final MessageSizes UNKNOWN = new MessageSizes(-1, -1, false);

    static MessageSizes of(HttpMessage m) {
        boolean asSent = m.body().framing() != BodyFraming.CHUNKED && m.body().complete();
        return new MessageSizes(m.head().length(), m.body().wire().length(), asSent);
    }
}
