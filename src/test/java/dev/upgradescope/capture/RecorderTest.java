package dev.upgradescope.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderTest {

    @TempDir
    Path dir;

    @Test
    void recordsChunksEventsAndTheConnectionSummary() throws Exception {
        Path file = dir.resolve("s.upgradescope");
        long conn;
        try (CaptureStore store = CaptureStore.create(file); Recorder recorder = new Recorder(store, TestWsDissection::new)) {
            conn = WsConversation.record(recorder, System.nanoTime());
            recorder.flush();
        }
        try (SessionReader reader = SessionReader.open(file)) {
            ConnectionRow c = reader.connection(conn).orElseThrow();
            assertThat(c.target()).isEqualTo("server.example.com:80");
            assertThat(c.c2sBytes()).isEqualTo(WsConversation.REQUEST.length + WsConversation.CLIENT_HELLO.length);
            assertThat(c.s2cBytes()).isEqualTo(WsConversation.RESPONSE.length + WsConversation.SERVER_HEL_LO.length
                    + WsConversation.SERVER_BINARY.length);
            assertThat(c.askedProtocols()).containsExactly("websocket");
            assertThat(c.status()).isEqualTo(101);
            assertThat(c.outcome()).isEqualTo("upgraded");
            assertThat(c.protocol()).isEqualTo("websocket");
            assertThat(c.frames()).isEqualTo(4);
            assertThat(c.closed()).isTrue();
            assertThat(c.closedWallMicros()).isGreaterThanOrEqualTo(c.openedWallMicros());
            assertThat(reader.closedCleanly()).isTrue();

            List<EventRow> events = reader.events(conn, 0, 100);
            assertThat(events).extracting(EventRow::kind).containsExactly("http-request", "http-response",
                    "handshake", "protocol-switch", "ws-frame", "ws-message", "ws-frame", "ws-frame", "ws-message",
                    "ws-frame", "ws-message");
            assertThat(c.events()).isEqualTo(events.size());
            EventRow hello = events.get(5);
            assertThat(hello.dir()).isEqualTo(Direction.C2S);
            assertThat(hello.offset()).isEqualTo(WsConversation.REQUEST.length);
            assertThat(hello.attributes()).containsEntry("text", "Hello").containsEntry("opcode", 1);
            EventRow response = events.get(1);
            assertThat(response.findings()).hasSize(1);
            assertThat(response.findings().get(0).spec().section()).isEqualTo("4.2.2");
            assertThat(response.findings().get(0).range().streamRange().length())
                    .isEqualTo(WsConversation.RESPONSE.length);
            EventRow binary = events.get(10);
            assertThat(binary.payloadSize()).isEqualTo(3);
            assertThat(reader.payload(binary.id())).hasValue(new byte[] {1, 2, 3});
            assertThat(reader.payload(hello.id())).hasValue("Hello".getBytes());

            // the fragmented message was recorded in two chunks split inside the second frame's header
            byte[] s2cFrames = reader.bytes(conn, Direction.S2C, WsConversation.RESPONSE.length,
                    WsConversation.SERVER_HEL_LO.length);
            assertThat(s2cFrames).isEqualTo(WsConversation.SERVER_HEL_LO);
            assertThat(reader.bytes(conn, Direction.S2C, WsConversation.RESPONSE.length + 4, 3))
                    .containsExactly(0x6c, 0x80, 0x02);
            assertThat(reader.bytes(conn, Direction.C2S, 0, 1 << 20))
                    .hasSize(WsConversation.REQUEST.length + WsConversation.CLIENT_HELLO.length);
        }
    }

    @Test
    void reDerivesTheTreeOfAStoredUnitFromTheRawBytes() throws Exception {
        Path file = dir.resolve("tree.upgradescope");
        long conn;
        try (CaptureStore store = CaptureStore.create(file); Recorder recorder = new Recorder(store, TestWsDissection::new)) {
            conn = WsConversation.record(recorder, System.nanoTime());
            recorder.flush();
        }
        try (SessionReader reader = SessionReader.open(file)) {
            EventRow lastFrame = reader.events(conn, 0, 100).stream().filter(e -> e.kind().equals("ws-frame"))
                    .reduce((a, b) -> b).orElseThrow();
            ConnectionReplayer replayer = new ConnectionReplayer(reader, TestWsDissection::new);
            Field tree = replayer.treeOf(lastFrame.id()).orElseThrow();
            assertThat(tree.label()).isEqualTo("ws-frame");
            assertThat(tree.range().streamRange()).isEqualTo(
                    dev.upgradescope.wire.ByteRange.of(Direction.S2C, lastFrame.offset(), lastFrame.length()));
            assertThat(replayer.units(conn)).hasSize(9);
            EventRow handshake = reader.events(conn, 0, 100).get(2);
            assertThat(replayer.treeOf(handshake.id())).isEmpty();
        }
    }

    @Test
    void aDissectorThatThrowsStopsDissectingThatConnectionOnly() throws Exception {
        Path file = dir.resolve("bug.upgradescope");
        long broken;
        long fine;
        try (CaptureStore store = CaptureStore.create(file);
             Recorder recorder = new Recorder(store, () -> new ConnectionDissection() {
                 private final TestWsDissection inner = new TestWsDissection();

                 @Override
                 public List<Dissected> feed(Direction d, long offset, byte[] bytes) {
                     if (bytes.length == WsConversation.SERVER_BINARY.length) {
                         throw new IllegalStateException("bug");
                     }
                     return inner.feed(d, offset, bytes);
                 }

                 @Override
                 public List<Dissected> end(Direction d) {
                     return inner.end(d);
                 }
             })) {
            broken = WsConversation.record(recorder, System.nanoTime());
            long t = System.nanoTime();
            fine = recorder.open(new ConnectionInfo("c", "l", ListenerMode.IMPORT, "t", 0, t));
            recorder.chunk(fine, Direction.C2S, t, WsConversation.REQUEST);
            recorder.flush();
        }
        try (SessionReader reader = SessionReader.open(file)) {
            assertThat(reader.notes(broken)).extracting(NoteRow::code).containsExactly(Recorder.NOTE_DISSECTOR_FAILED);
            assertThat(reader.connection(broken).orElseThrow().s2cBytes()).isEqualTo(WsConversation.RESPONSE.length
                    + WsConversation.SERVER_HEL_LO.length + WsConversation.SERVER_BINARY.length);
            assertThat(reader.events(fine, 0, 10)).extracting(EventRow::kind).containsExactly("http-request");
        }
    }

    @Test
    void afterCloseSinkCallsReturnAndRecordNothing() throws Exception {
        Path file = dir.resolve("closed.upgradescope");
        CaptureStore store = CaptureStore.create(file);
        Recorder recorder = new Recorder(store, TestWsDissection::new);
        long conn = recorder.open(new ConnectionInfo("c", "l", ListenerMode.IMPORT, "t", 0, System.nanoTime()));
        recorder.chunk(conn, Direction.C2S, System.nanoTime(), WsConversation.REQUEST);
        recorder.close();
        store.close();
        for (int i = 0; i < 10_000; i++) { // would fill the queue and wait if anything were still queued
            recorder.chunk(conn, Direction.C2S, System.nanoTime(), new byte[4096]);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(store::flush).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("closed");
        try (SessionReader reader = SessionReader.open(file)) {
            assertThat(reader.connection(conn).orElseThrow().c2sBytes()).isEqualTo(WsConversation.REQUEST.length);
        }
    }
}
