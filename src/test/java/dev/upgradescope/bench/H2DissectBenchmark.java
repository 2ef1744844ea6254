package dev.upgradescope.bench;

import dev.upgradescope.dissect.http2.H2Config;
import dev.upgradescope.dissect.http2.H2Dissector;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Unit;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the HTTP/2 dissector on a client stream of 16 KiB DATA frames and on one of small
 * HEADERS frames (HPACK with static, dynamic and Huffman representations), fed in 16 KiB chunks.
 * Each operation dissects {@value #STREAM_BYTES} bytes, so MB/s = ops/s × 1.048576.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class H2DissectBenchmark {

    /** Both streams are cut to exactly 1 MiB. */
    static final int STREAM_BYTES = 1 << 20;
    static final int CHUNK = 16 * 1024;

    private byte[] dataStream;
    private byte[] headersStream;

    @Setup
    public void build() {
        ByteArrayOutputStream data = start();
        byte[] payload = new byte[16 * 1024];
        for (int stream = 1; data.size() < STREAM_BYTES; stream += 2) {
            frame(data, 0x0, 0x0, stream, payload);
        }
        dataStream = java.util.Arrays.copyOf(data.toByteArray(), STREAM_BYTES);

        ByteArrayOutputStream headers = start();
        byte[] authorityHuffman = HexFormat.of().parseHex("018cf1e3c2e5f23a6ba0ab90f4ff"); // RFC 7541 C.4.1
        byte[] first = concat(new byte[] {(byte) 0x82, (byte) 0x86}, literalIndexed("user-agent", "bench/1.0"),
                authorityHuffman);
        frame(headers, 0x1, 0x5, 1, first);
        for (int stream = 3; headers.size() < STREAM_BYTES; stream += 2) {
            byte[] block = concat(new byte[] {(byte) 0x82, (byte) 0x86, (byte) 0xbe}, authorityHuffman,
                    literalPath("/items/" + stream), literalNew("x-request-id", Integer.toHexString(stream * 7919)));
            frame(headers, 0x1, 0x5, stream, block);
        }
        headersStream = java.util.Arrays.copyOf(headers.toByteArray(), STREAM_BYTES);
    }

    @Benchmark
    public void dataFrames16k(Blackhole bh) {
        dissect(dataStream, bh);
    }

    @Benchmark
    public void headersFrames(Blackhole bh) {
        dissect(headersStream, bh);
    }

    private static void dissect(byte[] stream, Blackhole bh) {
        H2Dissector d = new H2Dissector(H2Config.priorKnowledge());
        for (int p = 0; p < stream.length; p += CHUNK) {
            List<Unit> units = d.feed(Direction.C2S, p, stream, p, Math.min(stream.length, p + CHUNK));
            bh.consume(units);
        }
        bh.consume(d.end(Direction.C2S));
    }

    private static ByteArrayOutputStream start() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        frame(out, 0x4, 0, 0, new byte[0]);
        return out;
    }

    private static void frame(ByteArrayOutputStream out, int type, int flags, int stream, byte[] payload) {
        out.write(payload.length >>> 16);
        out.write(payload.length >>> 8);
        out.write(payload.length);
        out.write(type);
        out.write(flags);
        out.write(stream >>> 24);
        out.write(stream >>> 16);
        out.write(stream >>> 8);
        out.write(stream);
        out.writeBytes(payload);
    }

    private static byte[] literalIndexed(String name, String value) {
        return concat(new byte[] {0x40}, string(name), string(value));
    }

    private static byte[] literalPath(String path) {
        return concat(new byte[] {0x04}, string(path));
    }

    private static byte[] literalNew(String name, String value) {
        return concat(new byte[] {0x00}, string(name), string(value));
    }

    private static byte[] string(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return concat(new byte[] {(byte) b.length}, b);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }
}
