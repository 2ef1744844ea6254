package dev.upgradescope.dissect.http2;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import java.util.List;

/** A realistic h2c conversation after {@code 101 Switching Protocols}, built from bytes. */
final class H2Conversation {

    static final int END_STREAM = 0x1;
    static final int END_HEADERS = 0x4;

    private H2Conversation() {
    }

    static H2Config config() {
        return H2Config.afterUpgrade(List.of(
                new Setting(0x2, 0, ByteRange.of(Direction.C2S, 0, 6)),
                new Setting(0x4, 1_048_576, ByteRange.of(Direction.C2S, 6, 6))));
    }

    static byte[] client() {
        return H2Bytes.clientWithPreface()
                .settings(0x2, 0, 0x4, 1_048_576)
                .windowUpdate(0, 983_041)
                .settingsAck()
                .headers(3, END_STREAM | END_HEADERS, ":method", "GET", ":scheme", "http", ":path", "/style.css",
                        ":authority", "localhost:8080", "user-agent", "test")
                .bytes();
    }

    static byte[] server() {
        return new H2Bytes()
                .settings(0x3, 128)
                .settingsAck()
                .headers(1, END_HEADERS, ":status", "200", "content-type", "text/html")
                .data(1, END_STREAM, "<html>hi</html>")
                .headers(3, END_HEADERS, ":status", "200", "content-type", "text/css")
                .data(3, END_STREAM, "body{}")
                .frame(FrameType.GOAWAY, 0, 0, H2Bytes.concat(H2Bytes.int32(3), H2Bytes.int32(0)))
                .bytes();
    }
}
