package dev.upgradescope.proxy;

import java.nio.charset.StandardCharsets;

/** The few responses the proxy writes in its own name, with a short text body saying why. */
final class ProxyAnswer {

    static final byte[] CONNECTION_ESTABLISHED =
            "HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private ProxyAnswer() {
    }

    static byte[] badGateway(String why) {
        return error(502, "Bad Gateway", "UpgradeScope could not reach the upstream: " + why);
    }

    static byte[] headTooLarge(int limit) {
        return error(431, "Request Header Fields Too Large",
                "The request head is larger than " + limit + " bytes.");
    }

    static byte[] badRequest(String why) {
        return error(400, "Bad Request", why);
    }

    /** RFC 9110 §15.5.9: the head did not arrive in time. */
    static byte[] requestTimeout(java.time.Duration deadline) {
        return error(408, "Request Timeout", "The request head did not arrive whole within "
                + deadline.toMillis() + " ms.");
    }

    /**
     * RFC 9110 §15.5.8 and §11.7.1: this proxy asks for Basic credentials whose password is its
     * token. The body says where the token is.
     */
    static byte[] proxyAuthRequired() {
        return error(407, "Proxy Authentication Required",
                "UpgradeScope asks for its access token: send Proxy-Authorization: Basic with any user name and "
                        + "the token shown where the capture was started as the password "
                        + "(curl --proxy-user any:TOKEN).",
                "Proxy-Authenticate: Basic realm=\"UpgradeScope\"\r\n");
    }

    /** RFC 5842 §7.2: the request names the proxy's own listener; relaying it would loop. */
    static byte[] loopDetected(Authority self) {
        return error(508, "Loop Detected", "The request is addressed to UpgradeScope's own listener ("
                + self + "); relaying it would send it back to the proxy.");
    }

    /** RFC 9110 §15.6.4: the connection caps are reached. */
    static byte[] overCapacity(String why) {
        return error(503, "Service Unavailable", "UpgradeScope holds too many connections: " + why + ".");
    }

    static byte[] error(int status, String reason, String text) {
        return error(status, reason, text, "");
    }

    private static byte[] error(int status, String reason, String text, String extraFields) {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + extraFields
                + "Connection: close\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }
}
