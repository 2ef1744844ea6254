package dev.upgradescope.dissect.http2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each check of RFC 9113 (and RFC 8441) fires on the frame that breaks it, and only then. */
class H2ChecksTest {

    static final int END_STREAM = 0x1;
    static final int END_HEADERS = 0x4;
    static final int PADDED = 0x8;
    static final int PRIORITY = 0x20;
    static final String[] REQUEST = {":method", "GET", ":scheme", "http", ":path", "/", ":authority", "h"};

    /** A frame sequence sent after a clean start (client: preface + SETTINGS; server: SETTINGS). */
    record Case(String name, Direction dir, byte[] frames, List<String> codes, String section) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case c2s(String name, H2Bytes frames, String section, String... codes) {
        return new Case(name, Direction.C2S, frames.bytes(), List.of(codes), section);
    }

    static Case s2c(String name, H2Bytes frames, String section, String... codes) {
        return new Case(name, Direction.S2C, frames.bytes(), List.of(codes), section);
    }

    static H2Bytes f() {
        return new H2Bytes();
    }

    static String[] request(String... extra) {
        List<String> all = new ArrayList<>(List.of(REQUEST));
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }

    static Stream<Case> cases() {
        return Stream.of(
                c2s("SETTINGS length not a multiple of 6", f().frame(FrameType.SETTINGS, 0, 0, new byte[] {0, 3, 0, 0, 0, 100, 0}), "6.5",
                        "h2.settings.length"),
                c2s("SETTINGS ACK with a payload", f().frame(FrameType.SETTINGS, 1, 0, new byte[6]), "6.5",
                        "h2.settings.ack-payload"),
                c2s("SETTINGS on stream 1", f().frame(FrameType.SETTINGS, 0, 1, new byte[0]), "6.5",
                        "h2.stream.zero-required"),
                c2s("ENABLE_PUSH = 2", f().settings(0x2, 2), "6.5.2", "h2.settings.value-out-of-range"),
                c2s("MAX_FRAME_SIZE below 16384", f().settings(0x5, 100), "6.5.2", "h2.settings.value-out-of-range"),
                c2s("INITIAL_WINDOW_SIZE above 2^31-1", f().settings(0x4, 1L << 31), "6.5.2",
                        "h2.settings.value-out-of-range"),
                s2c("ENABLE_CONNECT_PROTOCOL = 2", f().settings(0x8, 2), "3", "h2.settings.value-out-of-range"),
                c2s("unknown SETTINGS parameter", f().settings(0x99, 1), "6.5.2", "h2.settings.unknown"),
                c2s("DATA on stream 0", f().data(0, 0, "x"), "6.1", "h2.stream.zero-forbidden"),
                c2s("HEADERS on stream 0", f().headers(0, END_HEADERS, REQUEST), "6.2", "h2.stream.zero-forbidden"),
                c2s("PRIORITY on stream 0", f().frame(FrameType.PRIORITY, 0, 0, new byte[5]), "6.3",
                        "h2.stream.zero-forbidden"),
                c2s("RST_STREAM on stream 0", f().frame(FrameType.RST_STREAM, 0, 0, new byte[4]), "6.4",
                        "h2.stream.zero-forbidden"),
                c2s("CONTINUATION on stream 0", f().frame(FrameType.CONTINUATION, END_HEADERS, 0, new byte[0]), "6.10",
                        "h2.continuation.unexpected", "h2.stream.zero-forbidden"),
                c2s("PING on stream 1", f().frame(FrameType.PING, 0, 1, new byte[8]), "6.7", "h2.stream.zero-required"),
                c2s("GOAWAY on stream 1", f().frame(FrameType.GOAWAY, 0, 1, new byte[8]), "6.8",
                        "h2.stream.zero-required"),
                c2s("client stream id even", f().headers(2, END_HEADERS, REQUEST), "5.1.1", "h2.stream.client-id-even"),
                c2s("client stream id decreasing", f().headers(5, END_HEADERS, REQUEST).headers(3, END_HEADERS, REQUEST),
                        "5.1.1", "h2.stream.id-not-increasing"),
                s2c("pushed stream id odd", f().frame(FrameType.PUSH_PROMISE, END_HEADERS, 1,
                        H2Bytes.concat(H2Bytes.int32(3), H2Bytes.literalBlock(REQUEST))), "5.1.1",
                        "h2.stream.push-id-invalid"),
                c2s("PUSH_PROMISE from the client", f().frame(FrameType.PUSH_PROMISE, END_HEADERS, 1,
                        H2Bytes.concat(H2Bytes.int32(2), H2Bytes.literalBlock(REQUEST))), "8.4",
                        "h2.push.from-client"),
                c2s("CONTINUATION without an open block", f().frame(FrameType.CONTINUATION, END_HEADERS, 1,
                        new byte[0]), "6.10", "h2.continuation.unexpected"),
                c2s("DATA inside an open header block", f().headers(1, 0, REQUEST).data(1, 0, "x"), "6.10",
                        "h2.continuation.interleaved"),
                c2s("CONTINUATION of another stream", f().headers(1, 0, REQUEST)
                        .frame(FrameType.CONTINUATION, END_HEADERS, 3, new byte[0]), "6.10",
                        "h2.continuation.interleaved"),
                c2s("DATA padding longer than the payload", f().frame(FrameType.DATA, PADDED, 1,
                        new byte[] {10, 1, 2}), "6.1", "h2.padding.too-long"),
                c2s("HEADERS padding longer than the payload", f().frame(FrameType.HEADERS, PADDED | END_HEADERS, 1,
                        new byte[] {10, 1, 2}), "6.2", "h2.padding.too-long", "h2.pseudo.missing"),
                c2s("padded DATA without a Pad Length", f().frame(FrameType.DATA, PADDED, 1, new byte[0]), "6.1",
                        "h2.frame.too-short"),
                c2s("HEADERS with PRIORITY too short", f().frame(FrameType.HEADERS, PRIORITY | END_HEADERS, 1,
                        new byte[3]), "6.2", "h2.frame.too-short"),
                c2s("PING of 7 bytes", f().frame(FrameType.PING, 0, 0, new byte[7]), "6.7", "h2.frame.length-invalid"),
                c2s("WINDOW_UPDATE of 3 bytes", f().frame(FrameType.WINDOW_UPDATE, 0, 0, new byte[3]), "6.9",
                        "h2.frame.length-invalid"),
                c2s("WINDOW_UPDATE of 0", f().windowUpdate(1, 0), "6.9", "h2.window-update.zero"),
                c2s("RST_STREAM of 5 bytes", f().frame(FrameType.RST_STREAM, 0, 1, new byte[5]), "6.4",
                        "h2.frame.length-invalid"),
                c2s("PRIORITY of 4 bytes", f().frame(FrameType.PRIORITY, 0, 1, new byte[4]), "6.3",
                        "h2.frame.length-invalid"),
                s2c("GOAWAY of 4 bytes", f().frame(FrameType.GOAWAY, 0, 0, new byte[4]), "6.8", "h2.frame.too-short"),
                c2s("undecodable header block", f().frame(FrameType.HEADERS, END_HEADERS, 1, new byte[] {(byte) 0xbe}),
                        "4.3", "h2.header-block.compression-error", "hpack.index.invalid"),
                c2s("Connection field", f().headers(1, END_HEADERS, request("connection", "keep-alive")), "8.2.2",
                        "h2.field.connection-specific"),
                c2s("Transfer-Encoding field", f().headers(1, END_HEADERS, request("transfer-encoding", "chunked")),
                        "8.2.2", "h2.field.connection-specific"),
                c2s("Upgrade field", f().headers(1, END_HEADERS, request("upgrade", "websocket")), "8.2.2",
                        "h2.field.connection-specific"),
                c2s("Keep-Alive field", f().headers(1, END_HEADERS, request("keep-alive", "5")), "8.2.2",
                        "h2.field.connection-specific"),
                c2s("Proxy-Connection field", f().headers(1, END_HEADERS, request("proxy-connection", "close")),
                        "8.2.2", "h2.field.connection-specific"),
                c2s("TE other than trailers", f().headers(1, END_HEADERS, request("te", "gzip")), "8.2.2",
                        "h2.field.te-not-trailers"),
                c2s("uppercase field name", f().headers(1, END_HEADERS, request("User-Agent", "x")), "8.2.1",
                        "h2.field.uppercase"),
                c2s("pseudo-header after a regular field", f().headers(1, END_HEADERS, ":method", "GET", ":scheme",
                        "http", "accept", "*/*", ":path", "/"), "8.3", "h2.pseudo.after-regular"),
                c2s("request without :scheme and :path", f().headers(1, END_HEADERS, ":method", "GET"), "8.3.1",
                        "h2.pseudo.missing"),
                c2s(":status in a request", f().headers(1, END_HEADERS, request(":status", "200")), "8.3",
                        "h2.pseudo.invalid"),
                c2s("duplicate :path", f().headers(1, END_HEADERS, ":method", "GET", ":scheme", "http", ":path", "/",
                        ":path", "/x"), "8.3", "h2.pseudo.duplicate"),
                s2c("response without :status", f().headers(1, END_HEADERS, "server", "x"), "8.3.1",
                        "h2.pseudo.missing"),
                s2c(":method in a response", f().headers(1, END_HEADERS, ":status", "200", ":method", "GET"), "8.3",
                        "h2.pseudo.invalid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCheckFiresOnItsFrame(Case c) {
        List<Unit> units = run(c.dir(), c.frames());
        List<Finding> findings = units.stream().flatMap(u -> u.findings().stream()).toList();

        assertThat(findings).extracting(Finding::code).containsExactlyElementsOf(c.codes());
        assertThat(findings.get(0).spec().section()).isEqualTo(c.section());
        assertThat(findings.get(0).range()).isNotNull();
        assertThat(findings.get(0).message()).doesNotStartWith(findings.get(0).code());
    }

    @Test
    void theCleanStartsHaveNoFindings() {
        assertThat(run(Direction.C2S, new H2Bytes().headers(1, END_HEADERS | END_STREAM,
                request("te", "trailers")).bytes()).stream().flatMap(u -> u.findings().stream())).isEmpty();
        assertThat(run(Direction.S2C, new H2Bytes().headers(1, END_HEADERS, ":status", "200")
                .headers(1, END_HEADERS | END_STREAM, "grpc-status", "0").bytes())
                .stream().flatMap(u -> u.findings().stream())).isEmpty();
    }

    @Test
    void firstFramesMustBeSettings() {
        byte[] ping = new H2Bytes().frame(FrameType.PING, 0, 0, new byte[8]).bytes();
        List<Unit> units = H2Run.both(H2Config.priorKnowledge(), H2Bytes.concat(FrameStream.PREFACE, ping), ping);
        assertThat(H2Run.codes(units)).containsExactly("h2.preface.client-settings-missing",
                "h2.preface.server-settings-missing");
        assertThat(units.get(1).findings().get(0).spec().toString()).isEqualTo("RFC 9113 §3.4");
    }

    @Test
    void headerBlocksAfterACompressionErrorAreNotDecoded() {
        byte[] c2s = H2Bytes.clientWithPreface().settings()
                .frame(FrameType.HEADERS, END_HEADERS, 1, new byte[] {(byte) 0xbe})
                .headers(3, END_HEADERS, REQUEST).bytes();
        List<H2Frame> frames = H2Run.frames(H2Run.client(c2s));
        H2Frame later = frames.get(2);

        assertThat(frames.get(1).summary()).endsWith("(COMPRESSION_ERROR)");
        assertThat(frames.get(1).attributes()).doesNotContainKey("headers");
        assertThat(later.findings()).extracting(Finding::code).containsExactly("hpack.state.unknown");
        assertThat(later.attributes()).doesNotContainKey("headers");
        assertThat(later.summary()).endsWith("(header block not decoded)");
    }

    @Test
    void aContinuationFloodIsCountedNotKept() {
        H2Bytes c = H2Bytes.clientWithPreface().settings().headers(1, 0, REQUEST);
        for (int i = 0; i < 65; i++) {
            c.frame(FrameType.CONTINUATION, 0, 1, new byte[16_384]);
        }
        c.frame(FrameType.CONTINUATION, END_HEADERS, 1, new byte[0]).headers(3, END_HEADERS, REQUEST);
        List<H2Frame> frames = H2Run.frames(H2Run.client(c.bytes()));

        H2Frame last = frames.get(frames.size() - 2);
        assertThat(last.summary()).endsWith("END_HEADERS (header block too large)");
        assertThat(last.findings()).extracting(Finding::code).containsExactly("h2.header-block.too-large");
        assertThat(frames.get(frames.size() - 1).findings()).extracting(Finding::code)
                .containsExactly("hpack.state.unknown");
    }

    @Test
    void headerTableSizeTakesEffectWhenAcknowledged() {
        // A block that first raises the table to 8192 octets (RFC 7541 §6.3), then :method GET.
        byte[] raise = H2Bytes.concat(new byte[] {0x3f, (byte) 0xe1, 0x3f}, H2Bytes.literalBlock(REQUEST));
        byte[] request = H2Bytes.clientWithPreface().settings().settingsAck()
                .frame(FrameType.HEADERS, END_HEADERS, 1, raise).bytes();

        H2Dissector refused = new H2Dissector(H2Config.priorKnowledge());
        refused.feed(Direction.S2C, 0, new H2Bytes().settings().bytes());
        assertThat(H2Run.codes(refused.feed(Direction.C2S, 0, request)))
                .containsExactly("h2.header-block.compression-error", "hpack.table-size.exceeds-limit");

        H2Dissector allowed = new H2Dissector(H2Config.priorKnowledge());
        allowed.feed(Direction.S2C, 0, new H2Bytes().settings(0x1, 8192).bytes());
        List<Unit> units = allowed.feed(Direction.C2S, 0, request);
        assertThat(H2Run.codes(units)).isEmpty();
        assertThat(H2Run.frames(units).get(2).tree().child("Header Block").orElseThrow()
                .child("Dynamic Table").orElseThrow().value()).isEqualTo("0 entries, size 0 of 8192");
    }

    private static List<Unit> run(Direction dir, byte[] frames) {
        byte[] client = H2Bytes.clientWithPreface().settings().bytes();
        byte[] server = new H2Bytes().settings().bytes();
        if (dir == Direction.C2S) {
            client = H2Bytes.concat(client, frames);
        } else {
            server = H2Bytes.concat(server, frames);
        }
        H2Dissector d = new H2Dissector(H2Config.priorKnowledge());
        List<Unit> out = new ArrayList<>(d.feed(Direction.S2C, 0, server));
        out.addAll(d.feed(Direction.C2S, 0, client));
        out.addAll(d.end(Direction.C2S));
        out.addAll(d.end(Direction.S2C));
        return out;
    }
}
