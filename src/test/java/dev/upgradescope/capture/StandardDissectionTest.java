package dev.upgradescope.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upgradescope.export.HarExporter;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder driving the dissect layer's connection dissector over a real WebSocket conversation. */
class StandardDissectionTest {

    @TempDir
    Path dir;

    private Path file;
    private long conn;

    @BeforeEach
    void record() throws Exception {
        file = dir.resolve("real.upgradescope");
        try (CaptureStore store = CaptureStore.create(file);
             Recorder recorder = new Recorder(store, ConnectionDissection.standard())) {
            conn = WsConversation.record(recorder, System.nanoTime());
            recorder.flush();
        }
    }

    @Test
    void theConnectionSummaryAndEventsComeFromTheRealDissectors() throws Exception {
        try (SessionReader reader = SessionReader.open(file)) {
            ConnectionRow c = reader.connection(conn).orElseThrow();
            assertThat(c.askedProtocols()).containsExactly("websocket");
            assertThat(c.status()).isEqualTo(101);
            assertThat(c.outcome()).isEqualTo("upgraded");
            assertThat(c.protocol()).isEqualTo("websocket");
            assertThat(c.frames()).isEqualTo(4);
            List<EventRow> events = reader.events(conn, 0, 100);
            assertThat(events).extracting(EventRow::kind).contains("http-request", "http-response", "handshake",
                    "protocol-switch", "ws-frame", "ws-message");
            assertThat(events).filteredOn(e -> e.kind().equals("ws-message")).extracting(EventRow::summary)
                    .hasSize(3).first().asString().contains("Hello");
            EventRow binary = events.stream().filter(e -> e.kind().equals("ws-message")).reduce((a, b) -> b)
                    .orElseThrow();
            assertThat(reader.payload(binary.id())).hasValue(new byte[] {1, 2, 3});
            EventRow firstHandshake = events.stream().filter(e -> e.kind().equals("handshake")).findFirst()
                    .orElseThrow();
            // analysed when the request was complete: no answer yet, so no status (null, as in dissect --json)
            assertThat(firstHandshake.attributes()).containsEntry("outcome", "incomplete").containsEntry("status", null);
            EventRow lastHandshake = events.stream().filter(e -> e.kind().equals("handshake")).reduce((a, b) -> b)
                    .orElseThrow();
            assertThat(lastHandshake.attributes()).containsEntry("outcome", "upgraded").containsEntry("status", 101);

            ConnectionReplayer replayer = new ConnectionReplayer(reader, ConnectionDissection.standard());
            assertThat(replayer.treeOf(binary.id()).orElseThrow().label()).isEqualTo("WebSocket message");
            assertThat(replayer.treeOf(lastHandshake.id()).orElseThrow().label()).isEqualTo("Upgrade handshake");
        }
    }

    @Test
    void theHarCarriesTheMessagesAsTheApplicationsSentThem() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SessionReader reader = SessionReader.open(file)) {
            new HarExporter(reader).write(out);
        }
        JsonNode entries = new ObjectMapper().readTree(out.toByteArray()).get("log").get("entries");
        assertThat(entries).hasSize(1);
        List<String> messages = new ArrayList<>();
        for (JsonNode m : entries.get(0).get("_webSocketMessages")) {
            messages.add(m.get("type").asText() + " " + m.get("opcode").asInt() + " " + m.get("data").asText());
        }
        assertThat(messages).containsExactly("send 1 Hello", "receive 1 Hello", "receive 2 AQID");
        assertThat(entries.get(0).get("response").get("status").asInt()).isEqualTo(101);
    }
}
