package dev.upgradescope.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upgradescope.capture.CaptureStore;
import dev.upgradescope.capture.ConnectionDissection;
import dev.upgradescope.capture.ConnectionInfo;
import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.capture.Recorder;
import dev.upgradescope.capture.SessionReader;
import dev.upgradescope.capture.WsConversation;
import dev.upgradescope.wire.Direction;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarExporterTest {

    @TempDir
    Path dir;

    private JsonNode export(Path file) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SessionReader reader = SessionReader.open(file)) {
            new HarExporter(reader).write(out);
        }
        return new ObjectMapper().readTree(out.toByteArray());
    }

    @Test
    void aWebSocketConnectionBecomesOneEntryWithItsMessagesInChromesShape() throws Exception {
        Path file = dir.resolve("ws.upgradescope");
        long wallBefore = System.currentTimeMillis();
        try (CaptureStore store = CaptureStore.create(file); Recorder recorder = new Recorder(store, ConnectionDissection.standard())) {
            WsConversation.record(recorder, System.nanoTime());
            recorder.flush();
        }
        JsonNode log = export(file).get("log");
        assertThat(log.get("version").asText()).isEqualTo("1.2");
        assertThat(log.get("creator").get("name").asText()).isEqualTo("UpgradeScope");
        assertThat(log.get("pages").isArray()).isTrue();
        assertThat(log.get("entries")).hasSize(1);
        JsonNode entry = log.get("entries").get(0);
        assertThat(entry.get("_resourceType").asText()).isEqualTo("websocket");
        assertThat(entry.get("connection").asText()).isEqualTo("1");
        assertThat(Instant.parse(entry.get("startedDateTime").asText()).toEpochMilli())
                .isBetween(wallBefore - 1000, System.currentTimeMillis() + 1000);
        for (String timing : List.of("blocked", "dns", "ssl", "connect", "send", "wait", "receive")) {
            assertThat(entry.get("timings").has(timing)).as(timing).isTrue();
        }
        assertThat(entry.get("timings").get("wait").asDouble()).isGreaterThanOrEqualTo(0);

        JsonNode request = entry.get("request");
        assertThat(request.get("method").asText()).isEqualTo("GET");
        assertThat(request.get("url").asText()).isEqualTo("ws://server.example.com/chat?room=1");
        assertThat(request.get("httpVersion").asText()).isEqualTo("HTTP/1.1");
        assertThat(header(request, "Sec-WebSocket-Key")).isEqualTo("dGhlIHNhbXBsZSBub25jZQ==");
        assertThat(request.get("queryString").get(0).get("name").asText()).isEqualTo("room");
        assertThat(request.get("queryString").get(0).get("value").asText()).isEqualTo("1");
        assertThat(request.get("cookies").isArray()).isTrue();
        assertThat(request.get("headersSize").asLong()).isEqualTo(WsConversation.REQUEST.length);
        assertThat(request.get("bodySize").asLong()).isZero();

        JsonNode response = entry.get("response");
        assertThat(response.get("status").asInt()).isEqualTo(101);
        assertThat(response.get("statusText").asText()).isEqualTo("Switching Protocols");
        assertThat(header(response, "Sec-WebSocket-Accept")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        assertThat(response.get("content").get("size").asLong()).isZero();
        assertThat(response.get("content").has("mimeType")).isTrue();
        assertThat(response.get("redirectURL").asText()).isEmpty();

        JsonNode messages = entry.get("_webSocketMessages");
        assertThat(messages).hasSize(3);
        List<String> seen = new ArrayList<>();
        for (JsonNode m : messages) {
            seen.add(m.get("type").asText() + " " + m.get("opcode").asInt() + " " + m.get("data").asText());
            assertThat(m.get("time").isDouble()).isTrue();
            assertThat(m.get("time").asDouble()).isBetween(wallBefore / 1000.0 - 1, System.currentTimeMillis() / 1000.0 + 1);
        }
        assertThat(seen).containsExactly("send 1 Hello", "receive 1 Hello", "receive 2 AQID");
        assertThat(messages.get(1).get("time").asDouble()).isGreaterThan(messages.get(0).get("time").asDouble());
    }

    @Test
    void anOrdinaryExchangeAndAnUnansweredRequestAreEntriesToo() throws Exception {
        Path file = dir.resolve("http.upgradescope");
        try (CaptureStore store = CaptureStore.create(file); Recorder recorder = new Recorder(store, ConnectionDissection.standard())) {
            long t = System.nanoTime();
            long conn = recorder.open(new ConnectionInfo("c", "l", ListenerMode.FORWARD, "h:8080", 0, t));
            recorder.chunk(conn, Direction.C2S, t + 1, WsConversation.ascii(
                    "GET http://h:8080/x HTTP/1.1\r\nHost: h:8080\r\nUpgrade: h2c\r\n\r\n"));
            recorder.chunk(conn, Direction.S2C, t + 2, WsConversation.ascii(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello"));
            long other = recorder.open(new ConnectionInfo("c", "l", ListenerMode.FORWARD, "h:8080", 0, t + 3));
            recorder.chunk(other, Direction.C2S, t + 4, WsConversation.ascii("GET /y HTTP/1.1\r\nHost: h:8080\r\n\r\n"));
            recorder.flush();
        }
        JsonNode entries = export(file).get("log").get("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("request").get("url").asText()).isEqualTo("http://h:8080/x");
        assertThat(entries.get(0).get("_resourceType").asText()).isEqualTo("other");
        assertThat(entries.get(0).get("response").get("status").asInt()).isEqualTo(200);
        assertThat(entries.get(0).get("response").get("content").get("mimeType").asText()).isEqualTo("text/plain");
        assertThat(entries.get(0).get("response").get("content").get("size").asInt()).isEqualTo(5);
        assertThat(entries.get(0).get("response").get("content").get("text").asText()).isEqualTo("hello");
        assertThat(entries.get(0).get("response").get("bodySize").asInt()).isEqualTo(5);
        assertThat(entries.get(0).has("_webSocketMessages")).isFalse();
        assertThat(entries.get(1).get("request").get("url").asText()).isEqualTo("http://h:8080/y");
        assertThat(entries.get(1).get("response").get("status").asInt()).isZero();
    }

    private static String header(JsonNode message, String name) {
        for (JsonNode h : message.get("headers")) {
            if (h.get("name").asText().equalsIgnoreCase(name)) {
                return h.get("value").asText();
            }
        }
        return null;
    }
}
