package dev.upgradescope.dissect.http1;

import static dev.upgradescope.dissect.http1.Fixtures.concat;
import static dev.upgradescope.dissect.http1.Fixtures.fixture;
import static dev.upgradescope.dissect.http1.Fixtures.raw;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.Chunk;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every prefix and every split of valid streams: no exception, the same messages whether fed at
 * once, split anywhere or byte by byte, and what a prefix completes is what the whole stream has.
 */
class Http1ParserStreamTest {

    static final long START = 4096;

    static byte[] requestStream() {
        return concat(fixture("mdn-websocket-request.http"),
                raw("GET /a HTTP/1.1\r\nHost: h\r\n\r\n"),
                raw("POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n4;x=1\r\nWiki\r\n0\r\nT: v\r\n\r\n"),
                raw("GET /f HTTP/1.1\r\nHost: h\r\nX: a\r\n b\r\n\r\n"),
                raw("GET /lf HTTP/1.1\nHost: h\n\n"),
                raw("POST /e HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\nhello"),
                fixture("curl-7.88-h2c-request.http"),
                fixture("jdk17-httpclient-h2c-request.http"),
                fixture("mdn-options-tls.http"),
                raw("PUT /x HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nabcd"));
    }

    static byte[] responseStream() {
        return concat(raw("HTTP/1.1 100 Continue\r\n\r\n"),
                fixture("mdn-426-upgrade-required.http"),
                fixture("chunked-with-trailer.http"),
                raw("HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n"),
                raw("HTTP/1.1 204 No Content\n\n"),
                fixture("mdn-websocket-101.http"),
                new byte[] {(byte) 0x81, 0x02, 'h', 'i'});
    }

    static byte[] untilCloseStream() {
        return concat(raw("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"),
                raw("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nand the rest until close"));
    }

    static List<Arguments> streams() {
        LongFunction<Http1Parser> req = Http1Parser::forRequests;
        LongFunction<Http1Parser> resp = Http1Parser::forResponses;
        return List.of(Arguments.of("requests", requestStream(), req),
                Arguments.of("responses", responseStream(), resp),
                Arguments.of("until-close", untilCloseStream(), resp));
    }

    record Outcome(List<HttpMessage> messages, long position, Chunk remainder) {
        static Outcome of(Http1Parser p, List<HttpMessage> messages) {
            long position = p.position();
            Chunk rest = p.takeRemainder();
            return new Outcome(messages, position, rest);
        }

        boolean same(Outcome o) {
            return messages.equals(o.messages) && position == o.position
                    && remainder.offset() == o.remainder.offset()
                    && java.util.Arrays.equals(remainder.bytes(), o.remainder.bytes());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void splitAnywhereOrByteByByteGivesTheSameMessages(String name, byte[] bytes, LongFunction<Http1Parser> make) {
        Http1Parser once = make.apply(START);
        Outcome reference = Outcome.of(once, Fixtures.parse(once, bytes));
        assertThat(reference.messages()).allMatch(HttpMessage::complete);
        assertThat(reference.messages()).isNotEmpty();

        Http1Parser bytewise = make.apply(START);
        assertThat(Outcome.of(bytewise, Fixtures.byteByByte(bytewise, bytes)).same(reference)).isTrue();

        for (int cut = 0; cut <= bytes.length; cut++) {
            Http1Parser p = make.apply(START);
            Outcome split = Outcome.of(p, Fixtures.parse(p, bytes, cut));
            assertThat(split.same(reference)).as("%s split at %d", name, cut).isTrue();
        }
        for (int cut = 1; cut + 7 <= bytes.length; cut += 7) {
            Http1Parser p = make.apply(START);
            Outcome split = Outcome.of(p, Fixtures.parse(p, bytes, cut, cut + 3, cut + 7));
            assertThat(split.same(reference)).as("%s split at %d,+3,+7", name, cut).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void everyPrefixCompletesWhatTheWholeStreamHas(String name, byte[] bytes, LongFunction<Http1Parser> make) {
        Http1Parser once = make.apply(START);
        List<HttpMessage> reference = Fixtures.parse(once, bytes);
        for (int n = 0; n <= bytes.length; n++) {
            byte[] prefix = java.util.Arrays.copyOf(bytes, n);
            List<HttpMessage> got = Fixtures.parse(make.apply(START), prefix);
            List<HttpMessage> complete = new ArrayList<>(got);
            if (!complete.isEmpty() && !complete.get(complete.size() - 1).complete()) {
                HttpMessage partial = complete.remove(complete.size() - 1);
                assertThat(partial.range().end()).isEqualTo(START + n);
            }
            assertThat(complete).allMatch(HttpMessage::complete);
            if (name.equals("until-close")) {
                continue; // the last body ends wherever the stream ends
            }
            assertThat(reference.subList(0, complete.size())).as("prefix %d of %s", n, name).isEqualTo(complete);
        }
    }
}
