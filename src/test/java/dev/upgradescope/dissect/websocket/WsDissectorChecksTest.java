package dev.upgradescope.dissect.websocket;

import static dev.upgradescope.dissect.websocket.FrameBytes.MASK;
import static dev.upgradescope.dissect.websocket.FrameBytes.close;
import static dev.upgradescope.dissect.websocket.FrameBytes.utf8;
import static dev.upgradescope.wire.Direction.C2S;
import static dev.upgradescope.wire.Direction.S2C;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.OpaqueBytes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each check of RFC 6455 framing and RFC 7692 compression, triggered on purpose. */
class WsDissectorChecksTest {

    static final WsNegotiation PMD = new WsNegotiation(Optional.empty(), List.of("permessage-deflate"),
            Optional.of(PerMessageDeflate.DEFAULTS));
    static final WsNegotiation UNKNOWN = new WsNegotiation(Optional.empty(), List.of("x-webkit-deflate-frame"),
            Optional.empty());

    static Dissection server(WsNegotiation n, byte[] bytes) {
        return new Dissection(n).feed(S2C, bytes).end();
    }

    static Dissection client(WsNegotiation n, byte[] bytes) {
        return new Dissection(n).feed(C2S, bytes).end();
    }

    static Finding only(Dissection d, String code) {
        List<Finding> found = d.units().stream().flatMap(u -> u.findings().stream())
                .filter(f -> f.code().equals(code)).toList();
        assertThat(found).as("findings %s", d.codes()).hasSize(1);
        return found.get(0);
    }

    @Test
    void clientFramesMustBeMasked() {
        Dissection d = client(WsNegotiation.NONE, FrameBytes.stream().text("Hi", null).bytes());
        assertThat(d.codes()).containsExactly("wsframe.mask.missing");
        assertThat(only(d, "wsframe.mask.missing").range()).isEqualTo(ByteRange.of(C2S, 1, 1));
        Field tree = d.of(WsFrame.class).get(0).tree();
        assertThat(tree.child("MASK").orElseThrow().findings()).extracting(Finding::code)
                .containsExactly("wsframe.mask.missing");
    }

    @Test
    void serverFramesMustNotBeMasked() {
        Dissection d = server(WsNegotiation.NONE, FrameBytes.stream().text("Hi", MASK).bytes());
        assertThat(d.codes()).containsExactly("wsframe.mask.unexpected");
        assertThat(d.of(WsMessage.class).get(0).textValue()).contains("Hi");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x3, 0x4, 0x5, 0x6, 0x7, 0xB, 0xC, 0xD, 0xE, 0xF})
    void reservedOpcodes(int opcode) {
        Dissection d = server(WsNegotiation.NONE, FrameBytes.stream().frame(true, 0, opcode, new byte[2], null)
                .text("ok", null).bytes());
        assertThat(d.codes()).containsExactly("wsframe.opcode.reserved");
        assertThat(d.summaries()).containsExactly(
                "RESERVED-0x" + Integer.toHexString(opcode).toUpperCase() + " fin len=2",
                "TEXT fin len=2", "TEXT message len=2 \"ok\"");
    }

    @Test
    void lengthsMustUseTheMinimalEncoding() {
        Dissection d = server(WsNegotiation.NONE, FrameBytes.stream()
                .frame(true, 0, Opcode.BINARY, new byte[5], null, 16)
                .frame(true, 0, Opcode.BINARY, new byte[300], null, 64)
                .frame(true, 0, Opcode.BINARY, new byte[126], null, 16).bytes());
        assertThat(d.codes()).containsExactly("wsframe.length.non-minimal", "wsframe.length.non-minimal");
        assertThat(d.units().get(0).findings().get(0).range()).isEqualTo(ByteRange.of(S2C, 1, 3));
        assertThat(d.units().get(0).findings().get(0).args()).containsExactly("5", "16");
        assertThat(d.of(WsMessage.class)).extracting(WsMessage::payloadLength).containsExactly(5L, 300L, 126L);
    }

    @Test
    void aLengthWithTheMostSignificantBitSetLosesFraming() {
        WsDissector dissector = new WsDissector(WsNegotiation.NONE);
        byte[] first = FrameBytes.stream().text("ok", null).raw(0x82, 0x7f, 0x80, 0, 0, 0, 0, 0, 0, 5, 1, 2).bytes();
        var units = dissector.feed(S2C, 0, first);
        assertThat(units).extracting(u -> u.summary()).containsExactly("TEXT fin len=2", "TEXT message len=2 \"ok\"",
                "10 bytes (framing lost)", "2 bytes (framing lost)");
        assertThat(units.get(2).findings()).extracting(Finding::code).containsExactly("wsframe.length.msb-set");
        assertThat(units.get(2).offset()).isEqualTo(4);
        var later = dissector.feed(S2C, first.length, FrameBytes.stream().text("lost", null).bytes());
        assertThat(later).singleElement().isInstanceOf(OpaqueBytes.class)
                .satisfies(u -> assertThat(u.range()).isEqualTo(ByteRange.of(S2C, 16, 6)));
        assertThat(dissector.end(S2C)).isEmpty();
    }

    @Test
    void controlFramesAreShortAndWhole() {
        Dissection d = server(WsNegotiation.NONE, FrameBytes.stream()
                .frame(true, 0, Opcode.PING, new byte[126], null)
                .frame(false, 0, Opcode.PING, new byte[1], null).bytes());
        assertThat(d.codes()).containsExactly("wsframe.control.too-long", "wsframe.control.fragmented");
        assertThat(d.units().get(0).tree().child("Payload length").orElseThrow().findings()).hasSize(1);
        assertThat(d.units().get(1).tree().child("FIN").orElseThrow().findings()).hasSize(1);
    }

    @Test
    void continuationWithoutAMessage() {
        Dissection d = server(WsNegotiation.NONE, FrameBytes.stream()
                .frame(true, 0, Opcode.CONTINUATION, utf8("lo"), null).bytes());
        assertThat(d.codes()).containsExactly("wsframe.continuation.unexpected");
        assertThat(d.of(WsMessage.class)).isEmpty();
    }

    @Test
    void aNewDataFrameInsideAFragmentedMessage() {
        Dissection d = server(WsNegotiation.NONE, FrameBytes.stream()
                .frame(false, 0, Opcode.TEXT, utf8("He"), null)
                .frame(true, 0, Opcode.PING, new byte[0], null)
                .frame(true, 0, Opcode.BINARY, new byte[3], null).bytes());
        assertThat(d.summaries()).containsExactly("TEXT len=2", "PING fin len=0",
                "TEXT message len=2 incomplete \"He\"", "BINARY fin len=3", "BINARY message len=3");
        assertThat(d.codes()).containsExactly("wsframe.message.incomplete", "wsframe.data.interleaved");
        assertThat(d.of(WsMessage.class).get(0).complete()).isFalse();
    }

    @Test
    void rsvBitsWithoutAnExtension() {
        Dissection d = server(WsNegotiation.NONE, FrameBytes.stream()
                .frame(true, 0b100, Opcode.TEXT, utf8("a"), null)
                .frame(true, 0b011, Opcode.TEXT, utf8("b"), null).bytes());
        assertThat(d.units()).flatMap(u -> u.findings()).extracting(f -> f.code() + " " + f.args()).containsExactly(
                "wsframe.rsv.unnegotiated [RSV1]", "wsframe.rsv.unnegotiated [RSV2]",
                "wsframe.rsv.unnegotiated [RSV3]");
        Field second = d.of(WsFrame.class).get(1).tree();
        assertThat(second.child("RSV2").orElseThrow().findings()).hasSize(1);
        assertThat(second.child("RSV3").orElseThrow().findings()).hasSize(1);
    }

    @Test
    void permessageDeflateAllowsRsv1OnlyOnTheFirstDataFrame() {
        Dissection d = server(PMD, FrameBytes.stream()
                .frame(false, 0b100, Opcode.TEXT, new byte[] {(byte) 0xf2, 0x48, (byte) 0xcd}, null)
                .frame(true, 0b100, Opcode.CONTINUATION, new byte[] {(byte) 0xc9, (byte) 0xc9, 0x07, 0x00}, null)
                .frame(true, 0b100, Opcode.PING, new byte[0], null)
                .frame(true, 0b010, Opcode.BINARY, new byte[1], null).bytes());
        assertThat(d.codes()).containsExactly("wsdeflate.rsv1.continuation", "wsdeflate.rsv1.control",
                "wsframe.rsv.unnegotiated");
        assertThat(d.of(WsMessage.class).get(0).textValue()).contains("Hello");
    }

    @Test
    void anUnknownExtensionMakesRsvBitsUnjudged() {
        Dissection d = server(UNKNOWN, FrameBytes.stream()
                .frame(true, 0b100, Opcode.TEXT, new byte[] {(byte) 0xff, 0x01}, null)
                .frame(true, 0b110, Opcode.TEXT, new byte[] {(byte) 0xfe}, null)
                .text("plain", null).bytes());
        assertThat(d.codes()).containsExactly("wsframe.rsv.unknown-extension");
        assertThat(only(d, "wsframe.rsv.unknown-extension").severity()).isEqualTo(dev.upgradescope.wire.Severity.INFO);
        assertThat(only(d, "wsframe.rsv.unknown-extension").args()).containsExactly("RSV1", "x-webkit-deflate-frame");
    }

    @Test
    void closeBodyOfOneByte() {
        Dissection d = server(WsNegotiation.NONE, FrameBytes.stream().frame(true, 0, Opcode.CLOSE, new byte[1], null).bytes());
        assertThat(d.codes()).containsExactly("wsframe.close.one-byte");
        assertThat(d.units().get(0).attributes()).doesNotContainKey("closeCode").containsEntry("closeReason", "");
    }

    @ParameterizedTest
    @CsvSource({"1004,wsframe.close.code-reserved", "1005,wsframe.close.code-reserved",
        "1006,wsframe.close.code-reserved", "1015,wsframe.close.code-reserved", "0,wsframe.close.code-invalid",
        "999,wsframe.close.code-invalid", "5000,wsframe.close.code-invalid", "65535,wsframe.close.code-invalid",
        "1016,wsframe.close.code-unregistered", "2999,wsframe.close.code-unregistered"})
    void closeCodesThatMayNotBeSent(int code, String expected) {
        Dissection d = server(WsNegotiation.NONE, FrameBytes.stream()
                .frame(true, 0, Opcode.CLOSE, close(code, "x"), null).bytes());
        assertThat(d.codes()).containsExactly(expected);
        Finding f = only(d, expected);
        assertThat(f.range()).isEqualTo(ByteRange.of(S2C, 2, 2));
        assertThat(f.args()).containsExactly(Integer.toString(code));
        assertThat(d.units().get(0).tree().child("Payload data").orElseThrow().child("Status code").orElseThrow()
                .findings()).containsExactly(f);
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 1001, 1003, 1007, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999})
    void closeCodesThatMayBeSent(int code) {
        Dissection d = server(WsNegotiation.NONE, FrameBytes.stream().frame(true, 0, Opcode.CLOSE, close(code, ""), null).bytes());
        assertThat(d.codes()).isEmpty();
        assertThat(d.units().get(0).attributes()).containsEntry("closeCode", code);
    }

    @Test
    void closeReasonMustBeUtf8() {
        Dissection d = server(WsNegotiation.NONE, FrameBytes.stream().raw(0x88, 0x04, 0x03, 0xe8, 0xff, 0xfe).bytes());
        assertThat(d.codes()).containsExactly("wsframe.close.reason-utf8");
        assertThat(only(d, "wsframe.close.reason-utf8").range()).isEqualTo(ByteRange.of(S2C, 4, 2));
    }

    @Test
    void textSplitInsideACharacterAcrossFragmentsIsValid() {
        byte[] kappa = utf8("κόσμε");
        Dissection d = server(WsNegotiation.NONE, FrameBytes.stream()
                .frame(false, 0, Opcode.TEXT, java.util.Arrays.copyOfRange(kappa, 0, 3), null)
                .frame(true, 0, Opcode.CONTINUATION, java.util.Arrays.copyOfRange(kappa, 3, kappa.length), null).bytes());
        assertThat(d.codes()).isEmpty();
        assertThat(d.of(WsMessage.class).get(0).textValue()).contains("κόσμε");
    }

    @Test
    void invalidUtf8AcrossFragmentsIsFoundAtTheOffendingByte() {
        // ED A0 80 would encode a UTF-16 surrogate: ED ends the first fragment, A0 starts the second.
        Dissection d = server(WsNegotiation.NONE, FrameBytes.stream()
                .frame(false, 0, Opcode.TEXT, new byte[] {0x61, (byte) 0xed}, null)
                .frame(true, 0, Opcode.CONTINUATION, new byte[] {(byte) 0xa0, (byte) 0x80}, null).bytes());
        Finding f = only(d, "wsframe.text.utf8");
        assertThat(f.range()).isEqualTo(ByteRange.of(S2C, 6, 1));
        assertThat(f.args()).containsExactly("2");
        assertThat(d.codes()).containsExactly("wsframe.text.utf8");
    }

    @Test
    void aTextMessageMayNotEndInsideACharacter() {
        Dissection d = client(WsNegotiation.NONE, FrameBytes.stream()
                .frame(true, 0, Opcode.TEXT, new byte[] {0x61, (byte) 0xe2, (byte) 0x82}, MASK).bytes());
        assertThat(d.codes()).containsExactly("wsframe.text.utf8");
    }

    @Test
    void compressedTextIsCheckedAfterInflation() {
        byte[] deflated = DeflateRoundTripTest.compress(new java.util.zip.Deflater(6, true), new byte[] {0x41, (byte) 0xc0, 0x41});
        Dissection d = server(PMD, FrameBytes.stream().frame(true, 0b100, Opcode.TEXT, deflated, null).bytes());
        Finding f = only(d, "wsframe.text.utf8");
        assertThat(f.range()).isInstanceOf(ByteRange.InDecoded.class);
        assertThat(f.range().offset()).isEqualTo(1);
        assertThat(f.range().streamRange().dir()).isEqualTo(S2C);
    }

    @Test
    void nothingMayFollowACloseFromTheSameSide() {
        Dissection d = server(WsNegotiation.NONE, FrameBytes.stream()
                .frame(true, 0, Opcode.CLOSE, close(1000, "bye"), null)
                .text("late", null).bytes());
        assertThat(d.codes()).containsExactly("wsframe.after-close");
        assertThat(d.summaries()).startsWith("CLOSE fin len=5 1000 \"bye\"");
    }

    @Test
    void aPongAnsweringAPingMustEchoIt() {
        Dissection d = new Dissection(WsNegotiation.NONE)
                .feed(S2C, FrameBytes.stream().frame(true, 0, Opcode.PING, utf8("a"), null).bytes())
                .feed(C2S, FrameBytes.stream().frame(true, 0, Opcode.PONG, utf8("b"), MASK).bytes()).end();
        assertThat(d.codes()).containsExactly("wsframe.pong.mismatch");
        assertThat(only(d, "wsframe.pong.mismatch").range()).isEqualTo(ByteRange.of(C2S, 6, 1));
    }

    @Test
    void anUnsolicitedPongIsOnlyInformation() {
        Dissection d = client(WsNegotiation.NONE, FrameBytes.stream().frame(true, 0, Opcode.PONG, utf8("k"), MASK).bytes());
        assertThat(only(d, "wsframe.pong.unsolicited").severity()).isEqualTo(dev.upgradescope.wire.Severity.INFO);
    }

    @Test
    void aPingLeftUnansweredWhenThePeerCloses() {
        Dissection d = new Dissection(WsNegotiation.NONE)
                .feed(S2C, FrameBytes.stream().frame(true, 0, Opcode.PING, utf8("1"), null)
                        .frame(true, 0, Opcode.PING, utf8("2"), null)
                        .frame(true, 0, Opcode.PING, utf8("3"), null).bytes())
                .feed(C2S, FrameBytes.stream().frame(true, 0, Opcode.PONG, utf8("2"), MASK)
                        .frame(true, 0, Opcode.CLOSE, close(1001, ""), MASK).bytes()).end();
        // The pong for "2" answers "1" and "2" (§5.5.3: only the most recent needs an answer); "3" stays.
        assertThat(d.codes()).containsExactly("wsframe.ping.unanswered");
        Finding f = only(d, "wsframe.ping.unanswered");
        assertThat(f.range()).isEqualTo(ByteRange.of(S2C, 6, 3));
        assertThat(d.units().get(4).summary()).startsWith("CLOSE");
        assertThat(d.units().get(4).findings()).containsExactly(f);
    }

    @Test
    void aFrameCutShortIsReportedNotLost() {
        byte[] whole = FrameBytes.stream().frame(false, 0, Opcode.TEXT, utf8("ab"), null)
                .frame(true, 0, Opcode.CONTINUATION, utf8("cdef"), MASK).bytes();
        Dissection d = new Dissection(WsNegotiation.NONE).feed(S2C, java.util.Arrays.copyOf(whole, whole.length - 2)).end();
        assertThat(d.summaries()).containsExactly("TEXT len=2", "CONTINUATION fin len=4 masked truncated=2",
                "TEXT message len=4 frames=2 incomplete \"abcd\"");
        assertThat(d.codes()).containsExactly("wsframe.mask.unexpected", "wsframe.truncated",
                "wsframe.message.incomplete");
        assertThat(d.units().get(1).length()).isEqualTo(8);
    }

    @Test
    void aHeaderCutShortBecomesOpaqueBytesWithAFinding() {
        Dissection d = new Dissection(WsNegotiation.NONE).feed(C2S, new byte[] {(byte) 0x81, (byte) 0xfe, 0x01}).end();
        assertThat(d.units()).singleElement().isInstanceOf(OpaqueBytes.class);
        assertThat(only(d, "wsframe.truncated").args()).containsExactly("3", "8");
    }

    @Test
    void keptPayloadIsCappedButLengthsCountEverything() {
        byte[] text = utf8("x".repeat(100));
        Dissection d = new Dissection(WsNegotiation.NONE, 16).feed(C2S, FrameBytes.stream()
                .frame(false, 0, Opcode.TEXT, text, MASK).frame(true, 0, Opcode.CONTINUATION, text, MASK).bytes(), 7).end();
        WsMessage m = d.of(WsMessage.class).get(0);
        assertThat(m.payloadLength()).isEqualTo(200);
        assertThat(m.payload()).hasSize(16);
        assertThat(m.capped()).isTrue();
        assertThat(m.attributes()).containsEntry("length", 200L);
        assertThat(d.of(WsFrame.class)).allSatisfy(f -> assertThat(f.keptPayloadLength()).isEqualTo(16));
        assertThat(only(d, "wsframe.payload.capped").args()).containsExactly("200", "16");
    }

    @Test
    void aCappedTextMessageIsStillCheckedWhole() {
        byte[] text = utf8("y".repeat(40_000) + "\u00e9");
        text[text.length - 1] = 0x41; // cuts the last character short
        Dissection d = new Dissection(WsNegotiation.NONE, 100).feed(C2S, FrameBytes.stream()
                .frame(true, 0, Opcode.TEXT, text, MASK).bytes(), 1000).end();
        assertThat(d.codes()).contains("wsframe.text.utf8", "wsframe.payload.capped");
        assertThat(only(d, "wsframe.text.utf8").range().offset()).isEqualTo(8 + 40_001);
    }

    @Test
    void aBrokenDeflateStreamLosesTheContextOfThatDirection() {
        byte[] hello = {(byte) 0xf2, 0x48, (byte) 0xcd, (byte) 0xc9, (byte) 0xc9, 0x07, 0x00};
        Dissection d = server(PMD, FrameBytes.stream()
                .frame(true, 0b100, Opcode.TEXT, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff}, null)
                .frame(true, 0b100, Opcode.TEXT, hello, null)
                .text("plain", null).bytes());
        assertThat(d.codes()).containsExactly("wsdeflate.inflate.failed", "wsdeflate.context.lost");
        assertThat(d.summaries()).containsExactly("TEXT fin rsv1 len=3", "TEXT message len=0 deflated=3 not-inflated",
                "TEXT fin rsv1 len=7", "TEXT message len=0 deflated=7 not-inflated", "TEXT fin len=5",
                "TEXT message len=5 \"plain\"");
        WsMessage broken = d.of(WsMessage.class).get(0);
        assertThat(broken.wirePayload()).containsExactly(0xff, 0xff, 0xff);
        assertThat(broken.tree().child("Compressed payload")).isPresent();
        assertThat(broken.tree().child("Payload")).isEmpty();
    }

    @Test
    void withoutContextTakeoverABrokenMessageDoesNotSpoilTheNext() {
        WsNegotiation n = new WsNegotiation(Optional.empty(), List.of("permessage-deflate"),
                Optional.of(new PerMessageDeflate(false, true, 15, 15)));
        byte[] hello = {(byte) 0xf2, 0x48, (byte) 0xcd, (byte) 0xc9, (byte) 0xc9, 0x07, 0x00};
        Dissection d = client(n, FrameBytes.stream()
                .frame(true, 0b100, Opcode.TEXT, new byte[] {(byte) 0xff, (byte) 0xff}, MASK)
                .frame(true, 0b100, Opcode.TEXT, hello, MASK).bytes());
        assertThat(d.codes()).containsExactly("wsdeflate.inflate.failed");
        assertThat(d.of(WsMessage.class).get(1).textValue()).contains("Hello");
    }
}
