package dev.upgradescope.dissect.http2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.OpaqueBytes;
import dev.upgradescope.wire.Unit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every prefix of a stream, the stream split at every point and the stream fed byte by byte give the
 * same units as the stream fed at once (adjacent opaque units merged).
 */
class H2DissectorSplitTest {

    static Stream<Arguments> streams() {
        byte[] block = H2Bytes.literalBlock(":method", "GET", ":scheme", "http", ":path", "/a", ":authority", "h");
        byte[] continued = H2Bytes.clientWithPreface().settings(0x1, 4096)
                .frame(FrameType.HEADERS, 0x1, 1, Arrays.copyOf(block, 7))
                .frame(FrameType.CONTINUATION, 0, 1, Arrays.copyOfRange(block, 7, 20))
                .frame(FrameType.CONTINUATION, 0x4, 1, Arrays.copyOfRange(block, 20, block.length))
                .frame(FrameType.DATA, 0x8, 1, new byte[] {3, 'x', 0, 0, 0})
                .frame(FrameType.PING, 0, 0, new byte[8])
                .bytes();
        byte[] lost = H2Bytes.concat(new H2Bytes().settings().bytes(),
                "HTTP/1.1 200 OK\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] badPreface = "PRI * HTTP/1.1\r\n\r\nxyz".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return Stream.of(
                Arguments.of("h2c client", Direction.C2S, H2Conversation.client()),
                Arguments.of("h2c server", Direction.S2C, H2Conversation.server()),
                Arguments.of("client with CONTINUATION", Direction.C2S, continued),
                Arguments.of("server losing framing", Direction.S2C, lost),
                Arguments.of("wrong preface", Direction.C2S, badPreface));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void byteByByteEqualsAtOnce(String name, Direction dir, byte[] stream) {
        List<Object> whole = H2Run.normalised(run(dir, stream, stream.length));
        assertThat(H2Run.normalised(run(dir, stream, 1))).isEqualTo(whole);
        assertThat(H2Run.normalised(run(dir, stream, 7))).isEqualTo(whole);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void everySplitEqualsAtOnce(String name, Direction dir, byte[] stream) {
        List<Object> whole = H2Run.normalised(run(dir, stream, stream.length));
        for (int k = 0; k <= stream.length; k++) {
            H2Dissector d = dissector();
            List<Unit> units = new ArrayList<>(d.feed(dir, 0, stream, 0, k));
            units.addAll(d.feed(dir, k, stream, k, stream.length));
            units.addAll(d.end(dir));
            assertThat(H2Run.normalised(units)).as("split at %d", k).isEqualTo(whole);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void everyPrefixGivesTheCompleteUnitsThenATruncation(String name, Direction dir, byte[] stream) {
        List<Object> whole = H2Run.normalised(run(dir, stream, stream.length));
        for (int k = 0; k <= stream.length; k++) {
            H2Dissector d = dissector();
            List<Unit> units = new ArrayList<>(d.feed(dir, 0, Arrays.copyOf(stream, k)));
            List<Unit> end = d.end(dir);
            long covered = 0;
            for (Unit u : units) {
                covered = Math.max(covered, u.offset() + u.length());
            }
            assertThat(covered).as("prefix %d", k).isLessThanOrEqualTo(k);
            List<Object> got = H2Run.normalised(units);
            boolean lostFraming = units.stream().anyMatch(u -> u instanceof OpaqueBytes);
            if (!lostFraming) {
                assertThat(whole.subList(0, got.size())).as("prefix %d", k).isEqualTo(got);
            }
            for (Unit u : end) {
                assertThat(u).isInstanceOf(OpaqueBytes.class);
                assertThat(u.offset() + u.length()).isEqualTo(k);
                assertThat(u.findings()).isNotEmpty();
            }
        }
    }

    private static H2Dissector dissector() {
        return new H2Dissector(H2Conversation.config());
    }

    private static List<Unit> run(Direction dir, byte[] stream, int chunk) {
        H2Dissector d = dissector();
        List<Unit> out = new ArrayList<>();
        for (int p = 0; p < stream.length; p += chunk) {
            int to = Math.min(stream.length, p + chunk);
            out.addAll(d.feed(dir, p, stream, p, to));
        }
        out.addAll(d.end(dir));
        return out;
    }
}
