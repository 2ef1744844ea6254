package dev.upgradescope.proxy;

import dev.upgradescope.dissect.http1.Http1Finding;
import dev.upgradescope.wire.Finding;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the bytes of a request head that is still arriving can still become a head the proxy
 * accepts: they must start like a request line and stay within the head-size limit.
 */
final class HeadCheck {

    private HeadCheck() {
    }

    /**
     * The answer when the request parser stopped before a whole head: over one of its own limits
     * (431, RFC 6585 §5), or the bytes are not HTTP/1.x (400). {@code why} is empty when framing
     * was lost on a field of the last request, which carries its own finding.
     */
    static Refusal stopped(Optional<Finding> why, int maxHeadBytes) {
        if (why.isPresent() && isHeadLimit(why.get())) {
            return tooLarge(maxHeadBytes, why.get().code());
        }
        return notHttp(why.map(Finding::code).orElse("HTTP/1 framing lost (see the last request's findings)"));
    }

    /** RFC 9110 §5.4: the parser's head or line limit. */
    static boolean isHeadLimit(Finding f) {
        return f.code().equals(Http1Finding.HEAD_TOO_LARGE.code()) || f.code().equals(Http1Finding.LINE_TOO_LONG.code());
    }

    /**
     * The answer when the first {@code headBuffered} bytes of a head (from {@code first}, the first
     * byte not a line ending, or -1 when there is none yet) cannot become an acceptable head; null
     * while they still can.
     */
    static Refusal incomplete(int first, int headBuffered, int maxHeadBytes) {
        // RFC 9112 §3: a request line starts with a method token
        if (first >= 0 && !Tchar.is((byte) first)) {
            return notHttp(String.format(Locale.ROOT, "first byte 0x%02x", first & 0xff));
        }
        if (headBuffered > maxHeadBytes) {
            return tooLarge(maxHeadBytes, "more than " + maxHeadBytes + " bytes without the end of the head");
        }
        return null;
    }

    /** RFC 6585 §5: 431 for a head larger than the proxy takes. */
    static Refusal tooLarge(int maxHeadBytes, String detail) {
        return new Refusal(NoteCode.HEAD_TOO_LARGE, ProxyAnswer.headTooLarge(maxHeadBytes), detail);
    }

    private static Refusal notHttp(String detail) {
        return new Refusal(NoteCode.NOT_HTTP, ProxyAnswer.badRequest("UpgradeScope expected an HTTP/1.1 request."),
                detail);
    }
}
