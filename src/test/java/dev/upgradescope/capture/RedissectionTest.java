package dev.upgradescope.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.dissect.DissectionEvent;
import dev.upgradescope.dissect.http1.HttpMessage;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Unit;
import dev.upgradescope.wire.UnitKind;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one re-dissection of stored connections, as the window and the HAR export use it. */
class RedissectionTest {

    @TempDir
    Path dir;

    private Path file;
    private long conn;

    @BeforeEach
    void record() throws Exception {
        file = dir.resolve("ws.upgradescope");
        try (CaptureStore store = CaptureStore.create(file);
             Recorder recorder = new Recorder(store, ConnectionDissection.standard())) {
            conn = WsConversation.record(recorder, System.nanoTime());
            recorder.flush();
        }
    }

    @Test
    void theWindowHoldsTheAnalysisTheMessagesTheUnitsAndTheBytesOfEachDirection() throws Exception {
        try (SessionReader reader = SessionReader.open(file)) {
            Redissection.Window w = new Redissection(reader, ConnectionDissection.standard())
                    .window(reader.connection(conn).orElseThrow());
            assertThat(w.analyses()).hasSize(1).first().satisfies(t -> assertThat(t.label()).isEqualTo("Upgrade handshake"));
            assertThat(w.httpMessages()).extracting(Unit::kind)
                    .containsExactly(UnitKind.HTTP_REQUEST, UnitKind.HTTP_RESPONSE);
            // the client's frame, the server's two fragments and its binary frame, and the three messages
            assertThat(w.units()).extracting(Unit::kind).containsExactly(UnitKind.WS_FRAME, UnitKind.WS_MESSAGE,
                    UnitKind.WS_FRAME, UnitKind.WS_FRAME, UnitKind.WS_MESSAGE, UnitKind.WS_FRAME, UnitKind.WS_MESSAGE);
            EventRow verdict = reader.events(conn, 0, 100).stream().filter(e -> e.kind().equals(EventRow.HANDSHAKE))
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(w.handshakeFindings()).isEqualTo(verdict.findings());
            assertThat(w.c2s()).isEqualTo(concat(WsConversation.REQUEST, WsConversation.CLIENT_HELLO));
            assertThat(w.s2c()).isEqualTo(concat(WsConversation.RESPONSE, WsConversation.SERVER_HEL_LO,
                    WsConversation.SERVER_BINARY));
        }
    }

    @Test
    void theHttpMessagesStopAtTheSwitchAndKnowTheirFraming() throws Exception {
        try (SessionReader reader = SessionReader.open(file)) {
            List<HttpMessage> messages = new Redissection(reader, ConnectionDissection.standard()).httpMessages(conn);
            assertThat(messages).hasSize(2);
            assertThat(messages.get(0).head().length()).isEqualTo(WsConversation.REQUEST.length);
            assertThat(messages.get(1).head().length()).isEqualTo(WsConversation.RESPONSE.length);
            assertThat(messages.get(1).body().wire().length()).isZero();
        }
    }

    @Test
    void aDissectorThatFailsStopsTheUnitsButNotTheRawBytes() throws Exception {
        ConnectionDissection.Factory failing = () -> {
            ConnectionDissection real = ConnectionDissection.standard().create();
            return new ConnectionDissection() {
                @Override
                public List<DissectionEvent> feed(Direction d, long offset, byte[] bytes) {
                    if (d == Direction.S2C && offset > 0) {
                        throw new IllegalStateException("a bug after the 101");
                    }
                    return real.feed(d, offset, bytes);
                }

                @Override
                public List<DissectionEvent> end(Direction d) {
                    return real.end(d);
                }
            };
        };
        try (SessionReader reader = SessionReader.open(file)) {
            Redissection.Window w = new Redissection(reader, failing).window(reader.connection(conn).orElseThrow());
            assertThat(w.httpMessages()).hasSize(2);
            assertThat(w.units()).noneMatch(u -> u.dir() == Direction.S2C);
            assertThat(w.s2c()).hasSize(WsConversation.RESPONSE.length + WsConversation.SERVER_HEL_LO.length
                    + WsConversation.SERVER_BINARY.length);
        }
    }

    @Test
    void aStoredEventFindsItsUnitAndItsTreeAgain() throws Exception {
        try (SessionReader reader = SessionReader.open(file)) {
            Redissection r = new Redissection(reader, ConnectionDissection.standard());
            EventRow binary = reader.events(conn, 0, 100).stream().filter(e -> e.is(UnitKind.WS_MESSAGE))
                    .reduce((a, b) -> b).orElseThrow();
            Unit unit = r.unitOf(binary.id()).orElseThrow();
            assertThat(unit.offset()).isEqualTo(binary.offset());
            assertThat(unit.summary()).isEqualTo(binary.summary());
            assertThat(r.treeOf(binary.id()).orElseThrow().label()).isEqualTo("WebSocket message");
            assertThat(r.units(conn)).hasSize(9);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
