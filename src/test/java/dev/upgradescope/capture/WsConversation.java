package dev.upgradescope.capture;

import dev.upgradescope.wire.Direction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The bytes of a real WebSocket conversation (RFC 6455 §1.3 handshake, §5.7 frames), fed to a sink. */
public final class WsConversation {

    public static final byte[] REQUEST = ascii("GET /chat?room=1 HTTP/1.1\r\n"
            + "Host: server.example.com\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Origin: http://example.com\r\n"
            + "Sec-WebSocket-Version: 13\r\n\r\n");
    public static final byte[] RESPONSE = ascii("HTTP/1.1 101 Switching Protocols\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n");
    /** RFC 6455 §5.7: a masked text frame "Hello". */
    public static final byte[] CLIENT_HELLO = hex("818537fa213d7f9f4d5158");
    /** RFC 6455 §5.7: an unmasked text message "Hello" in two fragments. */
    public static final byte[] SERVER_HEL_LO = hex("010348656c80026c6f");
    /** An unmasked binary message of bytes 1, 2, 3. */
    public static final byte[] SERVER_BINARY = hex("8203010203");

    private WsConversation() {
    }

    /** Records the whole conversation as connection of {@code sink}, each part as its own chunk. */
    public static long record(CaptureSink sink, long startNanos) {
        long conn = sink.open(new ConnectionInfo("127.0.0.1:50000", "127.0.0.1:8080", ListenerMode.REVERSE,
                "server.example.com:80", 0, startNanos));
        sink.chunk(conn, Direction.C2S, startNanos + 1_000_000, REQUEST);
        sink.chunk(conn, Direction.S2C, startNanos + 3_000_000, RESPONSE);
        sink.chunk(conn, Direction.C2S, startNanos + 5_000_000, CLIENT_HELLO);
        // the fragmented message split across chunks in the middle of a frame header
        sink.chunk(conn, Direction.S2C, startNanos + 6_000_000, java.util.Arrays.copyOfRange(SERVER_HEL_LO, 0, 6));
        sink.chunk(conn, Direction.S2C, startNanos + 7_000_000,
                java.util.Arrays.copyOfRange(SERVER_HEL_LO, 6, SERVER_HEL_LO.length));
        sink.chunk(conn, Direction.S2C, startNanos + 8_000_000, SERVER_BINARY);
        sink.end(conn, Direction.C2S, startNanos + 9_000_000);
        sink.end(conn, Direction.S2C, startNanos + 9_500_000);
        return conn;
    }

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] hex(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i += 2) {
            out.write(Integer.parseInt(s.substring(i, i + 2), 16));
        }
        return out.toByteArray();
    }
}
