package dev.upgradescope.dissect.http2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.OpaqueBytes;
import dev.upgradescope.wire.Severity;
import dev.upgradescope.wire.Unit;
import dev.upgradescope.wire.UnitKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class H2DissectorTest {

    static final int END_STREAM = 0x1;
    static final int END_HEADERS = 0x4;

    @Test
    void realisticH2cConversation() {
        List<Unit> units = H2Run.both(H2Conversation.config(), H2Conversation.client(), H2Conversation.server());

        assertThat(units).extracting(Unit::summary).containsExactly(
                "PRI * HTTP/2.0 (connection preface)",
                ">> 0x00000000    12 SETTINGS      ENABLE_PUSH=0 INITIAL_WINDOW_SIZE=1048576",
                ">> 0x00000000     4 WINDOW_UPDATE increment=983041",
                ">> 0x00000000     0 SETTINGS      ACK",
                ">> 0x00000003    89 HEADERS       END_STREAM|END_HEADERS GET /style.css",
                "<< 0x00000000     6 SETTINGS      MAX_CONCURRENT_STREAMS=128",
                "<< 0x00000000     0 SETTINGS      ACK",
                "<< 0x00000001    37 HEADERS       END_HEADERS 200",
                "<< 0x00000001    15 DATA          END_STREAM",
                "<< 0x00000003    36 HEADERS       END_HEADERS 200",
                "<< 0x00000003     6 DATA          END_STREAM",
                "<< 0x00000000     8 GOAWAY        lastStreamId=3 NO_ERROR");
        assertThat(H2Run.codes(units)).isEmpty();
        assertThat(units.get(0).kind()).isEqualTo(UnitKind.H2_PREFACE);
        assertThat(units.get(0).tree().children()).extracting(Field::range).containsExactly(
                ByteRange.of(Direction.C2S, 0, 16), ByteRange.of(Direction.C2S, 16, 2),
                ByteRange.of(Direction.C2S, 18, 6));
        assertThat(units.get(1).kind()).isEqualTo(UnitKind.H2_FRAME);
        long offset = 0;
        for (Unit u : units) {
            if (u.dir() == Direction.S2C && offset > 0 && u.offset() == 0) {
                offset = 0;
            }
            assertThat(u.offset()).as(u.summary()).isEqualTo(offset);
            offset += u.length();
        }
    }

    @Test
    void attributesAreOrderedAndPlain() {
        List<H2Frame> frames = H2Run.frames(H2Run.both(H2Conversation.config(), H2Conversation.client(),
                H2Conversation.server()));

        H2Frame settings = frames.get(0);
        assertThat(settings.attributes().keySet()).containsExactly("type", "flags", "streamId", "length", "settings");
        assertThat(settings.attributes().get("settings")).isEqualTo(List.of(
                Map.of("id", 0x2, "name", "SETTINGS_ENABLE_PUSH", "value", 0L),
                Map.of("id", 0x4, "name", "SETTINGS_INITIAL_WINDOW_SIZE", "value", 1_048_576L)));
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) settings.attributes().get("settings")).get(0);
        assertThat(first.keySet()).containsExactly("id", "name", "value");

        H2Frame headers = frames.get(3);
        assertThat(headers.attributes().keySet()).containsExactly("type", "flags", "streamId", "length", "headers");
        assertThat(headers.attributes()).containsEntry("type", "HEADERS")
                .containsEntry("flags", List.of("END_STREAM", "END_HEADERS"))
                .containsEntry("streamId", 3).containsEntry("length", 89);
        assertThat(headers.attributes().get("headers")).isEqualTo(List.of(List.of(":method", "GET"),
                List.of(":scheme", "http"), List.of(":path", "/style.css"), List.of(":authority", "localhost:8080"),
                List.of("user-agent", "test")));

        assertThat(frames.get(1).attributes()).containsEntry("increment", 983_041L);
        H2Frame goaway = frames.get(frames.size() - 1);
        assertThat(goaway.attributes().keySet()).containsExactly("type", "flags", "streamId", "length",
                "lastStreamId", "errorCode");
        assertThat(goaway.attributes()).containsEntry("lastStreamId", 3).containsEntry("errorCode", "NO_ERROR");
    }

    @Test
    void treeFieldsCarryTheirBytes() {
        List<H2Frame> frames = H2Run.frames(H2Run.client(H2Bytes.clientWithPreface().settings(0x3, 100)
                .headers(1, END_HEADERS | END_STREAM, ":method", "GET", ":scheme", "http", ":path", "/")
                .bytes()));
        Field settings = frames.get(0).tree();
        assertThat(settings.child("Length").orElseThrow().range()).isEqualTo(ByteRange.of(Direction.C2S, 24, 3));
        assertThat(settings.child("Type").orElseThrow().value()).isEqualTo("0x04 (SETTINGS)");
        assertThat(settings.child("Stream Identifier").orElseThrow().range())
                .isEqualTo(ByteRange.of(Direction.C2S, 29, 4));
        assertThat(settings.child("SETTINGS_MAX_CONCURRENT_STREAMS").orElseThrow().range())
                .isEqualTo(ByteRange.of(Direction.C2S, 33, 6));

        Field headers = frames.get(1).tree();
        Field flags = headers.child("Flags").orElseThrow();
        assertThat(flags.value()).isEqualTo("0x05 (END_STREAM, END_HEADERS)");
        Field block = headers.child("Header Block").orElseThrow();
        Field method = block.children().get(0);
        assertThat(method.label()).isEqualTo("Literal Header Field without Indexing");
        assertThat(method.value()).isEqualTo(":method: GET");
        assertThat(method.range()).isEqualTo(ByteRange.of(Direction.C2S, 48, 13));
        assertThat(method.child("Name").orElseThrow().range()).isEqualTo(ByteRange.of(Direction.C2S, 49, 8));
        assertThat(method.child("Value").orElseThrow().value()).isEqualTo("GET (literal)");
        assertThat(block.child("Dynamic Table").orElseThrow().value()).isEqualTo("0 entries, size 0 of 4096");
    }

    @Test
    void everyFrameTypeHasAStableSummary() {
        byte[] c2s = H2Bytes.clientWithPreface()
                .settings(0x1, 4096, 0x5, 16384)
                .frame(FrameType.PRIORITY, 0, 5, H2Bytes.concat(H2Bytes.int32(0x8000_0003L), new byte[] {15}))
                .frame(FrameType.RST_STREAM, 0, 5, H2Bytes.int32(8))
                .frame(FrameType.PING, 0, 0, new byte[] {1, 2, 3, 4, 5, 6, 7, 8})
                .frame(FrameType.PING, 1, 0, new byte[] {1, 2, 3, 4, 5, 6, 7, 8})
                .frame(0x0a, 0x10, 0, new byte[] {1, 2})
                .frame(FrameType.DATA, 0x8, 7, new byte[] {2, 'h', 'i', 0, 0})
                .bytes();
        List<Unit> units = H2Run.client(c2s);

        assertThat(units).extracting(Unit::summary).containsExactly(
                "PRI * HTTP/2.0 (connection preface)",
                ">> 0x00000000    12 SETTINGS      HEADER_TABLE_SIZE=4096 MAX_FRAME_SIZE=16384",
                ">> 0x00000005     5 PRIORITY      dependsOn=3 weight=16 exclusive",
                ">> 0x00000005     4 RST_STREAM    CANCEL",
                ">> 0x00000000     8 PING          opaque=0x0102030405060708",
                ">> 0x00000000     8 PING          ACK opaque=0x0102030405060708",
                ">> 0x00000000     2 UNKNOWN(0x0a) 0x10",
                ">> 0x00000007     5 DATA          PADDED");
        H2Frame unknown = H2Run.frames(units).get(5);
        assertThat(unknown.attributes()).containsEntry("type", "UNKNOWN(0x0a)").containsEntry("flags", List.of("0x10"));
        assertThat(unknown.findings()).extracting(f -> f.code()).containsExactly("h2.frame.unknown-type");
        assertThat(unknown.findings().get(0).severity()).isEqualTo(Severity.INFO);
        H2Frame rst = H2Run.frames(units).get(2);
        assertThat(rst.attributes()).containsEntry("errorCode", "CANCEL");
        H2Frame data = H2Run.frames(units).get(6);
        assertThat(data.tree().child("Pad Length").orElseThrow().range()).isEqualTo(ByteRange.of(Direction.C2S, 24 + 21 + 14 + 13 + 17 + 17 + 11 + 9, 1));
        assertThat(data.tree().child("Data").orElseThrow().value()).isEqualTo("2 bytes");
        assertThat(data.tree().child("Padding").orElseThrow().value()).isEqualTo("2 bytes");
    }

    @Test
    void pushPromiseAndContinuationCarryTheBlockOnTheLastFrame() {
        byte[] block = H2Bytes.literalBlock(":method", "GET", ":scheme", "http", ":path", "/pushed.css",
                ":authority", "h");
        byte[] first = java.util.Arrays.copyOfRange(block, 0, 10);
        byte[] rest = java.util.Arrays.copyOfRange(block, 10, block.length);
        byte[] s2c = new H2Bytes().settings()
                .frame(FrameType.PUSH_PROMISE, 0, 1, H2Bytes.concat(H2Bytes.int32(2), first))
                .frame(FrameType.CONTINUATION, END_HEADERS, 1, rest)
                .bytes();
        List<H2Frame> frames = H2Run.frames(H2Run.both(H2Config.priorKnowledge(), new byte[0], s2c));

        H2Frame promise = frames.get(1);
        H2Frame continuation = frames.get(2);
        assertThat(promise.summary()).isEqualTo("<< 0x00000001    14 PUSH_PROMISE  promised=2 (header block continues)");
        assertThat(promise.attributes()).containsEntry("promisedStreamId", 2).doesNotContainKey("headers");
        assertThat(continuation.summary()).isEqualTo("<< 0x00000001    " + rest.length
                + " CONTINUATION  END_HEADERS GET /pushed.css");
        assertThat(continuation.attributes().get("headers")).isEqualTo(List.of(List.of(":method", "GET"),
                List.of(":scheme", "http"), List.of(":path", "/pushed.css"), List.of(":authority", "h")));
        assertThat(continuation.findings()).isEmpty();

        // The first representation (13 bytes) starts in the PUSH_PROMISE and ends in the CONTINUATION.
        Field straddling = continuation.tree().child("Header Block").orElseThrow().children().get(0);
        assertThat(straddling.range()).isInstanceOf(ByteRange.InDecoded.class);
        ByteRange.InDecoded r = (ByteRange.InDecoded) straddling.range();
        assertThat(r.offset()).isZero();
        assertThat(r.length()).isEqualTo(13);
        assertThat(r.origin()).isEqualTo(ByteRange.of(Direction.S2C, 9 + 9 + 4, 10));
        Field second = continuation.tree().child("Header Block").orElseThrow().children().get(1);
        assertThat(second.range()).isEqualTo(ByteRange.of(Direction.S2C, 9 + 23 + 9 + 3, 14));
    }

    @Test
    void extendedConnectIsRecognised() {
        byte[] c2s = H2Bytes.clientWithPreface().settings()
                .headers(1, END_HEADERS, ":method", "CONNECT", ":protocol", "websocket", ":scheme", "https",
                        ":path", "/chat", ":authority", "example.org", "sec-websocket-version", "13")
                .bytes();
        byte[] enabled = new H2Bytes().settings(0x8, 1).bytes();

        H2Dissector d = new H2Dissector(H2Config.priorKnowledge());
        d.feed(Direction.S2C, 0, enabled); // the client waits for the server's SETTINGS (RFC 8441 §3)
        List<Unit> ok = d.feed(Direction.C2S, 0, c2s);
        List<Unit> notEnabled = H2Run.both(H2Config.priorKnowledge(), c2s, new H2Bytes().settings().bytes());

        H2Frame request = H2Run.frames(ok).get(1);
        assertThat(request.summary()).endsWith("END_HEADERS CONNECT websocket /chat (extended CONNECT)");
        assertThat(H2Run.codes(ok)).containsExactly("h2.connect.extended");
        assertThat(H2Run.codes(notEnabled)).containsExactly("h2.connect.extended", "h2.connect.extended-not-enabled");
    }

    @Test
    void upgradeSettingsAreComparedWithTheFirstClientSettings() {
        List<Unit> same = H2Run.both(H2Conversation.config(), H2Conversation.client(), new byte[0]);
        Field cmp = H2Run.frames(same).get(0).tree().child("HTTP2-Settings comparison").orElseThrow();
        assertThat(cmp.value()).isEqualTo("same values");
        assertThat(cmp.children()).extracting(Field::value)
                .containsExactly("header 0, frame 0", "header 1048576, frame 1048576");

        byte[] other = H2Bytes.clientWithPreface().settings(0x2, 0, 0x4, 65_535).bytes();
        List<Unit> differs = H2Run.both(H2Conversation.config(), other, new byte[0]);
        assertThat(H2Run.codes(differs)).containsExactly("h2.settings.upgrade-mismatch");
        assertThat(differs.get(1).findings().get(0).args()).containsExactly(
                "SETTINGS_ENABLE_PUSH=0, SETTINGS_INITIAL_WINDOW_SIZE=1048576",
                "SETTINGS_ENABLE_PUSH=0, SETTINGS_INITIAL_WINDOW_SIZE=65535");

        List<Unit> prior = H2Run.both(H2Config.priorKnowledge(), other, new byte[0]);
        assertThat(H2Run.frames(prior).get(0).tree().child("HTTP2-Settings comparison")).isEmpty();
    }

    @Test
    void aWrongPrefaceLosesClientFraming() {
        byte[] http1 = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        H2Dissector d = new H2Dissector(H2Config.priorKnowledge());
        List<Unit> first = d.feed(Direction.C2S, 100, http1);
        List<Unit> later = d.feed(Direction.C2S, 100 + http1.length, new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0});

        assertThat(first).singleElement().isInstanceOf(OpaqueBytes.class);
        OpaqueBytes lost = (OpaqueBytes) first.get(0);
        assertThat(lost.range()).isEqualTo(ByteRange.of(Direction.C2S, 100, http1.length));
        assertThat(lost.findings()).extracting(f -> f.code()).containsExactly("h2.preface.invalid");
        assertThat(lost.findings().get(0).args()).containsExactly("G");
        assertThat(later).singleElement().isEqualTo(new OpaqueBytes(Direction.C2S, 100 + http1.length, 9,
                "framing lost", List.of()));
    }

    @Test
    void aPrefaceThatStopsHalfwayIsTruncated() {
        H2Dissector d = new H2Dissector(H2Config.priorKnowledge());
        assertThat(d.feed(Direction.C2S, 0, java.util.Arrays.copyOf(FrameStream.PREFACE, 10))).isEmpty();
        List<Unit> end = d.end(Direction.C2S);
        assertThat(H2Run.codes(end)).containsExactly("h2.preface.truncated");
        assertThat(end.get(0).range()).isEqualTo(ByteRange.of(Direction.C2S, 0, 10));
        assertThat(d.end(Direction.C2S)).isEmpty();
    }

    @Test
    void aPartialFrameAtTheEndIsTruncated() {
        byte[] s2c = new H2Bytes().settings().data(1, 0, "hello").bytes();
        H2Dissector d = new H2Dissector(H2Config.priorKnowledge());
        List<Unit> units = d.feed(Direction.S2C, 0, java.util.Arrays.copyOf(s2c, s2c.length - 2));
        List<Unit> end = d.end(Direction.S2C);

        assertThat(units).hasSize(1);
        assertThat(end).singleElement().satisfies(u -> {
            assertThat(u.range()).isEqualTo(ByteRange.of(Direction.S2C, 9, 12));
            assertThat(u.findings()).extracting(f -> f.code()).containsExactly("h2.frame.truncated");
            assertThat(u.findings().get(0).args()).containsExactly("DATA", "12", "14");
        });

        H2Dissector inHeader = new H2Dissector(H2Config.priorKnowledge());
        inHeader.feed(Direction.S2C, 0, new byte[] {0, 0});
        assertThat(H2Run.codes(inHeader.end(Direction.S2C))).containsExactly("h2.frame.truncated");
    }

    @Test
    void aFrameLargerThanTheReceiverAllowsLosesFraming() {
        byte[] big = new byte[20_000];
        byte[] c2s = H2Bytes.clientWithPreface().settings().frame(FrameType.DATA, 0, 1, big).bytes();

        List<Unit> units = H2Run.client(c2s);
        assertThat(units.get(units.size() - 1)).isInstanceOf(OpaqueBytes.class);
        assertThat(H2Run.codes(units)).containsExactly("h2.frame.too-large");
        assertThat(units.get(units.size() - 1).findings().get(0).args()).containsExactly("20000", "16384");

        byte[] s2c = new H2Bytes().settings(0x5, 32_768).bytes();
        List<Unit> allowed = H2Run.both(H2Config.priorKnowledge(), H2Bytes.clientWithPreface().settings().bytes(), s2c);
        H2Dissector d = new H2Dissector(H2Config.priorKnowledge());
        d.feed(Direction.S2C, 0, s2c);
        List<Unit> after = d.feed(Direction.C2S, 0, c2s);
        assertThat(H2Run.codes(allowed)).isEmpty();
        assertThat(H2Run.codes(after)).isEmpty();
        assertThat(H2Run.frames(after)).extracting(H2Frame::typeName).containsExactly("SETTINGS", "DATA");
    }

    @Test
    void serverResponseToTheUpgradedRequestIsOnStream1() {
        byte[] s2c = new H2Bytes().settings().headers(1, END_HEADERS, ":status", "200").bytes();
        byte[] c2sReusing = H2Bytes.clientWithPreface().settings()
                .headers(1, END_HEADERS, ":method", "GET", ":scheme", "http", ":path", "/").bytes();

        assertThat(H2Run.codes(H2Run.both(H2Conversation.config(), new byte[0], s2c))).isEmpty();
        assertThat(H2Run.codes(H2Run.both(H2Config.afterUpgrade(List.of()), c2sReusing, new byte[0])))
                .containsExactly("h2.upgrade.stream1-reused");
        assertThat(H2Run.codes(H2Run.both(H2Config.priorKnowledge(), c2sReusing, new byte[0]))).isEmpty();
    }

    @Test
    void tlsAlpnModeFramesLikePriorKnowledge() {
        H2Config tls = new H2Config(H2Config.Mode.TLS_ALPN, List.of());
        assertThat(H2Run.both(tls, H2Conversation.client(), H2Conversation.server()))
                .extracting(Unit::summary)
                .isEqualTo(H2Run.both(H2Config.priorKnowledge(), H2Conversation.client(), H2Conversation.server())
                        .stream().map(Unit::summary).toList());
    }
}
