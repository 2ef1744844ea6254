package dev.upgradescope.dissect.websocket;

import static dev.upgradescope.dissect.websocket.FrameBytes.MASK;
import static dev.upgradescope.dissect.websocket.FrameBytes.utf8;
import static dev.upgradescope.wire.Direction.C2S;
import static dev.upgradescope.wire.Direction.S2C;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.UnitKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-line summaries, attributes and field trees of frames and messages, pinned. */
class FrameSummaryTest {

    @Test
    void summaries() {
        Dissection d = new Dissection(WsDissectorChecksTest.PMD).feed(C2S, FrameBytes.stream()
                .text("Hello", MASK)
                .frame(true, 0, Opcode.CLOSE, FrameBytes.close(1000, "bye"), MASK)
                .bytes()).feed(S2C, FrameBytes.stream()
                .frame(false, 0, Opcode.BINARY, new byte[3], null)
                .frame(true, 0, Opcode.CONTINUATION, new byte[2], null)
                .frame(true, 0, Opcode.PING, utf8("p"), null)
                .frame(true, 0, Opcode.CLOSE, new byte[0], null)
                .bytes()).end();
        assertThat(d.summaries()).containsExactly(
                "TEXT fin len=5 masked",
                "TEXT message len=5 \"Hello\"",
                "CLOSE fin len=5 masked 1000 \"bye\"",
                "BINARY len=3",
                "CONTINUATION fin len=2",
                "BINARY message len=5 frames=2",
                "PING fin len=1",
                "CLOSE fin len=0");
    }

    @Test
    void longOrControlTextIsQuotedAndCut() {
        Dissection d = new Dissection(WsNegotiation.NONE).feed(S2C, FrameBytes.stream()
                .text("line\n\"quoted\"\t" + "z".repeat(40), null).bytes()).end();
        assertThat(d.summaries().get(1))
                .isEqualTo("TEXT message len=54 \"line\\n\\\"quoted\\\"\\tzzzzzzzzzzzzzzzzzzzzzzzzzz\"…");
    }

    @Test
    void frameAttributesInOrder() {
        Dissection d = new Dissection(WsNegotiation.NONE).feed(C2S, FrameBytes.stream()
                .frame(true, 0, Opcode.CLOSE, FrameBytes.close(1001, "away"), MASK).text("x", MASK).bytes()).end();
        assertThat(d.units().get(0).kind()).isEqualTo(UnitKind.WS_FRAME);
        assertThat(List.copyOf(d.units().get(0).attributes().entrySet())).extracting(Object::toString)
                .containsExactly("fin=true", "rsv1=false", "opcode=8", "masked=true", "payloadLength=6",
                        "closeCode=1001", "closeReason=away");
        assertThat(List.copyOf(d.units().get(1).attributes().keySet()))
                .containsExactly("fin", "rsv1", "opcode", "masked", "payloadLength");
    }

    @Test
    void messageAttributesInOrder() {
        Dissection d = new Dissection(WsNegotiation.NONE).feed(S2C, FrameBytes.stream()
                .text("hi", null).frame(true, 0, Opcode.BINARY, new byte[4], null).bytes()).end();
        WsMessage text = d.of(WsMessage.class).get(0);
        assertThat(text.kind()).isEqualTo(UnitKind.WS_MESSAGE);
        assertThat(List.copyOf(text.attributes().entrySet())).extracting(Object::toString)
                .containsExactly("type=text", "compressed=false", "length=2", "text=hi");
        assertThat(List.copyOf(d.of(WsMessage.class).get(1).attributes().entrySet())).extracting(Object::toString)
                .containsExactly("type=binary", "compressed=false", "length=4");
    }

    @Test
    void frameTreeWithByteRanges() {
        Dissection d = new Dissection(WsNegotiation.NONE).feed(C2S, FrameBytes.stream().text("abc", MASK).bytes()) // 9 bytes before
                .feed(C2S, FrameBytes.stream().frame(true, 0, Opcode.CLOSE, FrameBytes.close(1000, "bye"), MASK)
                        .bytes());
        WsFrame close = d.of(WsFrame.class).get(1);
        Field tree = close.tree();
        assertThat(tree.label()).isEqualTo("WebSocket frame");
        assertThat(tree.range()).isEqualTo(ByteRange.of(C2S, 9, 11));
        assertThat(tree.children()).extracting(Field::label).containsExactly("FIN", "RSV1", "RSV2", "RSV3", "Opcode",
                "MASK", "Payload length", "Masking-key", "Payload data");
        assertThat(tree.child("Opcode").orElseThrow().value()).isEqualTo("8 (CLOSE)");
        assertThat(tree.child("Payload length").orElseThrow().range()).isEqualTo(ByteRange.of(C2S, 10, 1));
        assertThat(tree.child("Masking-key").orElseThrow().value()).isEqualTo("37fa213d");
        assertThat(tree.child("Masking-key").orElseThrow().range()).isEqualTo(ByteRange.of(C2S, 11, 4));
        Field data = tree.child("Payload data").orElseThrow();
        assertThat(data.range()).isEqualTo(ByteRange.of(C2S, 15, 5));
        assertThat(data.child("Status code").orElseThrow().value()).isEqualTo("1000 (Normal Closure)");
        assertThat(data.child("Status code").orElseThrow().range()).isEqualTo(ByteRange.of(C2S, 15, 2));
        assertThat(data.child("Reason").orElseThrow().value()).isEqualTo("bye");
        assertThat(data.child("Reason").orElseThrow().range()).isEqualTo(ByteRange.of(C2S, 17, 3));
    }

    @Test
    void frameTreeOfA64BitLength() {
        Dissection d = new Dissection(WsNegotiation.NONE).feed(S2C, FrameBytes.stream()
                .frame(true, 0, Opcode.BINARY, new byte[70_000], null).bytes()).end();
        Field tree = d.units().get(0).tree();
        assertThat(tree.child("Payload length").orElseThrow().range()).isEqualTo(ByteRange.of(S2C, 1, 9));
        assertThat(tree.child("Masking-key")).isEmpty();
        assertThat(tree.child("Payload data").orElseThrow().range()).isEqualTo(ByteRange.of(S2C, 10, 70_000));
    }

    @Test
    void messageTreeShowsFramesAndJson() {
        Dissection d = new Dissection(WsNegotiation.NONE).feed(S2C, FrameBytes.stream()
                .frame(false, 0, Opcode.TEXT, utf8("{\"a\":[1,"), null)
                .frame(true, 0, Opcode.CONTINUATION, utf8("2],\"b\":{}}"), null).bytes()).end();
        WsMessage m = d.of(WsMessage.class).get(0);
        Field tree = m.tree();
        assertThat(tree.range()).isEqualTo(ByteRange.of(S2C, 0, 22));
        assertThat(tree.children()).extracting(Field::label).containsExactly("Frame 1", "Frame 2", "Payload");
        assertThat(tree.child("Frame 2").orElseThrow().range()).isEqualTo(ByteRange.of(S2C, 10, 12));
        Field payload = tree.child("Payload").orElseThrow();
        assertThat(payload.value()).isEqualTo("{\"a\":[1,2],\"b\":{}}");
        assertThat(payload.range()).isEqualTo(new ByteRange.InDecoded("WebSocket message payload", 0, 18,
                ByteRange.of(S2C, 0, 22)));
        assertThat(payload.child("JSON").orElseThrow().value()).isEqualTo("{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {}\n}");
    }

    @Test
    void binaryMessageTreeShowsHexAndCompressedBytes() {
        byte[] deflated = DeflateRoundTripTest.compress(new java.util.zip.Deflater(6, true), new byte[] {1, 2, (byte) 0xff});
        Dissection d = new Dissection(WsDissectorChecksTest.PMD).feed(S2C, FrameBytes.stream()
                .frame(true, 0b100, Opcode.BINARY, deflated, null).bytes()).end();
        Field tree = d.of(WsMessage.class).get(0).tree();
        assertThat(tree.children()).extracting(Field::label).containsExactly("Frame 1", "Compressed payload", "Payload");
        assertThat(tree.child("Payload").orElseThrow().value()).isEqualTo("3 bytes: 01 02 ff");
        assertThat(((ByteRange.InDecoded) tree.child("Payload").orElseThrow().range()).buffer())
                .isEqualTo("WebSocket message payload (inflated)");
    }
}
