package dev.upgradescope.dissect.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.upgradescope.dissect.http1.HeaderField;
import dev.upgradescope.dissect.http1.HttpRequest;
import dev.upgradescope.dissect.http1.HttpResponse;
import dev.upgradescope.dissect.http2.Setting;
import dev.upgradescope.dissect.websocket.PerMessageDeflate;
import dev.upgradescope.dissect.websocket.WsNegotiation;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What the analysis hands to the connection dissector and the views: asked, outcome, switch, trees. */
class HandshakeAnalysisTest {

    /** The node of {@code tree} whose range is exactly {@code range}. */
    private static Optional<Field> node(Field tree, ByteRange range) {
        if (range.equals(tree.range())) {
            return Optional.of(tree);
        }
        return tree.children().stream().map(c -> node(c, range)).flatMap(Optional::stream).findFirst();
    }

    private static Field headerNode(Field tree, HeaderField h) {
        return node(tree, h.line()).orElseThrow(() -> new AssertionError("no node for " + h.name()));
    }

    @Test
    void askedProtocolsInOrderWithFamiliesAndRanges() {
        Handshake h = Handshake.load("mdn-example-foo.txt");
        HandshakeAnalysis a = h.analyze();
        long at = h.c2sOffsetOf("example/1");
        assertThat(a.asked()).extracting(AskedProtocol::family, AskedProtocol::name, AskedProtocol::version,
                AskedProtocol::raw, AskedProtocol::range).containsExactly(
                tuple(ProtocolFamily.OTHER, "example", Optional.of("1"), "example/1", ByteRange.of(Direction.C2S, at, 9)),
                tuple(ProtocolFamily.OTHER, "foo", Optional.of("2"), "foo/2", ByteRange.of(Direction.C2S, at + 11, 5)));
        assertThat(a.status()).hasValue(101);
        assertThat(a.switchedTo()).isEqualTo(new SwitchedTo.Other(List.of("foo/2")));
        assertThat(a.summary()).isEqualTo("example/1, foo/2 → upgraded (101) to foo/2");
    }

    @Test
    void familiesOfEveryKindOfToken() {
        HandshakeAnalysis a = Handshake.load("h2c-h2-cleartext.txt").analyze();
        assertThat(a.asked()).extracting(AskedProtocol::family).containsExactly(ProtocolFamily.H2, ProtocolFamily.H2C);
        assertThat(Handshake.load("rfc2817-3_1-optional.txt").analyze().asked())
                .extracting(AskedProtocol::family, AskedProtocol::version)
                .containsExactly(tuple(ProtocolFamily.TLS, Optional.of("1.0")));
        assertThat(Handshake.load("rfc6455-1_3.txt").analyze().asked())
                .extracting(AskedProtocol::family).containsExactly(ProtocolFamily.WEBSOCKET);
    }

    @Test
    void rfc6455ExampleSwitchesToWebSocketWithItsSubprotocol() {
        HandshakeAnalysis a = Handshake.load("rfc6455-1_3.txt").analyze();
        assertThat(a.outcome()).isEqualTo(UpgradeOutcome.UPGRADED);
        assertThat(a.findings()).isEmpty();
        assertThat(a.switchedTo()).isEqualTo(new SwitchedTo.WebSocket(
                new WsNegotiation(Optional.of("chat"), List.of(), Optional.empty())));
    }

    @Test
    void browserDeflateOfferAndAnswerGiveTheParametersInForce() {
        HandshakeAnalysis a = Handshake.load("chromium-ws-deflate.txt").analyze();
        assertThat(a.switchedTo()).isEqualTo(new SwitchedTo.WebSocket(new WsNegotiation(Optional.empty(),
                List.of("permessage-deflate"), Optional.of(new PerMessageDeflate(true, false, 15, 12)))));
        HandshakeAnalysis python = Handshake.load("python-websockets.txt").analyze();
        assertThat(((SwitchedTo.WebSocket) python.switchedTo()).negotiation().deflate())
                .contains(PerMessageDeflate.DEFAULTS);
    }

    @Test
    void negotiationIsComputedEvenWhenThe101Failed() {
        HandshakeAnalysis a = Handshake.load("ws-deflate-bad-answer.txt").analyze();
        assertThat(a.outcome()).isEqualTo(UpgradeOutcome.FAILED);
        assertThat(a.switchedTo()).isEqualTo(new SwitchedTo.WebSocket(new WsNegotiation(Optional.empty(),
                List.of("permessage-deflate"), Optional.of(new PerMessageDeflate(false, false, 12, 10)))));
        assertThat(Handshake.load("ws-accept-mismatch.txt").analyze().switchedTo())
                .isEqualTo(new SwitchedTo.WebSocket(WsNegotiation.NONE));
    }

    @Test
    void h2cSwitchCarriesTheSettingsOfTheHeader() {
        HandshakeAnalysis a = Handshake.load("curl-h2c.txt").analyze();
        assertThat(a.switchedTo()).isInstanceOf(SwitchedTo.H2c.class);
        assertThat(((SwitchedTo.H2c) a.switchedTo()).fromHeader()).extracting(Setting::name, Setting::value)
                .containsExactly(tuple("SETTINGS_MAX_CONCURRENT_STREAMS", 100L),
                        tuple("SETTINGS_INITIAL_WINDOW_SIZE", 33554432L), tuple("SETTINGS_ENABLE_PUSH", 0L));
    }

    @Test
    void tlsSwitchNamesTheVersion() {
        assertThat(Handshake.load("rfc2817-3_2-mandatory.txt").analyze().switchedTo()).isEqualTo(new SwitchedTo.Tls("1.0"));
        assertThat(Handshake.load("tls-101-no-stack.txt").analyze().switchedTo()).isEqualTo(new SwitchedTo.Tls("1.2"));
    }

    @Test
    void noSwitchWithoutA101() {
        HandshakeAnalysis refused = Handshake.load("rfc2817-4_2-426.txt").analyze();
        assertThat(refused.switchedTo()).isEqualTo(SwitchedTo.NONE);
        assertThat(refused.asked()).isEmpty();
        assertThat(refused.status()).hasValue(426);
        assertThat(Handshake.load("upgrade-ignored.txt").analyze().switchedTo()).isEqualTo(SwitchedTo.NONE);
    }

    @Test
    void a101WithoutUpgradeFallsBackToTheFirstAskedProtocol() {
        HandshakeAnalysis a = Handshake.load("upgrade-101-upgrade-missing.txt").analyze();
        assertThat(a.switchedTo()).isEqualTo(new SwitchedTo.Other(List.of("example/1")));
    }

    @Test
    void requestAloneIsIncomplete() {
        Handshake h = Handshake.load("jdk17-h2c.txt");
        HandshakeAnalysis a = HandshakeAnalysis.ofRequest(h.request().orElseThrow());
        assertThat(a.outcome()).isEqualTo(UpgradeOutcome.INCOMPLETE);
        assertThat(a.status()).isEqualTo(OptionalInt.empty());
        assertThat(a.switchedTo()).isEqualTo(SwitchedTo.NONE);
        assertThat(a.responseTree()).isEmpty();
        assertThat(HandshakeFindingsTest.ownCodes(a)).containsExactly("h2c.deprecated");
    }

    @Test
    void interimResponsesAreSetApart() {
        Handshake h = Handshake.load("upgrade-expect-continue.txt");
        HttpRequest req = h.request().orElseThrow();
        List<HttpResponse> responses = Handshake.responsesOf(req, h.s2c());
        assertThat(responses).extracting(HttpResponse::status).containsExactly(100, 101);
        HandshakeAnalysis a = HandshakeAnalysis.ofResponses(req, responses);
        assertThat(a.interimTrees()).hasSize(1);
        assertThat(a.responseTree().orElseThrow().value()).contains("101");
        assertThat(HandshakeAnalysis.ofResponses(req, responses.subList(0, 1)).outcome())
                .isEqualTo(UpgradeOutcome.INCOMPLETE);
        assertThat(HandshakeAnalysis.of(req, responses.subList(0, 1), responses.get(1)).outcome())
                .isEqualTo(UpgradeOutcome.UPGRADED);
    }

    @Test
    void http2SettingsNodeGetsOneChildPerSettingOnItsDecodedBytes() {
        Handshake h = Handshake.load("jdk17-h2c.txt");
        HandshakeAnalysis a = h.analyze();
        HeaderField settings = h.request().orElseThrow().headers().first("HTTP2-Settings").orElseThrow();
        long valueAt = h.c2sOffsetOf("AAEAAEAAAAIAAAAAAAMAAAAAAAQBAAAAAAUAAEAAAAYABgAA");
        ByteRange.InStream valueRange = ByteRange.of(Direction.C2S, valueAt, 48);
        assertThat(settings.valueRange()).isEqualTo(valueRange);
        List<Field> children = headerNode(a.requestTree(), settings).children().stream()
                .filter(c -> c.label().equals("Setting")).toList();
        assertThat(children).extracting(Field::value).containsExactly(
                "SETTINGS_HEADER_TABLE_SIZE = 16384", "SETTINGS_ENABLE_PUSH = 0", "SETTINGS_MAX_CONCURRENT_STREAMS = 0",
                "SETTINGS_INITIAL_WINDOW_SIZE = 16777216", "SETTINGS_MAX_FRAME_SIZE = 16384",
                "SETTINGS_MAX_HEADER_LIST_SIZE = 393216");
        for (int i = 0; i < children.size(); i++) {
            assertThat(children.get(i).range())
                    .isEqualTo(new ByteRange.InDecoded("HTTP2-Settings (decoded)", 6L * i, 6, valueRange));
        }
        // the decoded parts of the request are not repeated in the response's tree
        assertThat(a.responseTree().orElseThrow().allFindings()).isEmpty();
        assertThat(node(a.responseTree().orElseThrow(), children.get(0).range())).isEmpty();
    }

    @Test
    void settingFindingsHangOnTheirSetting() {
        Handshake h = Handshake.load("h2c-settings-values.txt");
        HandshakeAnalysis a = h.analyze();
        HeaderField settings = h.request().orElseThrow().headers().first("HTTP2-Settings").orElseThrow();
        Field header = headerNode(a.requestTree(), settings);
        List<Field> children = header.children().stream().filter(c -> c.label().equals("Setting")).toList();
        assertThat(children).extracting(c -> c.findings().stream().map(Finding::code).toList()).containsExactly(
                List.of("h2c.settings.value"), List.of("h2c.settings.unknown"), List.of("h2c.settings.value"));
        assertThat(children.get(1).value()).isEqualTo("UNKNOWN (0xa) = 1");
    }

    @Test
    void acceptNodeShowsExpectedAndReceived() {
        Handshake h = Handshake.load("ws-accept-mismatch.txt");
        HandshakeAnalysis a = h.analyze();
        HttpRequest req = h.request().orElseThrow();
        HeaderField accept = Handshake.responsesOf(req, h.s2c()).get(0).headers().first("Sec-WebSocket-Accept").orElseThrow();
        Field node = headerNode(a.responseTree().orElseThrow(), accept);
        assertThat(node.child("Expected").orElseThrow().value()).startsWith("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        assertThat(node.child("Expected").orElseThrow().range())
                .isEqualTo(req.headers().first("Sec-WebSocket-Key").orElseThrow().valueRange());
        assertThat(node.child("Received").orElseThrow().value()).isEqualTo("dGhlIHNhbXBsZSBub25jZQ== (does not match)");
        Finding mismatch = node.allFindings().stream().filter(f -> f.code().equals("ws.accept.mismatch")).findFirst()
                .orElseThrow();
        assertThat(mismatch.args()).containsExactly("dGhlIHNhbXBsZSBub25jZQ==", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        assertThat(mismatch.range()).isEqualTo(accept.valueRange());
    }

    @Test
    void keyNodeShowsItsDecodedLength() {
        Handshake h = Handshake.load("ws-key-short-duplicate.txt");
        HandshakeAnalysis a = h.analyze();
        HeaderField key = h.request().orElseThrow().headers().first("Sec-WebSocket-Key").orElseThrow();
        assertThat(headerNode(a.requestTree(), key).child("Decoded length").orElseThrow().value()).isEqualTo("5 bytes");
    }

    @Test
    void listFieldsAreSplitIntoTheirElements() {
        Handshake h = Handshake.load("ws-deflate-bad-answer.txt");
        HandshakeAnalysis a = h.analyze();
        HttpRequest req = h.request().orElseThrow();
        Field ext = headerNode(a.requestTree(), req.headers().first("Sec-WebSocket-Extensions").orElseThrow());
        Field offer = ext.child("Extension").orElseThrow();
        assertThat(offer.value()).isEqualTo("permessage-deflate");
        assertThat(offer.children()).extracting(Field::value)
                .containsExactly("server_max_window_bits = 10", "server_no_context_takeover");
        Field upgrade = headerNode(a.requestTree(), req.headers().first("Upgrade").orElseThrow());
        assertThat(upgrade.child("Protocol").orElseThrow().child("Family").orElseThrow().value()).isEqualTo("WEBSOCKET");
        Field connection = headerNode(a.requestTree(), req.headers().first("Connection").orElseThrow());
        assertThat(connection.child("Option").orElseThrow().value()).startsWith("Upgrade");
    }

    @Test
    void findingsGoToTheTreeOfTheirDirection() {
        HandshakeAnalysis a = Handshake.load("ws-deflate-bad-answer.txt").analyze();
        assertThat(a.requestTree().allFindings()).isEmpty();
        assertThat(a.responseTree().orElseThrow().allFindings()).extracting(Finding::code).containsExactlyInAnyOrder(
                "ws.deflate.client-bits-unoffered", "ws.deflate.server-bits-exceeded", "ws.deflate.server-takeover-ignored");
    }

    @Test
    void exchangeTreeSummarisesAndHoldsBothMessages() {
        HandshakeAnalysis a = Handshake.load("rfc2817-4_2-426.txt").analyze();
        Field tree = a.tree();
        assertThat(tree.label()).isEqualTo("Upgrade handshake");
        assertThat(tree.value()).isEqualTo("no upgrade asked → refused (426)");
        assertThat(tree.child("Outcome").orElseThrow().value()).isEqualTo("refused (426)");
        assertThat(tree.child("Switched to").orElseThrow().value()).isEqualTo("none");
        assertThat(tree.children()).contains(a.requestTree(), a.responseTree().orElseThrow());
        assertThat(tree.allFindings()).containsExactlyInAnyOrderElementsOf(a.findings());
    }

    @Test
    void attributesForJson() {
        HandshakeAnalysis a = Handshake.load("rfc7540-3_2-h2c.txt").analyze();
        java.util.Map<String, Object> expectedAsked = new java.util.LinkedHashMap<>();
        expectedAsked.put("family", "h2c");
        expectedAsked.put("name", "h2c");
        expectedAsked.put("version", null);
        expectedAsked.put("raw", "h2c");
        assertThat(a.attributes()).containsExactly(
                java.util.Map.entry("asked", List.of(expectedAsked)),
                java.util.Map.entry("outcome", "upgraded"),
                java.util.Map.entry("status", 101),
                java.util.Map.entry("switchedTo", "h2c (2 settings from HTTP2-Settings)"),
                java.util.Map.entry("findings", List.of("h2c.deprecated")));
        assertThat(a.worst()).contains(dev.upgradescope.wire.Severity.INFO);
    }
}
