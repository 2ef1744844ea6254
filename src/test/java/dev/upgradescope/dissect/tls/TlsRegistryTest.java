package dev.upgradescope.dissect.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TlsRegistryTest {

    @Test
    void greaseValuesAreTheSixteenReservedOnes() {
        int count = 0;
        for (int v = 0; v <= 0xFFFF; v++) {
            if (TlsRegistry.isGrease(v)) {
                count++;
                assertThat(v & 0xFF).isEqualTo(v >> 8);
                assertThat(v & 0x0F).isEqualTo(0x0A);
            }
        }
        assertThat(count).isEqualTo(16);
        assertThat(CipherSuites.nameOf(0x2A2A)).isEqualTo("GREASE (0x2a2a)");
        assertThat(TlsRegistry.extensionName(0xFAFA)).isEqualTo("GREASE (0xfafa)");
    }

    @Test
    void tls13SuitesAndUnknownValues() {
        assertThat(CipherSuites.nameOf(0x1301)).isEqualTo("TLS_AES_128_GCM_SHA256");
        assertThat(CipherSuites.nameOf(0x1302)).isEqualTo("TLS_AES_256_GCM_SHA384");
        assertThat(CipherSuites.nameOf(0x1303)).isEqualTo("TLS_CHACHA20_POLY1305_SHA256");
        assertThat(CipherSuites.nameOf(0x1304)).isEqualTo("TLS_AES_128_CCM_SHA256");
        assertThat(CipherSuites.nameOf(0x1305)).isEqualTo("TLS_AES_128_CCM_8_SHA256");
        assertThat(CipherSuites.nameOf(0x1234)).isEqualTo("0x1234");
        assertThat(TlsRegistry.versionName(0x0303)).isEqualTo("TLS 1.2");
        assertThat(TlsRegistry.versionName(0x7f1c)).isEqualTo("0x7f1c");
        assertThat(TlsRegistry.groupName(0x001D)).isEqualTo("x25519");
        assertThat(TlsRegistry.signatureSchemeName(0x0804)).isEqualTo("rsa_pss_rsae_sha256");
        assertThat(TlsRegistry.alertDescription(120)).isEqualTo("no_application_protocol");
        assertThat(TlsRegistry.handshakeTypeName(1)).isEqualTo("client_hello");
    }

    @Test
    void ipLiteralsInServerName() {
        assertThat(HelloParser.isIpLiteral("192.0.2.1")).isTrue();
        assertThat(HelloParser.isIpLiteral("2001:db8::1")).isTrue();
        assertThat(HelloParser.isIpLiteral("example.test")).isFalse();
        assertThat(HelloParser.isIpLiteral("1.2.3.example")).isFalse();
    }
}
