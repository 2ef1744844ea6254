package dev.upgradescope.proxy;

/** What a {@link RequestInterceptor} decided about one request. */
public sealed interface InterceptVerdict {

    /** Forward as the client sent it (the proxy still rewrites absolute-form to origin-form). */
    InterceptVerdict FORWARD = new Forward();

    record Forward() implements InterceptVerdict {
    }

    /** Forward these bytes instead (a whole request in origin-form, head and body). */
    record Replace(byte[] message) implements InterceptVerdict {
    }

    /** Do not forward; answer the client with these bytes (a whole response) and close. */
    record Respond(byte[] response) implements InterceptVerdict {
    }

    /** Do not forward; close the client connection. */
    record Drop() implements InterceptVerdict {
    }
}
