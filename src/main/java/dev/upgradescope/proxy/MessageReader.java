package dev.upgradescope.proxy;

import dev.upgradescope.dissect.http1.HttpMessage;
import java.util.List;

/**
 * Finds whole HTTP/1.1 messages in one direction of the stream, so the session knows where a
 * request head starts and ends, and when a response is final or a 101. Backed by the tolerant
 * parser of {@code dissect.http1}; the session never parses HTTP itself.
 */
interface MessageReader {

    /** Consumes the next bytes; returns the messages they complete (a paused reader returns none). */
    List<HttpMessage> feed(byte[] bytes);

    /** Reads requests from client-stream offset {@code offset} on. */
    static MessageReader requests(long offset) {
        return Http1Reader.requests(offset);
    }

    /** Reads responses from server-stream offset {@code offset} on. */
    static MessageReader responses(long offset) {
        return Http1Reader.responses(offset);
    }
}
