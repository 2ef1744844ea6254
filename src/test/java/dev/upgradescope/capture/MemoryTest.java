package dev.upgradescope.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.UnitKind;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder keeps nothing per frame: recording many more frames leaves the heap (after GC)
 * where it was. Not a timing test: it measures retained memory only.
 */
class MemoryTest {

    @TempDir
    Path dir;

    /** One ws-frame unit per chunk, as a frame dissector would report small unfragmented frames. */
    private static final class FramePerChunk implements ConnectionDissection {
        @Override
        public List<Dissected> feed(Direction d, long offset, byte[] bytes) {
            return List.of(new Dissected.UnitDone(new TestUnit(UnitKind.WS_FRAME, d, offset, bytes.length,
                    "FIN BINARY " + bytes.length, Map.of("fin", true, "opcode", 2))));
        }

        @Override
        public List<Dissected> end(Direction d) {
            return List.of();
        }
    }

    @Test
    void recording200000FramesRetainsNoPerFrameObjects() throws Exception {
        Path file = dir.resolve("memory.upgradescope");
        try (CaptureStore store = CaptureStore.create(file);
             // a producer that waits for room (a CapacityGate): this test is about what is retained
             Recorder recorder = new Recorder(store, FramePerChunk::new, new Recorder.Options(4 << 20, 1 << 20, 1 << 20))) {
            CapacityGate gate = new CapacityGate();
            long conn = recorder.open(new ConnectionInfo("c", "l", ListenerMode.IMPORT, "t", 0, System.nanoTime()), gate);
            assertFlat(recorder, conn, gate, new byte[64]);
            try (SessionReader reader = SessionReader.open(file)) {
                ConnectionRow c = reader.connection(conn).orElseThrow();
                assertThat(c.frames()).isEqualTo(200_000);
                assertThat(c.s2cBytes()).isEqualTo(200_000L * 64);
            }
        }
    }

    @Test
    void theRealDissectorsRecording200000WebSocketFramesRetainNoPerFrameObjects() throws Exception {
        Path file = dir.resolve("memory-ws.upgradescope");
        try (CaptureStore store = CaptureStore.create(file);
             Recorder recorder = new Recorder(store, ConnectionDissection.standard(),
                     new Recorder.Options(4 << 20, 1 << 20, 1 << 20))) {
            CapacityGate gate = new CapacityGate();
            long conn = recorder.open(new ConnectionInfo("c", "l", ListenerMode.IMPORT, "t", 0, System.nanoTime()), gate);
            recorder.chunk(conn, Direction.C2S, System.nanoTime(), WsConversation.REQUEST);
            recorder.chunk(conn, Direction.S2C, System.nanoTime(), WsConversation.RESPONSE);
            byte[] frame = new byte[64];
            frame[0] = (byte) 0x82; // FIN, binary, unmasked, 62 bytes of payload
            frame[1] = 62;
            assertFlat(recorder, conn, gate, frame);
            try (SessionReader reader = SessionReader.open(file)) {
                ConnectionRow c = reader.connection(conn).orElseThrow();
                assertThat(c.protocol()).isEqualTo("websocket");
                assertThat(c.frames()).isEqualTo(200_000);
            }
        }
    }

    /** 180,000 more frames of 64 bytes: keeping even the bytes of each would add over 14 MB. */
    private static void assertFlat(Recorder recorder, long conn, CapacityGate gate, byte[] frame) throws Exception {
        record(recorder, conn, gate, 20_000, frame);
        long before = retainedHeap();
        record(recorder, conn, gate, 180_000, frame);
        long after = retainedHeap();
        assertThat(after - before).as("heap growth in bytes").isLessThan(4L << 20);
    }

    private static void record(Recorder recorder, long conn, CapacityGate gate, int frames, byte[] frame)
            throws Exception {
        for (int i = 0; i < frames; i++) {
            gate.awaitAvailable();
            recorder.chunk(conn, Direction.S2C, System.nanoTime(), frame.clone());
        }
        recorder.flush();
        assertThat(recorder.state()).isEqualTo(Recorder.State.RECORDING);
    }

    private static long retainedHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
