package dev.upgradescope.capture.bench;

import dev.upgradescope.capture.CaptureStore;
import dev.upgradescope.capture.ConnectionDissection;
import dev.upgradescope.capture.ConnectionInfo;
import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.capture.Recorder;
import dev.upgradescope.wire.Direction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What recording costs. {@code dissectOneChunk}: the dissection of one chunk of
 * {@code framesPerChunk} WebSocket frames (ns per chunk). {@code recordAndCommit}: one frame
 * through the whole pipeline — sink call, dissection thread, store writer, committed (ns per frame,
 * amortised over 4,096 frames and one flush).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class RecorderBenchmark {

    private static final byte[] REQUEST = ("GET /chat HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESPONSE = ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    /** Payload bytes per binary frame. */
    @Param({"62", "16384"})
    public int payload;

    /** Frames per chunk: one, or many as a busy connection's reads carry. */
    @Param({"1", "64"})
    public int framesPerChunk;

    private byte[] chunk;

    private byte[] frame;
    private ConnectionDissection dissection;
    private long c2s;
    private long s2c;
    private Path dir;
    private CaptureStore store;
    private Recorder recorder;
    private long conn;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        frame = new byte[(payload < 126 ? 2 : 4) + payload];
        frame[0] = (byte) 0x82;
        if (payload < 126) {
            frame[1] = (byte) payload;
        } else {
            frame[1] = 126;
            frame[2] = (byte) (payload >> 8);
            frame[3] = (byte) payload;
        }
        chunk = new byte[frame.length * framesPerChunk];
        for (int i = 0; i < framesPerChunk; i++) {
            System.arraycopy(frame, 0, chunk, i * frame.length, frame.length);
        }
        dissection = ConnectionDissection.standard().create();
        dissection.feed(Direction.C2S, 0, REQUEST);
        dissection.feed(Direction.S2C, 0, RESPONSE);
        c2s = REQUEST.length;
        s2c = RESPONSE.length;
        dir = Files.createTempDirectory("recorder-bench");
        store = CaptureStore.create(dir.resolve("bench.upgradescope"));
        recorder = new Recorder(store, ConnectionDissection.standard(), new Recorder.Options(16 << 20, 16 << 20, 1 << 20));
        conn = recorder.open(new ConnectionInfo("c", "l", ListenerMode.IMPORT, "h:80", 0, System.nanoTime()));
        recorder.chunk(conn, Direction.C2S, System.nanoTime(), REQUEST);
        recorder.chunk(conn, Direction.S2C, System.nanoTime(), RESPONSE);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        recorder.close();
        store.close();
    }

    @Benchmark
    public void dissectOneChunk(Blackhole bh) {
        bh.consume(dissection.feed(Direction.S2C, s2c, chunk));
        s2c += chunk.length;
    }

    /** Nanoseconds per frame: records 4,096 frames and waits until they are committed. */
    @Benchmark
    @OperationsPerInvocation(4096)
    public void recordAndCommit() throws IOException {
        for (int i = 0; i < 4096 / framesPerChunk; i++) {
            recorder.chunk(conn, Direction.S2C, System.nanoTime(), chunk.clone());
        }
        recorder.flush();
    }
}
