package dev.upgradescope.dissect.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Unit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-made conversations per RFC section: the summaries and the findings they must produce. */
class TlsFixtureTest {

    static final String CH = "Handshake ClientHello sni=example.com alpn=h2,http/1.1";

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("rfc5246/7_4_1-hellos.hex", List.of(CH, "ChangeCipherSpec", "Handshake 40 bytes (encrypted)",
                        "Handshake ServerHello version=TLS 1.2 cipher=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 alpn=h2, "
                                + "ServerHelloDone",
                        "ChangeCipherSpec", "Handshake 40 bytes (encrypted)", "ApplicationData 30 bytes (encrypted)",
                        "Alert 26 bytes (encrypted)"), List.of()),
                Arguments.of("rfc8446/5_1-client-hello-split.hex", List.of("Handshake ClientHello (partial)", CH),
                        List.of()),
                Arguments.of("rfc6066/3-sni-ip-literal.hex", List.of("Handshake ClientHello sni=192.0.2.1"),
                        List.of("tls.sni.ip-literal")),
                Arguments.of("rfc8446/4_2-duplicate-extension.hex", List.of("Handshake ClientHello"),
                        List.of("tls.extension.duplicate")),
                Arguments.of("rfc7301/3_1-alpn-empty-list.hex", List.of("Handshake ClientHello alpn="),
                        List.of("tls.alpn.empty-list")),
                Arguments.of("rfc8446/4_2-extension-bad-length.hex", List.of("Handshake ClientHello"),
                        List.of("tls.extension.bad-length")),
                Arguments.of("rfc8446/4_1_3-cipher-not-offered.hex", List.of(CH,
                        "Handshake ServerHello version=TLS 1.2 cipher=TLS_RSA_WITH_AES_128_CBC_SHA alpn=spdy/3"),
                        List.of("tls.server-hello.cipher-not-offered", "tls.server-hello.alpn-not-offered")),
                Arguments.of("rfc8996/5-tls10-negotiated.hex", List.of(CH,
                        "Handshake ServerHello version=TLS 1.0 cipher=TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"),
                        List.of("tls.version.deprecated", "tls.server-hello.cipher-not-offered")),
                Arguments.of("rfc8446/4_1_4-hello-retry-request.hex", List.of("Handshake ClientHello",
                        "Handshake HelloRetryRequest version=TLS 1.3 cipher=TLS_AES_128_GCM_SHA256"),
                        List.of("tls.server-hello.hello-retry-request")),
                Arguments.of("rfc8446/5_1-record-anomalies.hex", List.of("Handshake (empty)",
                        "Unknown record type 99, 3 bytes", "ApplicationData 0 bytes (encrypted)", "Heartbeat 2 bytes",
                        "Handshake Certificate", "Alert fatal handshake_failure"),
                        List.of("tls.record.empty", "tls.record.unknown-type", "tls.record.too-long", "tls.alert.fatal")),
                Arguments.of("rfc8446/5_1-not-tls.hex", List.of("38 bytes (not TLS records)"),
                        List.of("tls.record.not-tls")),
                Arguments.of("rfc8446/4-handshake-truncated.hex", List.of("Handshake ClientHello (partial)",
                        "Handshake ClientHello (partial)", "0 bytes (end inside handshake message)"),
                        List.of("tls.handshake.truncated")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void summariesAndFindings(String resource, List<String> summaries, List<String> codes) {
        List<Unit> units = Conversation.fixture(resource).dissect(0);
        assertThat(units).extracting(Unit::summary).containsExactlyElementsOf(summaries);
        assertThat(units.stream().flatMap(u -> u.findings().stream()).map(Finding::code))
                .containsExactlyElementsOf(codes);
        for (Unit u : units) {
            for (Finding f : u.findings()) {
                assertThat(f.range()).isNotNull();
                assertThat(f.message()).doesNotContain("{");
            }
        }
    }

    @Test
    void handshakeFieldsOfASplitHelloPointIntoBothRecords() {
        List<Unit> units = Conversation.fixture("rfc8446/5_1-client-hello-split.hex").dissect(0);
        var message = units.get(1).tree().child("Handshake message").orElseThrow();
        assertThat(message.range()).isInstanceOf(ByteRange.InDecoded.class);
        ByteRange.InStream origin = message.range().streamRange();
        assertThat(origin.offset()).isEqualTo(5); // after the first record header
        assertThat(origin.end()).isEqualTo(units.get(1).range().end());
        // the SNI lies wholly in the second record: a plain stream range there
        var host = TlsDissectorEngineTest.find(units.get(1).tree(), "Host name");
        assertThat(host.range()).isInstanceOf(ByteRange.InStream.class);
        assertThat(units.get(1).range().covers(host.range().streamRange())).isTrue();
    }

    @Test
    void serverHelloAndServerHelloDoneShareOneRecord() {
        List<Unit> units = Conversation.fixture("rfc5246/7_4_1-hellos.hex").dissect(0);
        TlsRecord sh = (TlsRecord) units.get(3);
        assertThat(sh.tree().children()).extracting(f -> f.label() + ": " + f.value()).containsExactly(
                "Content type: handshake (22)", "Version: TLS 1.2 (0x0303)", "Length: 62",
                "Handshake message: ServerHello version=TLS 1.2 cipher=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 alpn=h2",
                "Handshake message: ServerHelloDone");
        assertThat(sh.attributes()).containsEntry("cipherSuite", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    }

    @Test
    void clientHelloTreeNamesSuitesGreaseAndExtensions() {
        TlsRecord ch = (TlsRecord) Conversation.fixture("rfc5246/7_4_1-hellos.hex").dissect(0).get(0);
        var message = ch.tree().child("Handshake message").orElseThrow();
        assertThat(message.child("Cipher suites").orElseThrow().children()).extracting(f -> f.value()).containsExactly(
                "GREASE (0x0a0a)", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (0xc02f)",
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 (0xc030)", "TLS_RSA_WITH_AES_128_GCM_SHA256 (0x009c)");
        assertThat(message.child("Extensions").orElseThrow().children()).extracting(f -> f.value()).containsExactly(
                "server_name (0x0000)", "application_layer_protocol_negotiation (0x0010)",
                "supported_groups (0x000a)", "ec_point_formats (0x000b)", "signature_algorithms (0x000d)");
        var groups = message.child("Extensions").orElseThrow().children().get(2);
        assertThat(groups.children()).extracting(f -> f.value()).contains("x25519 (0x001d)", "secp256r1 (0x0017)");
    }
}
