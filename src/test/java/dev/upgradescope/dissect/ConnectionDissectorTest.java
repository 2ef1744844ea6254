package dev.upgradescope.dissect;

import static dev.upgradescope.dissect.Conversation.ascii;
import static dev.upgradescope.dissect.Conversation.concat;
import static dev.upgradescope.dissect.Conversation.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.dissect.DissectionEvent.ProtocolSwitched;
import dev.upgradescope.dissect.upgrade.HandshakeAnalysis;
import dev.upgradescope.dissect.upgrade.UpgradeOutcome;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.UnitKind;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConnectionDissectorTest {

    // RFC 6455 §1.2 / §1.3 opening handshake
    static final byte[] WS_REQUEST = ascii("GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Origin: http://example.com\r\nSec-WebSocket-Version: 13\r\n\r\n");
    static final byte[] WS_101 = ascii("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n");
    // RFC 6455 §5.7: masked "Hello" from the client, unmasked "Hello" from the server
    static final byte[] MASKED_HELLO = hex("81 85 37 fa 21 3d 7f 9f 4d 51 58");
    static final byte[] HELLO = hex("81 05 48 65 6c 6c 6f");

    @Test
    void aWebSocketUpgradeSwitchesBothStreamsRightAfterTheHandshake() {
        // The server's first frame arrives in the same read as the 101 (boundary inside one chunk).
        Conversation c = Conversation.dissect(concat(WS_REQUEST, MASKED_HELLO), concat(WS_101, HELLO));

        assertThat(c.handshakes()).singleElement().satisfies(h -> {
            assertThat(h.outcome()).isEqualTo(UpgradeOutcome.UPGRADED);
            assertThat(h.status()).hasValue(101);
        });
        assertThat(c.switches()).containsExactly(new ProtocolSwitched("websocket", WS_REQUEST.length, WS_101.length));
        assertThat(c.unitLines()).containsExactly(
                "c2s 0+" + WS_REQUEST.length + " GET /chat HTTP/1.1",
                "s2c 0+" + WS_101.length + " HTTP/1.1 101 Switching Protocols",
                "c2s " + WS_REQUEST.length + "+11 TEXT fin len=5 masked",
                "c2s " + WS_REQUEST.length + "+11 TEXT message len=5 \"Hello\"",
                "s2c " + WS_101.length + "+7 TEXT fin len=5",
                "s2c " + WS_101.length + "+7 TEXT message len=5 \"Hello\"");
    }

    @Test
    void theRequestIsAnalysedBeforeItsAnswerArrives() {
        ConnectionDissector d = new ConnectionDissector();
        List<DissectionEvent> events = d.feed(Direction.C2S, 0, WS_REQUEST);
        assertThat(events).filteredOn(DissectionEvent.HandshakeAnalysed.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((DissectionEvent.HandshakeAnalysed) e).analysis().outcome())
                        .isEqualTo(UpgradeOutcome.INCOMPLETE));
    }

    @Test
    void anUnansweredUpgradeIsIncompleteAndTheHeldBytesAreNotLost() {
        Conversation c = Conversation.dissect(concat(WS_REQUEST, MASKED_HELLO), new byte[0]);
        assertThat(c.handshakes()).singleElement().extracting(HandshakeAnalysis::outcome)
                .isEqualTo(UpgradeOutcome.INCOMPLETE);
        long covered = c.units().stream().filter(u -> u.dir() == Direction.C2S).mapToLong(u -> u.length()).sum();
        assertThat(covered).isEqualTo(WS_REQUEST.length + MASKED_HELLO.length);
    }

    @Test
    void anIgnoredUpgradeGoesOnAsHttpWithThePipelinedRequest() {
        byte[] second = ascii("GET /next HTTP/1.1\r\nHost: a\r\n\r\n");
        byte[] answers = ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 204 No Content\r\n\r\n");
        Conversation c = Conversation.dissect(concat(WS_REQUEST, second), answers);

        assertThat(c.handshakes()).singleElement().extracting(HandshakeAnalysis::outcome)
                .isEqualTo(UpgradeOutcome.IGNORED);
        assertThat(c.switches()).isEmpty();
        // The held request is read once the answer shows the connection still speaks HTTP/1.1.
        assertThat(c.units()).extracting(u -> u.summary()).containsExactly("GET /chat HTTP/1.1",
                "HTTP/1.1 200 OK", "GET /next HTTP/1.1", "HTTP/1.1 204 No Content");
    }

    @Test
    void aRefusalThenARetryOnTheSameConnectionAreTwoExchanges() {
        byte[] plainWs = ascii(new String(WS_REQUEST, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("Sec-WebSocket-Version: 13", "Sec-WebSocket-Version: 25"));
        byte[] refusal = ascii("HTTP/1.1 426 Upgrade Required\r\nSec-WebSocket-Version: 13\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nContent-Length: 0\r\n\r\n");
        Conversation c = Conversation.dissect(concat(plainWs, WS_REQUEST, MASKED_HELLO), concat(refusal, WS_101, HELLO));

        assertThat(c.handshakes()).extracting(HandshakeAnalysis::outcome)
                .containsExactly(UpgradeOutcome.REFUSED, UpgradeOutcome.UPGRADED);
        assertThat(c.switches()).singleElement().extracting(ProtocolSwitched::protocol).isEqualTo("websocket");
        assertThat(c.units()).filteredOn(u -> u.kind() == UnitKind.WS_MESSAGE).hasSize(2);
    }

    @Test
    void anH2cUpgradeContinuesAsHttp2WithThePrefaceAndFrames() {
        byte[] request = ascii("GET / HTTP/1.1\r\nHost: server.example.com\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n\r\n");
        byte[] preface = StreamStart.H2_PREFACE;
        byte[] clientSettings = hex("000012 04 00 00000000 0003 00000064 0004 02000000 0002 00000000");
        byte[] serverSettings = hex("000000 04 00 00000000");
        byte[] settingsAck = hex("000000 04 01 00000000");
        byte[] switching = ascii("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n");
        Conversation c = Conversation.dissect(concat(request, preface, clientSettings, settingsAck),
                concat(switching, serverSettings, settingsAck));

        assertThat(c.handshakes()).singleElement().extracting(HandshakeAnalysis::outcome)
                .isEqualTo(UpgradeOutcome.UPGRADED);
        assertThat(c.switches()).extracting(ProtocolSwitched::protocol).containsExactly("h2c");
        assertThat(c.units()).extracting(u -> u.kind()).containsExactly(UnitKind.HTTP_REQUEST,
                UnitKind.HTTP_RESPONSE, UnitKind.H2_PREFACE, UnitKind.H2_FRAME, UnitKind.H2_FRAME,
                UnitKind.H2_FRAME, UnitKind.H2_FRAME);
        assertThat(c.units()).filteredOn(u -> u.kind() == UnitKind.H2_FRAME)
                .allSatisfy(u -> assertThat(u.attributes()).containsEntry("type", "SETTINGS"));
    }

    @Test
    void aWebSocketInsideAConnectTunnelIsAnalysedAsItsOwnConnection() {
        byte[] connect = ascii("CONNECT server.example.com:80 HTTP/1.1\r\nHost: server.example.com:80\r\n\r\n");
        byte[] established = ascii("HTTP/1.1 200 Connection Established\r\n\r\n");
        Conversation c = Conversation.dissect(concat(connect, WS_REQUEST, MASKED_HELLO),
                concat(established, WS_101, HELLO));

        assertThat(c.switches()).containsExactly(new ProtocolSwitched("tunnel", connect.length, established.length),
                new ProtocolSwitched("websocket", connect.length + WS_REQUEST.length,
                        established.length + WS_101.length));
        assertThat(c.handshakes()).singleElement().extracting(HandshakeAnalysis::outcome)
                .isEqualTo(UpgradeOutcome.UPGRADED);
        assertThat(c.units()).filteredOn(u -> u.kind() == UnitKind.WS_MESSAGE).hasSize(2);
    }

    @Test
    void theHttp2PrefaceWithoutAnUpgradeIsPriorKnowledge() {
        byte[] settings = hex("000000 04 00 00000000");
        Conversation c = Conversation.dissect(concat(StreamStart.H2_PREFACE, settings), settings);
        assertThat(c.switches()).extracting(ProtocolSwitched::protocol).containsExactly("h2");
        assertThat(c.units()).extracting(u -> u.kind()).containsExactly(UnitKind.H2_PREFACE, UnitKind.H2_FRAME,
                UnitKind.H2_FRAME);
    }

    @Test
    void aClientHelloFirstIsTls() throws Exception {
        byte[] hello = TlsFixture.clientHello();
        Conversation c = Conversation.dissect(hello, new byte[0]);
        assertThat(c.switches()).extracting(ProtocolSwitched::protocol).containsExactly("tls");
        assertThat(c.units()).first().satisfies(u -> {
            assertThat(u.kind()).isEqualTo(UnitKind.TLS_RECORD);
            assertThat(u.attributes()).containsEntry("handshakeType", "client_hello");
        });
    }

    @Test
    void bytesThatAreNotHttpAreShownAsOpaqueWithAFinding() {
        byte[] garbage = {0, 1, 2, 3, (byte) 0xff, 10, 13, 10, 13, 10};
        Conversation c = Conversation.dissect(garbage, new byte[0]);
        long covered = c.units().stream().mapToLong(u -> u.length()).sum();
        assertThat(covered).isEqualTo(garbage.length);
        assertThat(c.units()).flatExtracting(u -> u.findings()).extracting(f -> f.code()).contains("http1.not-http");
    }

    @Test
    void splittingTheStreamsAnywhereGivesTheSameUnits() {
        byte[] c2s = concat(WS_REQUEST, MASKED_HELLO, MASKED_HELLO);
        byte[] s2c = concat(WS_101, HELLO, HELLO);
        List<String> whole = Conversation.dissect(c2s, s2c).unitLines();
        for (int step = 1; step <= 16; step++) {
            assertThat(Conversation.dissect(c2s, s2c, step).unitLines()).as("step %d", step).isEqualTo(whole);
        }
    }

    @Test
    void everyPrefixOfAConversationDissectsWithoutException() {
        byte[] c2s = concat(WS_REQUEST, MASKED_HELLO);
        byte[] s2c = concat(WS_101, HELLO);
        for (int i = 0; i <= c2s.length; i++) {
            for (int j = 0; j <= s2c.length; j += 7) {
                Conversation.dissect(java.util.Arrays.copyOf(c2s, i), java.util.Arrays.copyOf(s2c, j));
            }
        }
    }

    @Test
    void randomAndMutatedBytesNeverThrow() {
        Random random = new Random(6455);
        byte[][] seeds = {concat(WS_REQUEST, MASKED_HELLO), concat(WS_101, HELLO), StreamStart.H2_PREFACE};
        for (int round = 0; round < 2000; round++) {
            byte[] c2s = mutate(seeds[random.nextInt(seeds.length)], random);
            byte[] s2c = mutate(seeds[random.nextInt(seeds.length)], random);
            Conversation.dissect(c2s, s2c, 1 + random.nextInt(40));
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        if (random.nextInt(4) == 0) {
            byte[] noise = new byte[random.nextInt(300)];
            random.nextBytes(noise);
            return noise;
        }
        byte[] copy = java.util.Arrays.copyOf(seed, seed.length + random.nextInt(8));
        for (int i = random.nextInt(6); i >= 0; i--) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }
}
