package dev.upgradescope.dissect.http2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Unit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random and mutated bytes from fixed seeds, in random chunks: never an exception, units in bounds. */
class H2DissectorFuzzTest {

    private static final H2Config[] CONFIGS = {H2Conversation.config(), H2Config.priorKnowledge(),
        new H2Config(H2Config.Mode.TLS_ALPN, List.of())};

    @Test
    void randomBytes() {
        Random random = new Random(0x5eed_0001L);
        for (int i = 0; i < 400; i++) {
            byte[] c2s = new byte[random.nextInt(600)];
            byte[] s2c = new byte[random.nextInt(600)];
            random.nextBytes(c2s);
            random.nextBytes(s2c);
            if (random.nextBoolean()) {
                System.arraycopy(FrameStream.PREFACE, 0, c2s, 0, Math.min(c2s.length, FrameStream.PREFACE.length));
            }
            run(random, CONFIGS[i % CONFIGS.length], c2s, s2c);
        }
    }

    @Test
    void framesWithRandomHeadersAndPayloads() {
        Random random = new Random(0x5eed_0002L);
        for (int i = 0; i < 400; i++) {
            H2Bytes c = H2Bytes.clientWithPreface();
            H2Bytes s = new H2Bytes();
            for (int k = random.nextInt(12); k > 0; k--) {
                for (H2Bytes b : new H2Bytes[] {c, s}) {
                    byte[] payload = new byte[random.nextInt(40)];
                    random.nextBytes(payload);
                    b.frame(random.nextInt(12), random.nextInt(256), random.nextInt(6), payload);
                }
            }
            run(random, CONFIGS[i % CONFIGS.length], c.bytes(), s.bytes());
        }
    }

    @Test
    void mutatedConversation() {
        Random random = new Random(0x5eed_0003L);
        byte[] client = H2Conversation.client();
        byte[] server = H2Conversation.server();
        for (int i = 0; i < 600; i++) {
            run(random, CONFIGS[i % CONFIGS.length], mutate(random, client), mutate(random, server));
        }
    }

    @Test
    void randomHeaderBlocks() {
        Random random = new Random(0x5eed_0004L);
        HpackDecoder decoder = new HpackDecoder();
        for (int i = 0; i < 3000; i++) {
            byte[] block = new byte[random.nextInt(64)];
            random.nextBytes(block);
            HpackBlock b = (i % 2 == 0 ? new HpackDecoder() : decoder).decode(block, block.length);
            assertThat(b.representations().stream().mapToInt(HpackRepresentation::length).sum())
                    .isLessThanOrEqualTo(block.length);
        }
    }

    private static byte[] mutate(Random random, byte[] original) {
        byte[] b = original.clone();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
        return random.nextInt(4) == 0 ? java.util.Arrays.copyOf(b, random.nextInt(b.length)) : b;
    }

    private static void run(Random random, H2Config config, byte[] c2s, byte[] s2c) {
        H2Dissector d = new H2Dissector(config);
        int pc = 0;
        int ps = 0;
        while (pc < c2s.length || ps < s2c.length) {
            if (pc < c2s.length && (ps >= s2c.length || random.nextBoolean())) {
                int to = Math.min(c2s.length, pc + 1 + random.nextInt(50));
                check(d.feed(Direction.C2S, pc, c2s, pc, to), c2s.length);
                pc = to;
            } else {
                int to = Math.min(s2c.length, ps + 1 + random.nextInt(50));
                check(d.feed(Direction.S2C, ps, s2c, ps, to), s2c.length);
                ps = to;
            }
        }
        check(d.end(Direction.C2S), c2s.length);
        check(d.end(Direction.S2C), s2c.length);
    }

    private static void check(List<Unit> units, int streamLength) {
        for (Unit u : units) {
            assertThat(u.offset()).isNotNegative();
            assertThat(u.offset() + u.length()).isLessThanOrEqualTo(streamLength);
            assertThat(u.summary()).isNotNull();
            assertThat(u.tree()).isNotNull();
            assertThat(u.attributes()).isNotNull();
            u.findings().forEach(f -> assertThat(f.message()).isNotBlank());
        }
    }
}
