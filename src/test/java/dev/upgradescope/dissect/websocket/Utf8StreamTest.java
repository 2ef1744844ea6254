package dev.upgradescope.dissect.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming validator agrees with the JDK's strict UTF-8 decoder, however the bytes are split. */
class Utf8StreamTest {

    static boolean jdkValid(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static boolean streamValid(byte[] b, int split) {
        Utf8Stream s = new Utf8Stream();
        return s.update(b, 0, split) < 0 && s.update(b, split, b.length) < 0 && s.atBoundary();
    }

    @Test
    void agreesWithTheJdkOnRandomSequences() {
        Random r = new Random(5);
        int[] pool = {0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1,
            0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff};
        int invalid = 0;
        for (int k = 0; k < 20_000; k++) {
            byte[] b = new byte[r.nextInt(8)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) pool[r.nextInt(pool.length)];
            }
            boolean expected = jdkValid(b);
            invalid += expected ? 0 : 1;
            assertThat(streamValid(b, r.nextInt(b.length + 1))).as("%s", java.util.HexFormat.of().formatHex(b))
                    .isEqualTo(expected);
        }
        assertThat(invalid).isGreaterThan(1000);
    }

    @Test
    void reportsTheOffendingByte() {
        byte[] b = {0x61, 0x62, (byte) 0xf0, (byte) 0x8f, 0x63};
        assertThat(new Utf8Stream().update(b, 0, b.length)).isEqualTo(3);
    }
}
