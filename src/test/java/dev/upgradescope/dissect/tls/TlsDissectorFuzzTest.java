package dev.upgradescope.dissect.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Unit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Random and mutated bytes from fixed seeds: never an exception, and every byte accounted for. */
class TlsDissectorFuzzTest {

    static final List<Conversation> SEEDS = new ArrayList<>();

    @BeforeAll
    static void seeds() throws Exception {
        TlsFixtureTest.fixtures().forEach(a -> SEEDS.add(Conversation.fixture((String) a.get()[0])));
        EngineTranscript t = EngineTranscript.handshake("TLSv1.3");
        SEEDS.add(new Conversation(t.c2s(), t.s2c()));
        EngineTranscript t12 = EngineTranscript.handshake("TLSv1.2");
        SEEDS.add(new Conversation(t12.c2s(), t12.s2c()));
    }

    @Test
    void randomBytes() {
        Random rnd = new Random(8446);
        for (int i = 0; i < 500; i++) {
            byte[] c = new byte[rnd.nextInt(300)];
            byte[] s = new byte[rnd.nextInt(300)];
            rnd.nextBytes(c);
            rnd.nextBytes(s);
            if (rnd.nextBoolean() && c.length > 3) {
                c[0] = 22;
                c[1] = 3;
                c[3] = 0;
            }
            exercise(new Conversation(c, s), rnd);
        }
    }

    @Test
    void mutatedConversations() {
        Random rnd = new Random(5246);
        for (int i = 0; i < 1000; i++) {
            Conversation seed = SEEDS.get(rnd.nextInt(SEEDS.size()));
            exercise(new Conversation(mutate(seed.c2s(), rnd), mutate(seed.s2c(), rnd)), rnd);
        }
    }

    static byte[] mutate(byte[] in, Random rnd) {
        byte[] b = Arrays.copyOf(in, in.length);
        if (b.length == 0) {
            return b;
        }
        int edits = 1 + rnd.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = rnd.nextInt(b.length);
            switch (rnd.nextInt(4)) {
                case 0 -> b[at] = (byte) rnd.nextInt(256);
                case 1 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
                case 2 -> b = Arrays.copyOf(b, at + 1);
                default -> b[at] = (byte) (rnd.nextBoolean() ? 0 : 0xFF);
            }
        }
        return b;
    }

    static void exercise(Conversation c, Random rnd) {
        TlsDissector d = new TlsDissector();
        List<Unit> units = new ArrayList<>();
        for (Direction dir : Direction.values()) {
            byte[] b = c.bytes(dir);
            int i = 0;
            while (i < b.length) {
                int n = 1 + rnd.nextInt(Math.min(b.length - i, 1 + rnd.nextInt(400)));
                units.addAll(d.feed(dir, i, b, i, i + n));
                i += n;
            }
            units.addAll(d.end(dir));
            long covered = units.stream().filter(u -> u.dir() == dir).mapToLong(Unit::length).sum();
            assertThat(covered).isEqualTo(b.length);
        }
        for (Unit u : units) {
            assertThat(u.summary()).isNotBlank();
            u.attributes();
            touch(u.tree());
            for (Finding f : u.findings()) {
                assertThat(f.message()).isNotBlank();
            }
        }
    }

    private static void touch(Field f) {
        assertThat(f.range()).isNotNull();
        f.children().forEach(TlsDissectorFuzzTest::touch);
    }
}
