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

    static byte[] bodyTooLarge(int limit) {
        return error(413, "Content Too Large", "The request body is larger than " + limit + " bytes.");
    }

    static byte[] error(int status, String reason, String text) {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }
}
