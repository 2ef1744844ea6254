package dev.upgradescope.dissect.http1;

import static dev.upgradescope.dissect.http1.Fixtures.concat;
import static dev.upgradescope.dissect.http1.Fixtures.crlf;
import static dev.upgradescope.dissect.http1.Fixtures.fixture;
import static dev.upgradescope.dissect.http1.Fixtures.raw;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Chunk;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class Http1ParserTest {

    static String at(byte[] bytes, long base, ByteRange.InStream r) {
        return new String(bytes, (int) (r.offset() - base), (int) r.length(), StandardCharsets.ISO_8859_1);
    }

    static List<String> codes(HttpMessage m) {
        return m.findings().stream().map(Finding::code).toList();
    }

    @Test
    void webSocketRequestWithExactRanges() {
        byte[] bytes = fixture("mdn-websocket-request.http");
        Http1Parser p = Http1Parser.forRequests(0);
        List<HttpMessage> out = p.feed(bytes, 0, bytes.length);

        assertThat(out).singleElement().isInstanceOf(HttpRequest.class);
        HttpRequest r = (HttpRequest) out.get(0);
        assertThat(r.summary()).isEqualTo("GET /chat HTTP/1.1");
        assertThat(r.complete()).isTrue();
        assertThat(r.findings()).isEmpty();
        assertThat(at(bytes, 0, r.methodRange())).isEqualTo("GET");
        assertThat(at(bytes, 0, r.targetRange())).isEqualTo("/chat");
        assertThat(at(bytes, 0, r.versionRange())).isEqualTo("HTTP/1.1");
        assertThat(r.startLine()).isEqualTo(ByteRange.of(Direction.C2S, 0, 18));
        assertThat(r.head()).isEqualTo(ByteRange.of(Direction.C2S, 0, bytes.length));
        assertThat(r.length()).isEqualTo(bytes.length);

        HeaderField upgrade = r.headers().first("upgrade").orElseThrow();
        assertThat(at(bytes, 0, upgrade.valueRange())).isEqualTo("websocket");
        assertThat(upgrade.valueRange()).isEqualTo(ByteRange.of(Direction.C2S, 53, 9));
        assertThat(at(bytes, 0, upgrade.nameRange())).isEqualTo("Upgrade");
        assertThat(at(bytes, 0, upgrade.line())).isEqualTo("Upgrade: websocket\r\n");
        assertThat(r.headers().fields()).extracting(HeaderField::name).containsExactly("Host", "Upgrade",
                "Connection", "Sec-WebSocket-Key", "Sec-WebSocket-Version");
        assertThat(r.body().framing()).isEqualTo(BodyFraming.NONE);
        assertThat(r.body().wire()).isEqualTo(ByteRange.of(Direction.C2S, bytes.length, 0));

        // an Upgrade request pauses the parser until the answer is known
        assertThat(p.paused()).isTrue();
        assertThat(p.position()).isEqualTo(bytes.length);
    }

    @Test
    void treeHasStartLineHeaderNodesByLineRangeAndNameValueLeaves() {
        byte[] bytes = fixture("mdn-websocket-request.http");
        HttpRequest r = (HttpRequest) Http1Parser.forRequests(0).feed(bytes).get(0);
        Field tree = r.tree();
        assertThat(tree.label()).isEqualTo("Request");
        assertThat(tree.value()).isEqualTo("GET /chat HTTP/1.1");
        assertThat(tree.range()).isEqualTo(r.range());
        Field line = tree.children().get(0);
        assertThat(line.label()).isEqualTo("Request line");
        assertThat(line.children()).extracting(Field::label).containsExactly("Method", "Request-target", "HTTP-version");
        assertThat(line.children()).extracting(Field::value).containsExactly("GET", "/chat", "HTTP/1.1");
        List<Field> headers = tree.children().subList(1, tree.children().size());
        assertThat(headers).extracting(Field::range)
                .containsExactlyElementsOf(r.headers().fields().stream().map(h -> (ByteRange) h.line()).toList());
        Field upgrade = headers.get(1);
        assertThat(upgrade.label()).isEqualTo("Upgrade");
        assertThat(upgrade.value()).isEqualTo("websocket");
        assertThat(upgrade.children()).extracting(Field::label).containsExactly("Name", "Value");
        assertThat(upgrade.child("Value").orElseThrow().range()).isEqualTo(ByteRange.of(Direction.C2S, 53, 9));
        assertThat(tree.child("Body")).isEmpty();
    }

    @Test
    void switchingProtocolsStopsAtTheBlankLineEvenInTheSameFeed() {
        byte[] head = fixture("mdn-websocket-101.http");
        byte[] frame = {(byte) 0x81, 0x05, 'H', 'e', 'l', 'l', 'o'};
        byte[] bytes = concat(head, frame);
        Http1Parser p = Http1Parser.forResponses(1000);
        List<HttpMessage> out = p.feed(bytes, 0, bytes.length);

        assertThat(out).singleElement().satisfies(m -> {
            assertThat(m.summary()).isEqualTo("HTTP/1.1 101 Switching Protocols");
            assertThat(m.head()).isEqualTo(ByteRange.of(Direction.S2C, 1000, head.length));
            assertThat(((HttpResponse) m).status()).isEqualTo(101);
            assertThat(m.body().present()).isFalse();
        });
        assertThat(p.stopped()).isTrue();
        assertThat(p.switched()).isTrue();
        assertThat(p.stopFinding()).isEmpty();
        assertThat(p.position()).isEqualTo(1000 + head.length);
        assertThat(p.feed(new byte[] {(byte) 0x88, 0x00})).isEmpty();
        Chunk rest = p.takeRemainder();
        assertThat(rest.offset()).isEqualTo(1000 + head.length);
        assertThat(rest.bytes()).containsExactly(concat(frame, new byte[] {(byte) 0x88, 0x00}));
        assertThat(p.takeRemainder().bytes()).isEmpty();
        assertThat(p.end()).isEmpty();
    }

    @Test
    void h2cRequestsOfMdnCurlAndJdk() {
        for (String name : List.of("mdn-h2c-request.http", "curl-7.88-h2c-request.http",
                "jdk17-httpclient-h2c-request.http")) {
            byte[] bytes = fixture(name);
            Http1Parser p = Http1Parser.forRequests(0);
            HttpRequest r = (HttpRequest) p.feed(bytes).get(0);
            assertThat(r.findings()).as(name).isEmpty();
            assertThat(HeaderLists.connection(r.headers()).elements()).extracting(Token::text)
                    .containsExactly("Upgrade", "HTTP2-Settings");
            assertThat(HeaderLists.upgrade(r.headers()).elements()).extracting(UpgradeProtocol::name)
                    .containsExactly("h2c");
            assertThat(p.paused()).isTrue();
        }
        byte[] jdk = fixture("jdk17-httpclient-h2c-request.http");
        HttpRequest r = (HttpRequest) Http1Parser.forRequests(0).feed(jdk).get(0);
        assertThat(at(jdk, 0, r.headers().first("HTTP2-Settings").orElseThrow().valueRange()))
                .isEqualTo("AAEAAEAAAAIAAAAAAAMAAAAAAAQBAAAAAAUAAEAAAAYABgAA");
        assertThat(r.body().framing()).isEqualTo(BodyFraming.CONTENT_LENGTH);
        assertThat(r.body().present()).isFalse();
        byte[] curl = fixture("curl-7.88-h2c-request.http");
        HttpRequest c = (HttpRequest) Http1Parser.forRequests(0).feed(curl).get(0);
        assertThat(c.headers().first("HTTP2-Settings").orElseThrow().value()).isEqualTo("AAMAAABkAAQCAAAAAAIAAAAA");
    }

    @Test
    void upgradePreferenceListAndOptionsAsterisk() {
        HttpRequest r = (HttpRequest) Http1Parser.forRequests(0).feed(fixture("mdn-upgrade-preference.http")).get(0);
        assertThat(HeaderLists.upgrade(r.headers()).elements()).extracting(UpgradeProtocol::raw)
                .containsExactly("example/1", "foo/2");
        HttpRequest o = (HttpRequest) Http1Parser.forRequests(0).feed(fixture("mdn-options-tls.http")).get(0);
        assertThat(o.summary()).isEqualTo("OPTIONS * HTTP/1.1");
        assertThat(o.target()).isEqualTo("*");
        assertThat(HeaderLists.upgrade(o.headers()).elements().get(0).version()).contains("1.0");
    }

    @Test
    void upgradeRequiredWithBodyAndTheNextResponseAfterIt() {
        byte[] first = fixture("mdn-426-upgrade-required.http");
        byte[] second = raw("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        byte[] bytes = concat(first, second);
        Http1Parser p = Http1Parser.forResponses(0);
        List<HttpMessage> out = p.feed(bytes);
        assertThat(out).hasSize(2);
        HttpResponse r = (HttpResponse) out.get(0);
        assertThat(r.summary()).isEqualTo("HTTP/1.1 426 Upgrade Required");
        assertThat(r.body().framing()).isEqualTo(BodyFraming.CONTENT_LENGTH);
        assertThat(r.body().payloadLength()).isEqualTo(51);
        assertThat(at(bytes, 0, r.body().wire())).isEqualTo("This service requires use of the HTTP/3.0 protocol.");
        assertThat(r.tree().child("Body").orElseThrow().range()).isEqualTo(r.body().wire());
        assertThat(out.get(1).offset()).isEqualTo(first.length);
        assertThat(p.stopped()).isFalse();
    }

    @Test
    void pipelinedRequestsInOneFeed() {
        byte[] bytes = raw("GET /a HTTP/1.1\r\nHost: h\r\n\r\nPOST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nxyzGET /c HTTP/1.1\r\nHost: h\r\n\r\n");
        Http1Parser p = Http1Parser.forRequests(500);
        List<HttpMessage> out = p.feed(bytes);
        assertThat(out).extracting(HttpMessage::summary).containsExactly("GET /a HTTP/1.1", "POST /b HTTP/1.1",
                "GET /c HTTP/1.1");
        assertThat(out.get(1).offset()).isEqualTo(500 + 28);
        assertThat(at(bytes, 500, out.get(1).body().wire())).isEqualTo("xyz");
        assertThat(out.get(2).offset()).isEqualTo(500 + Fixtures.indexOf(bytes, "GET /c"));
        assertThat(p.position()).isEqualTo(500 + bytes.length);
    }

    @Test
    void pausedRequestParserResumesOrHandsOver() {
        byte[] upgrade = fixture("mdn-websocket-request.http");
        byte[] next = raw("GET /next HTTP/1.1\r\nHost: h\r\n\r\n");
        byte[] bytes = concat(upgrade, next);

        Http1Parser resumed = Http1Parser.forRequests(0);
        assertThat(resumed.feed(bytes)).hasSize(1);
        assertThat(resumed.paused()).isTrue();
        assertThat(resumed.resume()).extracting(HttpMessage::summary).containsExactly("GET /next HTTP/1.1");
        assertThat(resumed.paused()).isFalse();

        Http1Parser handed = Http1Parser.forRequests(0);
        handed.feed(bytes);
        Chunk rest = handed.takeRemainder();
        assertThat(rest.offset()).isEqualTo(upgrade.length);
        assertThat(rest.bytes()).containsExactly(next);
        assertThat(handed.stopped()).isTrue();
    }

    @Test
    void chunkedBodyWithExtensionsAndTrailer() {
        byte[] bytes = fixture("chunked-with-trailer.http");
        Http1Parser p = Http1Parser.forResponses(0);
        List<HttpMessage> out = p.feed(bytes);
        assertThat(out).singleElement();
        HttpResponse r = (HttpResponse) out.get(0);
        assertThat(r.findings()).isEmpty();
        assertThat(r.body().framing()).isEqualTo(BodyFraming.CHUNKED);
        assertThat(r.body().payloadLength()).isEqualTo(23);
        assertThat(r.body().complete()).isTrue();
        assertThat(r.body().wire().end()).isEqualTo(bytes.length);
        assertThat(at(bytes, 0, r.body().wire())).startsWith("7\r\nMozilla\r\n").endsWith("GMT\r\n\r\n");
        Field body = r.tree().child("Body").orElseThrow();
        assertThat(body.children()).extracting(Field::label)
                .containsExactly("Chunk", "Chunk", "Chunk", "Last chunk", "Trailer section");
        Field second = body.children().get(1);
        assertThat(at(bytes, 0, second.child("Chunk extension").orElseThrow().range().streamRange()))
                .isEqualTo(";name=value;q=\"a b\"");
        assertThat(at(bytes, 0, second.child("Chunk data").orElseThrow().range().streamRange())).isEqualTo("Developer");
        assertThat(at(bytes, 0, second.range().streamRange())).isEqualTo("9;name=value;q=\"a b\"\r\nDeveloper\r\n");
        Field trailer = body.children().get(4);
        assertThat(trailer.children()).singleElement().satisfies(t -> {
            assertThat(t.label()).isEqualTo("Expires");
            assertThat(t.value()).isEqualTo("Wed, 21 Oct 2015 07:28:00 GMT");
        });
        assertThat(r.headers().has("Expires")).isFalse();
    }

    @Test
    void obsFoldIsJoinedWithAFinding() {
        byte[] bytes = raw("GET / HTTP/1.1\r\nHost: h\r\nX-Long: first\r\n  second\r\n\tthird\r\nAccept: */*\r\n\r\n");
        HttpRequest r = (HttpRequest) Http1Parser.forRequests(0).feed(bytes).get(0);
        HeaderField f = r.headers().first("X-Long").orElseThrow();
        assertThat(f.value()).isEqualTo("first second third");
        assertThat(at(bytes, 0, f.line())).isEqualTo("X-Long: first\r\n  second\r\n\tthird\r\n");
        assertThat(at(bytes, 0, f.valueRange())).isEqualTo("first\r\n  second\r\n\tthird");
        assertThat(f.findings()).extracting(Finding::code).containsExactly("http1.field.obs-fold");
        assertThat(r.headers().fields()).extracting(HeaderField::name).containsExactly("Host", "X-Long", "Accept");
    }

    @Test
    void bareLineFeedsAreParsedWithAFinding() {
        byte[] bytes = raw("HTTP/1.1 200 OK\nContent-Length: 2\n\nhi");
        HttpResponse r = (HttpResponse) Http1Parser.forResponses(0).feed(bytes).get(0);
        assertThat(r.summary()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(at(bytes, 0, r.body().wire())).isEqualTo("hi");
        assertThat(codes(r)).containsExactly("http1.line.bare-lf");
        assertThat(r.findings().get(0).range()).isEqualTo(ByteRange.of(Direction.S2C, 15, 1));
    }

    @Test
    void fieldNameProblems() {
        byte[] bytes = raw("GET / HTTP/1.1\r\nHost : h\r\nBad(Name): x\r\nno colon here\r\n\r\n");
        HttpRequest r = (HttpRequest) Http1Parser.forRequests(0).feed(bytes).get(0);
        assertThat(r.headers().fields()).extracting(HeaderField::name).containsExactly("Host", "Bad(Name)",
                "no colon here");
        HeaderField host = r.headers().first("Host").orElseThrow();
        assertThat(host.findings()).extracting(Finding::code).containsExactly("http1.field.space-before-colon");
        assertThat(host.findings().get(0).range()).isEqualTo(ByteRange.of(Direction.C2S, 20, 1));
        assertThat(codes(r)).containsExactly("http1.field.space-before-colon", "http1.field.invalid-name",
                "http1.field.no-colon");
        // findings hang on the header node they concern
        assertThat(r.tree().children().get(1).findings()).isEqualTo(host.findings());
    }

    @Test
    void transferEncodingWinsOverContentLength() {
        byte[] bytes = raw("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nabc\r\n0\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n");
        List<HttpMessage> out = Http1Parser.forRequests(0).feed(bytes);
        assertThat(out).hasSize(2);
        assertThat(out.get(0).body().payloadLength()).isEqualTo(3);
        assertThat(codes(out.get(0))).containsExactly("http1.framing.te-and-content-length");
    }

    @Test
    void contentLengthRepeatedConflictingAndInvalid() {
        HttpMessage same = Http1Parser.forRequests(0)
                .feed(raw("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2, 2\r\n\r\nok")).get(0);
        assertThat(codes(same)).containsExactly("http1.content-length.repeated");
        assertThat(same.body().payloadLength()).isEqualTo(2);

        HttpMessage conflict = Http1Parser.forRequests(0)
                .feed(raw("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok")).get(0);
        assertThat(codes(conflict)).containsExactly("http1.content-length.conflict");
        assertThat(conflict.body().payloadLength()).isEqualTo(2);

        Http1Parser p = Http1Parser.forRequests(0);
        byte[] bytes = raw("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: abc\r\n\r\nmore");
        HttpMessage invalid = p.feed(bytes).get(0);
        assertThat(codes(invalid)).containsExactly("http1.content-length.invalid");
        assertThat(p.stopped()).isTrue();
        assertThat(p.takeRemainder().bytes()).containsExactly(raw("more"));
    }

    @Test
    void expectContinueWithInterimResponseAndQueuedRequests() {
        byte[] req = raw("POST /up HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\nhello"
                + "HEAD /x HTTP/1.1\r\nHost: h\r\n\r\n");
        List<HttpMessage> requests = Http1Parser.forRequests(0).feed(req);
        assertThat(requests).hasSize(2);

        Http1Parser p = Http1Parser.forResponses(0);
        requests.forEach(m -> p.expectResponseTo((HttpRequest) m));
        byte[] resp = raw("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                + "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + "HTTP/1.1 204 No Content\r\n\r\n");
        List<HttpMessage> out = p.feed(resp);
        assertThat(out).extracting(HttpMessage::summary).containsExactly("HTTP/1.1 100 Continue", "HTTP/1.1 200 OK",
                "HTTP/1.1 200 OK", "HTTP/1.1 204 No Content");
        assertThat(out.get(1).body().payloadLength()).isEqualTo(2);
        // the answer to HEAD has no body although it announces 1000 bytes (RFC 9112 §6.3)
        assertThat(out.get(2).body().framing()).isEqualTo(BodyFraming.NONE);
        assertThat(out.get(3).body().framing()).isEqualTo(BodyFraming.NONE);
        assertThat(p.stopped()).isFalse();
    }

    @Test
    void notModifiedHasNoBodyAndUntilCloseCompletesAtEnd() {
        Http1Parser p = Http1Parser.forResponses(0);
        byte[] bytes = raw("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\nHTTP/1.0 200 OK\r\n\r\nall of it");
        List<HttpMessage> out = p.feed(bytes);
        assertThat(out).singleElement().satisfies(m -> assertThat(m.body().framing()).isEqualTo(BodyFraming.NONE));
        List<HttpMessage> last = p.end();
        assertThat(last).singleElement().satisfies(m -> {
            assertThat(m.complete()).isTrue();
            assertThat(m.body().framing()).isEqualTo(BodyFraming.UNTIL_CLOSE);
            assertThat(at(bytes, 0, m.body().wire())).isEqualTo("all of it");
            assertThat(m.isHttp10OrOlder()).isTrue();
        });
    }

    @Test
    void connectThenTunnel() {
        byte[] req = raw("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n");
        byte[] hello = {0x16, 0x03, 0x01, 0x00, 0x05, 0x01, 0x00, 0x00, 0x01, 0x03};
        Http1Parser c2s = Http1Parser.forRequests(0);
        HttpRequest connect = (HttpRequest) c2s.feed(concat(req, hello)).get(0);
        assertThat(connect.summary()).isEqualTo("CONNECT example.com:443 HTTP/1.1");
        assertThat(c2s.paused()).isTrue();

        Http1Parser s2c = Http1Parser.forResponses(0);
        s2c.expectResponseTo(connect);
        byte[] resp = raw("HTTP/1.1 200 Connection established\r\n\r\n");
        byte[] serverHello = {0x16, 0x03, 0x03, 0x00, 0x01, 0x02};
        assertThat(s2c.feed(concat(resp, serverHello))).singleElement()
                .satisfies(m -> assertThat(m.body().framing()).isEqualTo(BodyFraming.NONE));
        assertThat(s2c.stopped()).isTrue();
        assertThat(s2c.switched()).isTrue();
        assertThat(s2c.takeRemainder().bytes()).containsExactly(serverHello);

        Chunk tunnel = c2s.takeRemainder();
        assertThat(tunnel.offset()).isEqualTo(req.length);
        assertThat(tunnel.bytes()).containsExactly(hello);
    }

    @Test
    void refusedConnectKeepsHttp() {
        Http1Parser p = Http1Parser.forResponses(0);
        p.expectResponseTo((HttpRequest) Http1Parser.forRequests(0)
                .feed(raw("CONNECT h:443 HTTP/1.1\r\nHost: h:443\r\n\r\n")).get(0));
        List<HttpMessage> out = p.feed(raw("HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n"));
        assertThat(out).hasSize(1);
        assertThat(p.stopped()).isFalse();
    }

    @Test
    void tlsClientHelloAndHttp2PrefaceAreNotHttp() {
        byte[] hello = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03};
        Http1Parser p = Http1Parser.forRequests(7);
        assertThat(p.feed(hello)).isEmpty();
        assertThat(p.stopped()).isTrue();
        assertThat(p.stopFinding()).hasValueSatisfying(f -> assertThat(f.code()).isEqualTo("http1.not-http"));
        Chunk all = p.takeRemainder();
        assertThat(all.offset()).isEqualTo(7);
        assertThat(all.bytes()).containsExactly(hello);

        byte[] preface = raw("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        Http1Parser h2 = Http1Parser.forRequests(0);
        assertThat(Fixtures.byteByByte(h2, preface)).isEmpty();
        assertThat(h2.stopped()).isTrue();
        assertThat(h2.takeRemainder().bytes()).containsExactly(preface);

        Http1Parser resp = Http1Parser.forResponses(0);
        assertThat(resp.feed(raw("SSH-2.0-OpenSSH\r\n"))).isEmpty();
        assertThat(resp.stopFinding()).hasValueSatisfying(f -> assertThat(f.code()).isEqualTo("http1.not-http"));
    }

    @Test
    void lineLongerThanTheLimitStops() {
        String longValue = "a".repeat(Http1Parser.MAX_LINE + 1);
        byte[] bytes = raw("GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + longValue + "\r\n\r\n");
        Http1Parser p = Http1Parser.forRequests(0);
        List<HttpMessage> out = p.feed(bytes);
        assertThat(out).singleElement().satisfies(m -> {
            assertThat(m.complete()).isFalse();
            assertThat(codes(m)).containsExactly("http1.line.too-long");
            assertThat(m.headers().fields()).extracting(HeaderField::name).containsExactly("Host");
        });
        assertThat(p.stopped()).isTrue();
        Chunk rest = p.takeRemainder();
        assertThat(rest.offset()).isEqualTo(Fixtures.indexOf(bytes, "X-Big"));

        Http1Parser startLine = Http1Parser.forRequests(0);
        assertThat(startLine.feed(raw("GET /" + longValue))).isEmpty();
        assertThat(startLine.stopFinding()).hasValueSatisfying(f -> assertThat(f.code()).isEqualTo("http1.line.too-long"));
    }

    @Test
    void headLargerThanTheLimitStops() {
        StringBuilder sb = new StringBuilder("GET / HTTP/1.1\r\nHost: h\r\n");
        for (int i = 0; i < 80; i++) {
            sb.append("X-Filler-").append(i).append(": ").append("v".repeat(1000)).append("\r\n");
        }
        Http1Parser p = Http1Parser.forRequests(0);
        List<HttpMessage> out = p.feed(raw(sb.append("\r\n").toString()));
        assertThat(out).singleElement().satisfies(m -> {
            assertThat(m.complete()).isFalse();
            assertThat(codes(m)).containsExactly("http1.head.too-large");
            assertThat(m.head().length()).isLessThanOrEqualTo(Http1Parser.MAX_HEAD);
        });
        assertThat(p.stopped()).isTrue();
    }

    @Test
    void endOfStreamInsideHeadOrBody() {
        Http1Parser head = Http1Parser.forRequests(0);
        assertThat(head.feed(raw("GET / HTTP/1.1\r\nHost: h\r\n"))).isEmpty();
        assertThat(head.end()).singleElement().satisfies(m -> {
            assertThat(m.complete()).isFalse();
            assertThat(m.headers().first("Host").orElseThrow().value()).isEqualTo("h");
            assertThat(codes(m)).containsExactly("http1.message.truncated-head");
        });

        Http1Parser noCrlf = Http1Parser.forRequests(0);
        noCrlf.feed(raw("GET / HTTP/1.1\r\nHost: h"));
        assertThat(noCrlf.end()).singleElement()
                .satisfies(m -> assertThat(m.headers().first("Host").orElseThrow().value()).isEqualTo("h"));

        Http1Parser body = Http1Parser.forResponses(0);
        body.feed(raw("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"));
        assertThat(body.end()).singleElement().satisfies(m -> {
            assertThat(m.complete()).isFalse();
            assertThat(m.body().complete()).isFalse();
            assertThat(m.body().payloadLength()).isEqualTo(3);
            Finding f = m.findings().get(0);
            assertThat(f.code()).isEqualTo("http1.message.truncated-body");
            assertThat(f.args()).containsExactly("3");
        });

        Http1Parser empty = Http1Parser.forRequests(0);
        empty.feed(raw("\r\n"));
        assertThat(empty.end()).isEmpty();
    }

    @Test
    void invalidChunkSizeLosesFraming() {
        Http1Parser p = Http1Parser.forResponses(0);
        byte[] bytes = raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\nzz\r\nrest");
        List<HttpMessage> out = p.feed(bytes);
        assertThat(out).singleElement().satisfies(m -> {
            assertThat(m.complete()).isFalse();
            assertThat(codes(m)).containsExactly("http1.chunk.size-invalid");
        });
        assertThat(p.stopped()).isTrue();
        assertThat(p.takeRemainder().offset()).isEqualTo(Fixtures.indexOf(bytes, "zz"));
    }

    @Test
    void leadingEmptyLinesAndMissingHost() {
        byte[] bytes = raw("\r\n\r\nGET / HTTP/1.1\r\n\r\n");
        HttpRequest r = (HttpRequest) Http1Parser.forRequests(0).feed(bytes).get(0);
        assertThat(r.offset()).isEqualTo(4);
        assertThat(codes(r)).containsExactlyInAnyOrder("http1.line.leading-empty", "http1.host.missing");
    }

    @Test
    void bodyBytesAreNotRetained() {
        Http1Parser p = Http1Parser.forRequests(0);
        p.feed(raw("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10000000\r\n\r\n"));
        byte[] block = new byte[65536];
        for (int i = 0; i < 150; i++) {
            p.feed(block);
            assertThat(p.buffered()).isZero();
        }
        assertThat(p.position()).isEqualTo(Fixtures.indexOf(raw("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10000000\r\n\r\n"), "\r\n\r\n") + 4 + 150L * 65536);
    }

    @Test
    void headerListsOfAParsedRequestPointAtTheirBytes() {
        byte[] bytes = raw("GET /ws HTTP/1.1\r\nHost: h\r\nConnection: keep-alive, Upgrade\r\nUpgrade: websocket\r\n"
                + "Sec-WebSocket-Protocol: chat\r\nSec-WebSocket-Protocol: superchat\r\n"
                + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n");
        HttpRequest r = (HttpRequest) Http1Parser.forRequests(100).feed(bytes).get(0);
        HeaderList<Token> connection = HeaderLists.connection(r.headers());
        assertThat(connection.elements()).extracting(t -> at(bytes, 100, t.range())).containsExactly("keep-alive", "Upgrade");
        HeaderList<Token> protocols = HeaderLists.webSocketProtocols(r.headers());
        assertThat(protocols.elements()).extracting(t -> at(bytes, 100, t.range())).containsExactly("chat", "superchat");
        ExtensionOffer offer = HeaderLists.webSocketExtensions(r.headers()).elements().get(0);
        assertThat(at(bytes, 100, offer.range())).isEqualTo("permessage-deflate; client_max_window_bits");
        assertThat(at(bytes, 100, offer.params().get(0).range())).isEqualTo("client_max_window_bits");
    }

    @Test
    void longChunkedStreamsListTheFirstChunksAndSumUpTheRest() {
        StringBuilder sb = new StringBuilder("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        int n = MessageDraft.MAX_CHUNK_NODES + 500;
        for (int i = 0; i < n; i++) {
            sb.append("1\r\nx\r\n");
        }
        sb.append("0\r\n\r\n");
        HttpResponse r = (HttpResponse) Http1Parser.forResponses(0).feed(raw(sb.toString())).get(0);
        assertThat(r.body().payloadLength()).isEqualTo(n);
        Field body = r.tree().child("Body").orElseThrow();
        assertThat(body.children()).hasSize(MessageDraft.MAX_CHUNK_NODES + 2);
        Field summary = body.children().get(MessageDraft.MAX_CHUNK_NODES);
        assertThat(summary.label()).isEqualTo("Chunks not listed");
        assertThat(summary.value()).isEqualTo("500");
        assertThat(summary.range().length()).isEqualTo(500L * 6);
        assertThat(body.children().get(body.children().size() - 1).label()).isEqualTo("Last chunk");
    }

    @Test
    void missingCrlfAfterChunkDataIsReportedAndReadOn() {
        byte[] bytes = raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n");
        Http1Parser p = Http1Parser.forResponses(0);
        assertThat(p.feed(bytes)).isEmpty();
        // after "abc" comes "d" where CRLF belongs; reading on, "d" is taken as the next chunk size (13)
        assertThat(p.end()).singleElement().satisfies(m -> {
            assertThat(codes(m)).containsExactlyInAnyOrder("http1.chunk.missing-crlf", "http1.message.truncated-body");
            Finding missing = m.findings().stream().filter(f -> f.code().equals("http1.chunk.missing-crlf"))
                    .findFirst().orElseThrow();
            assertThat(missing.range().offset()).isEqualTo(Fixtures.indexOf(bytes, "abcd") + 3);
        });
    }

    static List<byte[]> limitInputs() {
        String big = "v".repeat(Http1Parser.MAX_LINE + 1);
        StringBuilder many = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (int i = 0; i < 70; i++) {
            many.append("X-Filler: ").append("w".repeat(1000)).append("\r\n");
        }
        return List.of(raw("GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + big + "\r\n\r\n"),
                raw("GET /" + big + " HTTP/1.1\r\n\r\n"),
                raw(many + "\r\n"),
                raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1;" + big + "\r\nx\r\n0\r\n\r\n"),
                raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nT: " + big + "\r\n\r\n"),
                concat(new byte[] {0x16, 0x03, 0x01}, raw(big)));
    }

    @Test
    void limitsAndNotHttpDoNotDependOnHowBytesArrive() {
        for (byte[] bytes : limitInputs()) {
            boolean request = bytes[0] != 'H';
            Http1Parser once = request ? Http1Parser.forRequests(3) : Http1Parser.forResponses(3);
            List<HttpMessage> a = Fixtures.parse(once, bytes);
            Http1Parser bytewise = request ? Http1Parser.forRequests(3) : Http1Parser.forResponses(3);
            List<HttpMessage> b = Fixtures.byteByByte(bytewise, bytes);
            assertThat(b).isEqualTo(a);
            assertThat(once.stopped()).isTrue();
            assertThat(bytewise.stopFinding()).isEqualTo(once.stopFinding()).isPresent();
            assertThat(bytewise.position()).isEqualTo(once.position());
            assertThat(bytewise.takeRemainder().bytes()).isEqualTo(once.takeRemainder().bytes());
        }
    }
}
