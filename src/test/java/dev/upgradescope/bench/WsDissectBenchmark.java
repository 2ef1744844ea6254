package dev.upgradescope.bench;

import dev.upgradescope.dissect.websocket.WsDissector;
import dev.upgradescope.dissect.websocket.WsNegotiation;
import dev.upgradescope.wire.Direction;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the WebSocket frame dissector on a 4 MiB stream fed in 64 KiB reads, as a proxy
 * would: the primary score is streams per second, the {@code bytes} counter is stream bytes per
 * second (divide by 10^6 for MB/s).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class WsDissectBenchmark {

    private static final int STREAM_BYTES = 4 << 20;
    private static final int READ = 64 * 1024;

    /** Scenario: who sends, payload size, and text or binary. */
    @Param({"server-16k-binary", "client-16k-binary", "server-64b-binary", "client-64b-text", "server-16k-text"})
    public String scenario;

    private byte[] stream;
    private Direction dir;

    /** Stream bytes dissected, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup
    public void build() {
        String[] p = scenario.split("-");
        dir = p[0].equals("client") ? Direction.C2S : Direction.S2C;
        int size = p[1].equals("16k") ? 16 * 1024 : 64;
        boolean text = p[2].equals("text");
        Random r = new Random(1);
        byte[] payload = new byte[size];
        for (int i = 0; i < size; i++) {
            payload[i] = text ? (byte) ('a' + r.nextInt(26)) : (byte) r.nextInt(256);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(STREAM_BYTES + 64 * 1024);
        byte[] mask = {0x37, (byte) 0xfa, 0x21, 0x3d};
        while (out.size() < STREAM_BYTES) {
            out.write(0x80 | (text ? 0x1 : 0x2));
            int maskBit = dir == Direction.C2S ? 0x80 : 0;
            if (size < 126) {
                out.write(maskBit | size);
            } else {
                out.write(maskBit | 126);
                out.write(size >> 8);
                out.write(size & 0xFF);
            }
            if (maskBit != 0) {
                out.write(mask, 0, 4);
                for (int i = 0; i < size; i++) {
                    out.write(payload[i] ^ mask[i & 3]);
                }
            } else {
                out.write(payload, 0, size);
            }
        }
        stream = out.toByteArray();
    }

    @Benchmark
    public void dissect(Bytes counter, Blackhole bh) {
        WsDissector dissector = new WsDissector(WsNegotiation.NONE);
        for (int from = 0; from < stream.length; from += READ) {
            int to = Math.min(stream.length, from + READ);
            bh.consume(dissector.feed(dir, from, stream, from, to));
        }
        bh.consume(dissector.end(dir));
        counter.bytes += stream.length;
    }
}
