package dev.upgradescope.dissect.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.dissect.http1.HttpRequest;
import dev.upgradescope.dissect.http1.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analysis never throws on whatever the parser makes of truncated or damaged handshakes: every
 * prefix of each side of every fixture, and seeded random mutations of both sides.
 */
class HandshakeRobustnessTest {

    private static final int MUTATIONS = 30;

    static Stream<String> fixtures() {
        return HandshakeFindingsTest.fixtures().map(a -> (String) a.get()[0]);
    }

    private static void analyzeAll(byte[] c2s, byte[] s2c) {
        Optional<HttpRequest> req = Handshake.requestOf(c2s);
        if (req.isEmpty()) {
            return;
        }
        List<HttpResponse> responses = Handshake.responsesOf(req.get(), s2c);
        HandshakeAnalysis a = HandshakeAnalysis.ofResponses(req.get(), responses);
        assertThat(a.tree().allFindings()).containsAll(a.findings());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyPrefixOfEachSide(String fixture) {
        Handshake h = Handshake.load(fixture);
        for (int cut = 0; cut <= h.c2s().length; cut++) {
            analyzeAll(Arrays.copyOf(h.c2s(), cut), h.s2c());
        }
        for (int cut = 0; cut <= h.s2c().length; cut++) {
            analyzeAll(h.c2s(), Arrays.copyOf(h.s2c(), cut));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void seededMutations(String fixture) {
        Handshake h = Handshake.load(fixture);
        Random random = new Random(fixture.hashCode());
        byte[] alphabet = " ,;=/\r\n\"\t:0123456789+-_=AZaz\u0000\u00ff".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = 0; i < MUTATIONS; i++) {
            analyzeAll(mutate(h.c2s(), random, alphabet), mutate(h.s2c(), random, alphabet));
        }
    }

    private static byte[] mutate(byte[] in, Random random, byte[] alphabet) {
        byte[] out = in.clone();
        if (out.length == 0) {
            return out;
        }
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(out.length);
            out[at] = random.nextBoolean() ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
        }
        return out;
    }
}
