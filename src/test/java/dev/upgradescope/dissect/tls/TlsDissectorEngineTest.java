package dev.upgradescope.dissect.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Unit;
import dev.upgradescope.wire.UnitKind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dissects a real handshake between two JDK SSLEngines, TLS 1.3 and TLS 1.2. */
class TlsDissectorEngineTest {

    static Conversation tls13;
    static Conversation tls12;

    @BeforeAll
    static void handshake() throws Exception {
        EngineTranscript t13 = EngineTranscript.handshake("TLSv1.3");
        tls13 = new Conversation(t13.c2s(), t13.s2c());
        EngineTranscript t12 = EngineTranscript.handshake("TLSv1.2");
        tls12 = new Conversation(t12.c2s(), t12.s2c());
    }

    static List<Unit> of(List<Unit> units, Direction dir) {
        return units.stream().filter(u -> u.dir() == dir).toList();
    }

    @Test
    void clientHelloShowsSniAndAlpn() {
        Unit first = of(tls13.dissect(0), Direction.C2S).get(0);
        assertThat(first.kind()).isEqualTo(UnitKind.TLS_RECORD);
        assertThat(first.summary()).isEqualTo("Handshake ClientHello sni=example.test alpn=h2,http/1.1");
        Map<String, Object> a = first.attributes();
        assertThat(a.keySet()).containsExactly("contentType", "version", "length", "handshakeType", "sni", "alpn");
        assertThat(a.get("contentType")).isEqualTo("handshake");
        assertThat(a.get("length")).isEqualTo((int) first.length() - 5);
        assertThat(a.get("handshakeType")).isEqualTo("client_hello");
        assertThat(a.get("sni")).isEqualTo("example.test");
        assertThat(a.get("alpn")).isEqualTo(List.of("h2", "http/1.1"));
        TlsHello hello = ((TlsRecord) first).hello();
        assertThat(hello.supportedVersions()).containsExactly(0x0304);
        assertThat(hello.cipherSuites()).contains(0x1301, 0x1302);
    }

    @Test
    void sniFieldPointsAtTheHostNameBytes() {
        Unit first = tls13.dissect(0).get(0);
        Field host = find(first.tree(), "Host name");
        ByteRange.InStream r = host.range().streamRange();
        byte[] bytes = Arrays.copyOfRange(tls13.c2s(), (int) r.offset(), (int) r.end());
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).isEqualTo("example.test");
        assertThat(host.value()).isEqualTo("example.test");
    }

    @Test
    void serverHelloOfTls13SelectsVersionAndSuiteThenEverythingIsEncrypted() {
        List<Unit> s2c = of(tls13.dissect(0), Direction.S2C);
        Unit sh = s2c.get(0);
        assertThat(sh.attributes().keySet()).containsExactly("contentType", "version", "length", "handshakeType",
                "selectedVersion", "cipherSuite");
        assertThat(sh.attributes().get("selectedVersion")).isEqualTo("TLS 1.3");
        assertThat((String) sh.attributes().get("cipherSuite")).startsWith("TLS_AES_");
        assertThat(sh.summary()).startsWith("Handshake ServerHello version=TLS 1.3 cipher=TLS_AES_");
        assertThat(s2c.get(1).summary()).isEqualTo("ChangeCipherSpec");
        for (Unit u : s2c.subList(2, s2c.size())) {
            assertThat(((TlsRecord) u).encrypted()).isTrue();
            assertThat(u.summary()).matches("ApplicationData \\d+ bytes \\(encrypted\\)");
        }
    }

    @Test
    void tls12ServerHelloCarriesAlpnAndTheServerFlightIsRead() {
        List<Unit> units = tls12.dissect(0);
        TlsRecord ch = (TlsRecord) of(units, Direction.C2S).get(0);
        TlsRecord sh = (TlsRecord) of(units, Direction.S2C).get(0);
        assertThat(sh.attributes().get("selectedVersion")).isEqualTo("TLS 1.2");
        assertThat(sh.attributes().get("alpn")).isEqualTo(List.of("h2"));
        assertThat(ch.hello().cipherSuites()).contains(sh.hello().cipherSuite());
        assertThat(sh.summary()).startsWith("Handshake ServerHello version=TLS 1.2 cipher=TLS_ECDHE_ECDSA_")
                .contains("alpn=h2").contains("Certificate");
        assertThat(units).extracting(Unit::summary).contains("Handshake 40 bytes (encrypted)");
    }

    @Test
    void aCleanHandshakeHasNoFindingsAndCoversEveryByte() {
        for (Conversation c : List.of(tls13, tls12)) {
            List<Unit> units = c.dissect(0);
            assertThat(units).allSatisfy(u -> assertThat(u.findings()).isEmpty());
            for (Direction dir : Direction.values()) {
                long at = 0;
                for (Unit u : of(units, dir)) {
                    assertThat(u.offset()).isEqualTo(at);
                    at += u.length();
                }
                assertThat(at).isEqualTo(c.bytes(dir).length);
            }
        }
    }

    @Test
    void everyFieldLiesInsideItsUnit() {
        for (Conversation c : List.of(tls13, tls12)) {
            for (Unit u : c.dissect(0)) {
                assertInside(u.tree(), u);
            }
        }
    }

    static void assertInside(Field f, Unit u) {
        assertThat(f.range()).as(f.label()).isNotNull();
        ByteRange.InStream r = f.range().streamRange();
        if (f.range() instanceof ByteRange.InStream) {
            assertThat(u.range().covers(r)).as("%s %s in %s", f.label(), r, u.range()).isTrue();
        } else {
            // a field reassembled from several records ends inside this unit
            assertThat(r.end()).isLessThanOrEqualTo(u.range().end());
        }
        f.children().forEach(c -> assertInside(c, u));
    }

    static Field find(Field f, String label) {
        if (f.label().equals(label)) {
            return f;
        }
        for (Field c : f.children()) {
            Field hit = find(c, label);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }
}
