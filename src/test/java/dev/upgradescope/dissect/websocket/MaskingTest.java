package dev.upgradescope.dissect.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Word-at-a-time unmasking matches the byte-by-byte definition of RFC 6455 §5.3 at every phase. */
class MaskingTest {

    @Test
    void matchesTheDefinitionForEveryLengthAndPhase() {
        Random r = new Random(9);
        byte[] key = new byte[4];
        for (int len = 0; len < 40; len++) {
            for (int phase = 0; phase < 8; phase++) {
                r.nextBytes(key);
                byte[] src = new byte[len + 5];
                r.nextBytes(src);
                int k = ((key[0] & 0xFF) << 24) | ((key[1] & 0xFF) << 16) | ((key[2] & 0xFF) << 8) | (key[3] & 0xFF);
                byte[] dst = new byte[len + 3];
                Masking.unmask(src, 2, 2 + len, dst, 3, k, phase);
                for (int i = 0; i < len; i++) {
                    assertThat(dst[3 + i]).isEqualTo((byte) (src[2 + i] ^ key[(phase + i) % 4]));
                }
            }
        }
    }
}
