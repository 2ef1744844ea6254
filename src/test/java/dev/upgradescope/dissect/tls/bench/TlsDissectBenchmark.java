package dev.upgradescope.dissect.tls.bench;

import dev.upgradescope.dissect.tls.TlsDissector;
import dev.upgradescope.wire.Direction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Throughput of the TLS dissector on a client stream: a ClientHello followed by 4 MiB of
 * encrypted application data records, fed in TCP-sized chunks or one byte at a time per hello.
 * Run: {@code ./mvnw -B -o -Pbench test-compile exec:exec -Dbench=TlsDissectBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TlsDissectBenchmark {

    @Param({"1460", "16389"})
    public int chunk;

    private byte[] stream;
    private byte[] hello;

    @Setup
    public void setUp() throws IOException {
        hello = clientHello();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(hello);
        byte[] body = new byte[1 << 14];
        new Random(1).nextBytes(body);
        for (int i = 0; i < 256; i++) {
            out.writeBytes(new byte[] {23, 3, 3, 0x40, 0});
            out.writeBytes(body);
        }
        stream = out.toByteArray();
    }

    @Benchmark
    public void applicationData(Blackhole bh) {
        TlsDissector d = new TlsDissector();
        for (int i = 0; i < stream.length; i += chunk) {
            bh.consume(d.feed(Direction.C2S, i, stream, i, Math.min(stream.length, i + chunk)));
        }
    }

    @Benchmark
    public void clientHelloByteByByte(Blackhole bh) {
        TlsDissector d = new TlsDissector();
        for (int i = 0; i < hello.length; i++) {
            bh.consume(d.feed(Direction.C2S, i, hello, i, i + 1));
        }
    }

    private static byte[] clientHello() throws IOException {
        try (InputStream in = TlsDissectBenchmark.class.getResourceAsStream("/rfc5246/7_4_1-hellos.hex")) {
            StringBuilder hex = new StringBuilder();
            boolean c2s = false;
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.startsWith(">")) {
                    c2s = true;
                } else if (line.startsWith("<")) {
                    c2s = false;
                } else if (c2s && !line.startsWith("#")) {
                    hex.append(line.strip());
                }
            }
            byte[] all = HexFormat.of().parseHex(hex);
            int len = 5 + (((all[3] & 0xFF) << 8) | (all[4] & 0xFF));
            return java.util.Arrays.copyOf(all, len);
        }
    }
}
