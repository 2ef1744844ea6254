package dev.upgradescope.dissect.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same units whatever the chunking: all at once, byte by byte, split at every point; and every
 * prefix of a stream yields a prefix of its units, with no exception at end().
 */
class TlsDissectorIncrementalTest {

    static Stream<Conversation> conversations() throws Exception {
        List<Conversation> all = new ArrayList<>();
        TlsFixtureTest.fixtures().forEach(a -> all.add(Conversation.fixture((String) a.get()[0])));
        EngineTranscript t13 = EngineTranscript.handshake("TLSv1.3");
        all.add(new Conversation(t13.c2s(), t13.s2c()));
        EngineTranscript t12 = EngineTranscript.handshake("TLSv1.2");
        all.add(new Conversation(t12.c2s(), t12.s2c()));
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("conversations")
    void anyChunkingGivesTheSameUnits(Conversation c) {
        List<Unit> atOnce = c.dissect(0);
        for (int chunk : new int[] {1, 2, 3, 5, 7, 64, 1000}) {
            assertThat(c.dissect(chunk)).as("chunk %d", chunk).isEqualTo(atOnce);
        }
        int longest = Math.max(c.c2s().length, c.s2c().length);
        for (int split = 0; split <= longest; split++) {
            assertThat(c.dissectSplit(split)).as("split %d", split).isEqualTo(atOnce);
        }
    }

    @ParameterizedTest
    @MethodSource("conversations")
    void everyPrefixGivesAPrefixOfTheUnits(Conversation c) {
        if (c.s2c().length > 0 && c.c2s().length > 0) {
            // the server's hello is checked against the client's: dissect the client side first
            everyPrefix(c, Direction.C2S, new byte[0]);
        }
        everyPrefix(c, Direction.C2S, null);
        everyPrefix(c, Direction.S2C, c.c2s());
    }

    private static void everyPrefix(Conversation c, Direction dir, byte[] clientFirst) {
        byte[] b = c.bytes(dir);
        List<Unit> full = unitsOf(b, dir, b.length, clientFirst, false);
        for (int k = 0; k <= b.length; k++) {
            List<Unit> before = unitsOf(b, dir, k, clientFirst, false);
            if (full.stream().noneMatch(u -> u instanceof dev.upgradescope.wire.OpaqueBytes)) {
                assertThat(full.subList(0, before.size())).as("prefix %d", k).isEqualTo(before);
            }
            List<Unit> ended = unitsOf(b, dir, k, clientFirst, true);
            long covered = ended.stream().mapToLong(Unit::length).sum();
            assertThat(covered).as("prefix %d covered", k).isEqualTo(k);
        }
    }

    private static List<Unit> unitsOf(byte[] b, Direction dir, int k, byte[] clientFirst, boolean end) {
        TlsDissector d = new TlsDissector();
        if (dir == Direction.S2C && clientFirst != null) {
            d.feed(Direction.C2S, 0, clientFirst);
        }
        List<Unit> out = new ArrayList<>(d.feed(dir, 0, b, 0, k));
        if (end) {
            out.addAll(d.end(dir));
        }
        return Conversation.coalesce(out);
    }
}
