package dev.upgradescope.dissect.http1;

/** How a message's body length was determined (RFC 9112 §6.3). */
public enum BodyFraming {
    /** No body: none declared, a response to HEAD, 1xx/204/304, or a 2xx to CONNECT. */
    NONE,
    CONTENT_LENGTH,
    CHUNKED,
    /** A response body delimited by the server closing the connection. */
    UNTIL_CLOSE
}
