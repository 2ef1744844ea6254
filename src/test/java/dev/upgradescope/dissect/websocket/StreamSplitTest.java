package dev.upgradescope.dissect.websocket;

import static dev.upgradescope.dissect.websocket.FrameBytes.MASK;
import static dev.upgradescope.wire.Direction.C2S;
import static dev.upgradescope.wire.Direction.S2C;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.OpaqueBytes;
import dev.upgradescope.wire.Unit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * Every prefix of a valid stream, the stream split at every point, byte by byte and at once give
 * consistent units; random and mutated input never throws and always tiles the stream with units.
 */
class StreamSplitTest {

    /** A client stream exercising every state: masking, 16-bit lengths, fragments, control frames in between, compression, close. */
    static byte[] clientStream() {
        Deflater deflater = new Deflater(6, true);
        byte[] big = "0123456789abcdef".repeat(10).getBytes(StandardCharsets.UTF_8);
        return FrameBytes.stream()
                .text("Hello κόσμε", MASK)
                .frame(false, 0, Opcode.TEXT, Arrays.copyOfRange("日本語".getBytes(StandardCharsets.UTF_8), 0, 4), MASK)
                .frame(true, 0, Opcode.PING, "p".getBytes(StandardCharsets.UTF_8), MASK)
                .frame(true, 0, Opcode.CONTINUATION,
                        Arrays.copyOfRange("日本語".getBytes(StandardCharsets.UTF_8), 4, 9), MASK)
                .frame(true, 0, Opcode.BINARY, big, MASK)
                .frame(true, 0b100, Opcode.TEXT, DeflateRoundTripTest.compress(deflater,
                        "{\"compressed\":true}".getBytes(StandardCharsets.UTF_8)), MASK)
                .frame(true, 0b100, Opcode.TEXT, DeflateRoundTripTest.compress(deflater,
                        "{\"compressed\":true}".getBytes(StandardCharsets.UTF_8)), MASK)
                .frame(true, 0, Opcode.CLOSE, FrameBytes.close(1000, "done"), MASK)
                .bytes();
    }

    static List<String> run(byte[] stream, int... cuts) {
        Dissection d = new Dissection(WsDissectorChecksTest.PMD);
        int from = 0;
        for (int cut : cuts) {
            d.feed(C2S, Arrays.copyOfRange(stream, from, cut));
            from = cut;
        }
        d.feed(C2S, Arrays.copyOfRange(stream, from, stream.length));
        return d.end().signature();
    }

    @Test
    void theValidStreamHasNoFindings() {
        Dissection d = new Dissection(WsDissectorChecksTest.PMD).feed(C2S, clientStream()).end();
        assertThat(d.codes()).isEmpty();
        assertThat(d.of(WsMessage.class)).hasSize(5);
    }

    @Test
    void splitAtEveryPointGivesTheSameUnits() {
        byte[] stream = clientStream();
        List<String> whole = run(stream);
        for (int cut = 1; cut < stream.length; cut++) {
            assertThat(run(stream, cut)).as("cut at %d", cut).isEqualTo(whole);
        }
        assertThat(new Dissection(WsDissectorChecksTest.PMD).feed(C2S, stream, 1).end().signature()).isEqualTo(whole);
        assertThat(new Dissection(WsDissectorChecksTest.PMD).feed(C2S, stream, 3).end().signature()).isEqualTo(whole);
    }

    @Test
    void everyPrefixEndsCleanlyAndTilesTheBytes() {
        byte[] stream = clientStream();
        List<String> whole = run(stream);
        for (int n = 0; n <= stream.length; n++) {
            Dissection d = new Dissection(WsDissectorChecksTest.PMD).feed(C2S, Arrays.copyOf(stream, n)).end();
            assertTiles(d.units(), C2S, n);
            // the frames that ended inside the prefix are exactly those of the whole stream
            List<String> complete = d.units().stream().filter(u -> u.findings().isEmpty())
                    .map(Dissection::signature).toList();
            assertThat(whole).as("prefix %d", n).containsAll(complete);
        }
    }

    /** The frames and opaque runs of {@code dir} cover {@code [0, length)} exactly, in order. */
    static void assertTiles(List<Unit> units, Direction dir, long length) {
        long at = 0;
        List<Unit> pieces = units.stream().filter(u -> u.dir() == dir)
                .filter(u -> u instanceof WsFrame || u instanceof OpaqueBytes)
                .sorted(Comparator.comparingLong(Unit::offset)).toList();
        for (Unit u : pieces) {
            assertThat(u.offset()).as("%s", u.summary()).isEqualTo(at);
            at = u.offset() + u.length();
        }
        assertThat(at).isEqualTo(length);
        for (Unit u : units) {
            if (u instanceof WsMessage m && m.dir() == dir) {
                assertThat(m.offset() + m.length()).as("%s in %s", m, units).isLessThanOrEqualTo(length);
                u.tree(); // builds without throwing
            }
        }
    }

    static WsNegotiation randomNegotiation(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> WsNegotiation.NONE;
            case 1 -> WsDissectorChecksTest.PMD;
            case 2 -> WsDissectorChecksTest.UNKNOWN;
            default -> new WsNegotiation(Optional.empty(), List.of("permessage-deflate"),
                    Optional.of(new PerMessageDeflate(r.nextBoolean(), r.nextBoolean(), 9 + r.nextInt(7), 15)));
        };
    }

    static void dissectRandomly(Random r, byte[] c2s, byte[] s2c) {
        Dissection d = new Dissection(randomNegotiation(r), r.nextBoolean() ? 64 : WsDissector.DEFAULT_KEEP_LIMIT);
        int pc = 0;
        int ps = 0;
        while (pc < c2s.length || ps < s2c.length) {
            if (pc < c2s.length && (ps >= s2c.length || r.nextBoolean())) {
                int n = Math.min(c2s.length - pc, 1 + r.nextInt(40));
                d.feed(C2S, Arrays.copyOfRange(c2s, pc, pc + n));
                pc += n;
            } else {
                int n = Math.min(s2c.length - ps, 1 + r.nextInt(40));
                d.feed(S2C, Arrays.copyOfRange(s2c, ps, ps + n));
                ps += n;
            }
        }
        d.end();
        assertTiles(d.units(), C2S, c2s.length);
        assertTiles(d.units(), S2C, s2c.length);
        for (Unit u : d.units()) {
            u.summary();
            u.attributes();
            u.findings().forEach(f -> f.message());
        }
    }

    @Test
    void fuzzRandomBytes() {
        Random r = new Random(20240611L);
        for (int k = 0; k < 3000; k++) {
            byte[] c2s = new byte[r.nextInt(300)];
            byte[] s2c = new byte[r.nextInt(300)];
            r.nextBytes(c2s);
            r.nextBytes(s2c);
            // keep most lengths small so that frames actually end inside the input
            for (int i = 1; i < c2s.length; i += 1 + r.nextInt(20)) {
                c2s[i] &= (byte) (r.nextBoolean() ? 0x8F : 0xFF);
            }
            dissectRandomly(r, c2s, s2c);
        }
    }

    @Test
    void fuzzMutatedValidStreams() {
        Random r = new Random(77L);
        byte[] valid = clientStream();
        byte[] server = FrameBytes.stream().text("server text", null)
                .frame(true, 0b100, Opcode.TEXT, new byte[] {(byte) 0xf2, 0x48, (byte) 0xcd, (byte) 0xc9, (byte) 0xc9, 0x07, 0x00}, null)
                .frame(true, 0, Opcode.PING, new byte[0], null).bytes();
        for (int k = 0; k < 3000; k++) {
            byte[] c2s = valid.clone();
            byte[] s2c = server.clone();
            int flips = 1 + r.nextInt(4);
            for (int f = 0; f < flips; f++) {
                c2s[r.nextInt(c2s.length)] ^= (byte) (1 << r.nextInt(8));
                s2c[r.nextInt(s2c.length)] = (byte) r.nextInt(256);
            }
            dissectRandomly(r, c2s, s2c);
        }
    }
}
