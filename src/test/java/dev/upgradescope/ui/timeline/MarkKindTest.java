package dev.upgradescope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.capture.EventRow;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkKindTest {

    @Test
    void webSocketFramesBySpecOpcode() {
        assertThat(MarkKind.of("ws-frame", Map.of("opcode", 1))).isEqualTo(MarkKind.WS_TEXT);
        assertThat(MarkKind.of("ws-frame", Map.of("opcode", 2))).isEqualTo(MarkKind.WS_BINARY);
        assertThat(MarkKind.of("ws-frame", Map.of("opcode", 0))).isEqualTo(MarkKind.WS_CONTINUATION);
        assertThat(MarkKind.of("ws-frame", Map.of("opcode", 8))).isEqualTo(MarkKind.WS_CLOSE);
        assertThat(MarkKind.of("ws-frame", Map.of("opcode", 9))).isEqualTo(MarkKind.WS_PING);
        assertThat(MarkKind.of("ws-frame", Map.of("opcode", 10))).isEqualTo(MarkKind.WS_PONG);
        assertThat(MarkKind.of("ws-frame", Map.of("opcode", 3))).isEqualTo(MarkKind.WS_OTHER);
        assertThat(MarkKind.WS_TEXT.shape()).isEqualTo(MarkShape.CIRCLE);
        assertThat(MarkKind.WS_BINARY.shape()).isEqualTo(MarkShape.SQUARE);
        assertThat(MarkKind.WS_PING.shape()).isEqualTo(MarkShape.DIAMOND);
        assertThat(MarkKind.WS_CLOSE.shape()).isEqualTo(MarkShape.CROSS);
    }

    @Test
    void http2FramesByTypeName() {
        assertThat(MarkKind.of("h2-frame", Map.of("type", "DATA"))).isEqualTo(MarkKind.H2_DATA);
        assertThat(MarkKind.of("h2-frame", Map.of("type", "HEADERS"))).isEqualTo(MarkKind.H2_HEADERS);
        assertThat(MarkKind.of("h2-frame", Map.of("type", "GOAWAY"))).isEqualTo(MarkKind.H2_RESET);
        assertThat(MarkKind.of("h2-frame", Map.of("type", "UNKNOWN(0x42)"))).isEqualTo(MarkKind.H2_CONTROL);
    }

    @Test
    void handshakeAndSwitchAndWhatIsNotShown() {
        assertThat(MarkKind.of("http-request", Map.of())).isEqualTo(MarkKind.REQUEST);
        assertThat(MarkKind.of("http-response", Map.of())).isEqualTo(MarkKind.RESPONSE);
        assertThat(MarkKind.of(EventRow.PROTOCOL_SWITCH, Map.of())).isEqualTo(MarkKind.SWITCH);
        assertThat(MarkKind.of(EventRow.HANDSHAKE, Map.of())).isNull();
        assertThat(MarkKind.of("ws-message", Map.of())).isNull();
        assertThat(MarkKind.of("tls-record", Map.of())).isEqualTo(MarkKind.TLS_RECORD);
    }

    @Test
    void everyTimelineAndLadderTextExistsInEveryLanguage() throws java.io.IOException {
        for (String base : new String[] {"/dev/upgradescope/ui/timeline/timeline", "/dev/upgradescope/ui/ladder/ladder"}) {
            java.util.Properties en = load(base + ".properties");
            for (String suffix : new String[] {"_es.properties", "_zh_TW.properties"}) {
                java.util.Properties other = load(base + suffix);
                assertThat(other.stringPropertyNames()).as(base + suffix)
                        .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
                other.values().forEach(v -> assertThat(v.toString()).as(base + suffix).isNotBlank());
            }
        }
        java.util.ResourceBundle b = TimelineView.bundle(java.util.Locale.ENGLISH);
        for (MarkKind k : MarkKind.values()) {
            assertThat(b.getString(k.textKey())).as(k.name()).isNotBlank();
        }
    }

    private static java.util.Properties load(String resource) throws java.io.IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = MarkKindTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
