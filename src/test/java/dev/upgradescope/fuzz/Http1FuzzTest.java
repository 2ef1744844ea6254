package dev.upgradescope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.upgradescope.dissect.http1.Http1Parser;
import dev.upgradescope.dissect.http1.HttpMessage;
import dev.upgradescope.dissect.http1.HttpRequest;
import dev.upgradescope.dissect.http1.HttpResponse;
import dev.upgradescope.dissect.upgrade.HandshakeAnalysis;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Chunk;
import dev.upgradescope.wire.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * HTTP/1.1 requests and responses, each stream cut into chunks at fuzzed points, and the upgrade
 * analysis of every exchange read. Flags bit 0: analyse each request with all responses read
 * ({@code ofResponses}) instead of pairing them one by one.
 */
class Http1FuzzTest {

    private static final long C2S_START = 17;
    private static final long S2C_START = 5;

    @FuzzTest
    void requestsResponsesAndTheirUpgradeAnalysis(byte[] input) throws Exception {
        MemoryBudget.run("HTTP/1.1 and the upgrade analysis", input.length, () -> dissect(TwoStreams.of(input)));
    }

    private static void dissect(TwoStreams in) {
        Bounds bounds = new Bounds(C2S_START, in.c2s().length, S2C_START, in.s2c().length);

        List<HttpRequest> requests = new ArrayList<>();
        for (HttpMessage m : read(Http1Parser.forRequests(C2S_START), in.c2sChunks(), List.of(), bounds)) {
            requests.add((HttpRequest) m);
        }
        List<HttpResponse> responses = new ArrayList<>();
        for (HttpMessage m : read(Http1Parser.forResponses(S2C_START), in.s2cChunks(), requests, bounds)) {
            responses.add((HttpResponse) m);
        }
        if ((in.flags() & 1) != 0) {
            requests.forEach(r -> analysis(HandshakeAnalysis.ofResponses(r, responses), bounds));
        } else {
            pairAndAnalyse(requests, responses, bounds);
        }
    }

    /** Feeds the chunks, reading held bytes on after each pause as HTTP, then ends the stream. */
    private static List<HttpMessage> read(Http1Parser parser, List<byte[]> chunks, List<HttpRequest> asked,
                                          Bounds bounds) {
        asked.forEach(parser::expectResponseTo);
        List<HttpMessage> out = new ArrayList<>();
        for (byte[] chunk : chunks) {
            out.addAll(parser.feed(chunk, 0, chunk.length));
            resumeAll(parser, out);
        }
        out.addAll(parser.end());
        resumeAll(parser, out);
        for (HttpMessage m : out) {
            bounds.unit(m);
        }
        Chunk rest = parser.takeRemainder();
        bounds.inStream(ByteRange.of(rest.dir(), rest.offset(), rest.bytes().length), "the parser's remainder");
        return out;
    }

    private static void resumeAll(Http1Parser parser, List<HttpMessage> out) {
        while (parser.paused()) {
            long before = parser.position();
            out.addAll(parser.resume());
            if (parser.paused() && parser.position() == before) {
                throw new AssertionError("resume() at " + before + " made no progress");
            }
        }
    }

    /** As a connection pairs them: interim 1xx set apart, each final answer closing one exchange. */
    private static void pairAndAnalyse(List<HttpRequest> requests, List<HttpResponse> responses, Bounds bounds) {
        int next = 0;
        List<HttpResponse> interim = new ArrayList<>();
        for (HttpRequest request : requests) {
            analysis(HandshakeAnalysis.ofRequest(request), bounds);
            HttpResponse answer = null;
            while (next < responses.size() && answer == null) {
                HttpResponse r = responses.get(next++);
                if (r.isInformational() && r.status() != 101) {
                    interim.add(r);
                } else {
                    answer = r;
                }
            }
            analysis(HandshakeAnalysis.of(request, List.copyOf(interim), answer), bounds);
            interim.clear();
        }
    }

    static void analysis(HandshakeAnalysis a, Bounds bounds) {
        bounds.tree(a.tree(), a.summary());
        bounds.tree(a.requestTree(), a.summary());
        for (Field interim : a.interimTrees()) {
            bounds.tree(interim, a.summary());
        }
        a.responseTree().ifPresent(t -> bounds.tree(t, a.summary()));
        a.findings().forEach(f -> bounds.finding(f, a.summary()));
        if (a.switchedTo().describe() == null || a.outcome() == null) {
            throw new AssertionError("analysis without an outcome: " + a.summary());
        }
    }
}
