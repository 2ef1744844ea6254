package dev.upgradescope.proxy;

import dev.upgradescope.dissect.http1.HttpRequest;

/**
 * The hook a forward session consults when a request head is complete, before anything of it goes
 * upstream: forward it, forward edited bytes, answer it in the proxy's name, or drop the
 * connection. Called on the connection's event loop: it must not block (a rule that needs a person
 * to decide will answer through a future {@code hold} verdict that the session resumes from).
 */
@FunctionalInterface
public interface RequestInterceptor {

    /** Forwards every request unchanged. */
    RequestInterceptor FORWARD_ALL = (request, message) -> InterceptVerdict.FORWARD;

    /**
     * Decides about {@code request}; {@code message} holds its bytes as the client sent them (head
     * and body, absolute-form kept).
     */
    InterceptVerdict onRequest(HttpRequest request, byte[] message);
}
