package dev.upgradescope.dissect.http1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.Chunk;
import dev.upgradescope.wire.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated bytes from fixed seeds: the parsers never throw, ranges stay inside the bytes
 * fed, messages follow each other, and the result does not depend on how the bytes were split.
 */
class Http1ParserFuzzTest {

    private static final byte[] INTERESTING = "\r\n:; ,\"\\0123456789abcdefHTTP/1.1 \t".getBytes();

    static byte[] mutate(byte[] seed, Random rnd) {
        byte[] b = seed.clone();
        int edits = 1 + rnd.nextInt(8);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = rnd.nextInt(b.length);
            switch (rnd.nextInt(5)) {
                case 0 -> b[at] = (byte) rnd.nextInt(256);
                case 1 -> b[at] = INTERESTING[rnd.nextInt(INTERESTING.length)];
                case 2 -> {
                    int len = Math.min(b.length - at, 1 + rnd.nextInt(20));
                    byte[] shorter = new byte[b.length - len];
                    System.arraycopy(b, 0, shorter, 0, at);
                    System.arraycopy(b, at + len, shorter, at, b.length - at - len);
                    b = shorter;
                }
                case 3 -> {
                    byte[] longer = new byte[b.length + 1];
                    System.arraycopy(b, 0, longer, 0, at);
                    longer[at] = INTERESTING[rnd.nextInt(INTERESTING.length)];
                    System.arraycopy(b, at, longer, at + 1, b.length - at);
                    b = longer;
                }
                default -> b = Arrays.copyOf(b, at);
            }
        }
        return b;
    }

    /** Feeds in random pieces, answering responses with the requests read, and checks the invariants. */
    static List<HttpMessage> run(Http1Parser p, long start, byte[] bytes, Random rnd, List<HttpRequest> asked) {
        asked.forEach(p::expectResponseTo);
        List<HttpMessage> out = new ArrayList<>();
        int from = 0;
        long lastPosition = p.position();
        while (from < bytes.length) {
            int to = rnd == null ? bytes.length : Math.min(bytes.length, from + 1 + rnd.nextInt(64));
            out.addAll(p.feed(bytes, from, to));
            while (p.paused()) {
                out.addAll(p.resume());
            }
            assertThat(p.position()).isBetween(lastPosition, start + to);
            lastPosition = p.position();
            from = to;
        }
        out.addAll(p.end());
        long previousEnd = start;
        for (HttpMessage m : out) {
            assertThat(m.offset()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(m.range().end()).isLessThanOrEqualTo(start + bytes.length);
            assertThat(m.findings()).isEqualTo(m.tree().allFindings());
            assertInside(m.tree(), start, start + bytes.length);
            previousEnd = m.range().end();
        }
        Chunk rest = p.takeRemainder();
        assertThat(rest.offset()).isGreaterThanOrEqualTo(previousEnd);
        assertThat(rest.end()).isLessThanOrEqualTo(start + bytes.length);
        return out;
    }

    static void assertInside(Field f, long from, long to) {
        if (f.range() != null) {
            assertThat(f.range().offset()).isGreaterThanOrEqualTo(from);
            assertThat(f.range().end()).isLessThanOrEqualTo(to);
        }
        f.children().forEach(c -> assertInside(c, from, to));
    }

    @Test
    void mutatedRequestsAndResponsesNeverThrowAndDoNotDependOnSplits() {
        byte[] requests = Http1ParserStreamTest.requestStream();
        byte[] responses = Http1ParserStreamTest.responseStream();
        Random rnd = new Random(20261121L);
        for (int i = 0; i < 400; i++) {
            byte[] req = mutate(requests, rnd);
            List<HttpMessage> once = run(Http1Parser.forRequests(10), 10, req, null, List.of());
            List<HttpMessage> pieces = run(Http1Parser.forRequests(10), 10, req, rnd, List.of());
            assertThat(pieces).as("requests case %d", i).isEqualTo(once);

            List<HttpRequest> asked = once.stream().filter(HttpRequest.class::isInstance)
                    .map(HttpRequest.class::cast).toList();
            byte[] resp = mutate(responses, rnd);
            List<HttpMessage> r1 = run(Http1Parser.forResponses(0), 0, resp, null, asked);
            List<HttpMessage> r2 = run(Http1Parser.forResponses(0), 0, resp, rnd, asked);
            assertThat(r2).as("responses case %d", i).isEqualTo(r1);
        }
    }

    @Test
    void randomBytesNeverThrow() {
        Random rnd = new Random(7L);
        for (int i = 0; i < 1500; i++) {
            byte[] b = new byte[rnd.nextInt(400)];
            rnd.nextBytes(b);
            if (rnd.nextBoolean() && b.length > 8) {
                // give the parser a plausible start so the deeper states are reached too
                byte[] start = (rnd.nextBoolean() ? "GET / HTTP/1.1\r\n" : "HTTP/1.1 200 OK\r\n").getBytes();
                System.arraycopy(start, 0, b, 0, Math.min(start.length, b.length));
            }
            run(Http1Parser.forRequests(0), 0, b, rnd, List.of());
            run(Http1Parser.forResponses(0), 0, b, rnd, List.of());
        }
    }

    @Test
    void textLikeNoiseNeverThrows() {
        Random rnd = new Random(99L);
        String alphabet = "GET HTTP/1.1 200\r\n\r\n:;,\"\\ \tContent-Length: 5Transfer-Encoding: chunked0a\n";
        for (int i = 0; i < 1500; i++) {
            StringBuilder sb = new StringBuilder();
            int n = rnd.nextInt(300);
            for (int k = 0; k < n; k++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            byte[] b = ("GET / HTTP/1.1\r\n" + sb).getBytes();
            run(Http1Parser.forRequests(0), 0, b, rnd, List.of());
            run(Http1Parser.forResponses(0), 0, ("HTTP/1.1 200 OK\r\n" + sb).getBytes(), rnd, List.of());
        }
    }
}
