package dev.upgradescope.bench;

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
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The capture's cost per upgraded connection, as {@code ProxyLoad}'s upgrade-rate step produces them
 * (a WebSocket handshake, its 101, both sides closing): {@code dissect} runs one connection through
 * the standard dissection alone; {@code record} runs {@value #BATCH} connections through the real
 * recorder into a session file and waits until they are committed (ops/s = connections per second).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class UpgradeRecordBenchmark {

    static final int BATCH = 1000;
    static final byte[] REQUEST = ("GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    /** The answer of Netty's WebSocket server handler, as the load tool's echo server sends it. */
    static final byte[] RESPONSE = ("HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\n"
            + "connection: upgrade\r\nsec-websocket-accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final ConnectionDissection.Factory standard = ConnectionDissection.standard();
    private Path dir;
    private CaptureStore store;
    private Recorder recorder;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("upgradescope-bench");
        store = CaptureStore.create(dir.resolve("bench.upgradescope"));
        recorder = new Recorder(store, standard);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        recorder.close();
        store.close();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Benchmark
    public void dissect(Blackhole bh) {
        ConnectionDissection d = standard.create();
        bh.consume(d.feed(Direction.C2S, 0, REQUEST));
        bh.consume(d.feed(Direction.S2C, 0, RESPONSE));
        bh.consume(d.end(Direction.C2S));
        bh.consume(d.end(Direction.S2C));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void record() throws IOException {
        for (int i = 0; i < BATCH; i++) {
            long t = System.nanoTime();
            long conn = recorder.open(new ConnectionInfo("127.0.0.1:40000", "127.0.0.1:8080", ListenerMode.REVERSE,
                    "127.0.0.1:9000", System.currentTimeMillis(), t));
            recorder.chunk(conn, Direction.C2S, t, REQUEST.clone());
            recorder.chunk(conn, Direction.S2C, t, RESPONSE.clone());
            recorder.end(conn, Direction.C2S, t);
            recorder.end(conn, Direction.S2C, t);
        }
        recorder.flush();
    }
}
