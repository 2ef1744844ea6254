package dev.upgradescope.dissect.upgrade;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.OptionalInt;

/**
 * The proof a WebSocket server gives that it read the client's handshake (RFC 6455 §1.3, §4.2.2):
 * {@code Sec-WebSocket-Accept} is the base64 of the SHA-1 of the key followed by a fixed GUID.
 */
public final class WebSocketAccept {

    /** The GUID appended to the key (RFC 6455 §1.3). */
    public static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private WebSocketAccept() {
    }

    /** The {@code Sec-WebSocket-Accept} value a server must answer to {@code key} (as sent, trimmed). */
    public static String expected(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key.trim() + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-1", e);
        }
    }

    /** How many bytes {@code key} decodes to as base64, or empty when it is not base64. */
    public static OptionalInt decodedKeyLength(String key) {
        try {
            return OptionalInt.of(Base64.getDecoder().decode(key.trim()).length);
        } catch (IllegalArgumentException e) {
            return OptionalInt.empty();
        }
    }
}
