package dev.upgradescope.dissect.http2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.testpeers.JdkH2cConversation;
import dev.upgradescope.testpeers.RecordingRelay;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Severity;
import dev.upgradescope.wire.Unit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real independent peers on loopback: the JDK HTTP client upgrades to h2c with a Jetty 12 server
 * through the recording relay; the bytes after the 101 are dissected by the HTTP/2 dissector alone.
 */
class H2RecordedConversationTest {

    @Test
    @Timeout(60)
    void jdkClientUpgradingToJettyH2c() throws Exception {
        RecordingRelay.Conversation recorded = JdkH2cConversation.record(List.of("/first", "/second"));
        dissect(recorded.c2s(), recorded.s2c());
    }

    private static void dissect(byte[] c2s, byte[] s2c) {
        String request = new String(c2s, StandardCharsets.ISO_8859_1);
        String response = new String(s2c, StandardCharsets.ISO_8859_1);
        assertThat(response).startsWith("HTTP/1.1 101");
        int c2sStart = request.indexOf("\r\n\r\n") + 4;
        int s2cStart = response.indexOf("\r\n\r\n") + 4;
        Matcher m = Pattern.compile("(?i)\r\nHTTP2-Settings: *([A-Za-z0-9_-]*)").matcher(request);
        assertThat(m.find()).isTrue();
        byte[] settings = Base64.getUrlDecoder().decode(m.group(1));
        List<Setting> fromHeader = SettingsPayload.read(settings, 0, settings.length,
                p -> ByteRange.of(Direction.C2S, 0, 6));

        H2Dissector d = new H2Dissector(H2Config.afterUpgrade(fromHeader));
        List<Unit> units = new ArrayList<>(d.feed(Direction.S2C, s2cStart, s2c, s2cStart, s2c.length));
        units.addAll(d.feed(Direction.C2S, c2sStart, c2s, c2sStart, c2s.length));

        List<String> summaries = units.stream().map(Unit::summary).toList();
        assertThat(summaries).contains("PRI * HTTP/2.0 (connection preface)");
        assertThat(summaries).anySatisfy(s -> assertThat(s).matches("<< 0x00000001 +\\d+ HEADERS +END_HEADERS 200"));
        assertThat(summaries).anySatisfy(s -> assertThat(s).matches(">> 0x00000003 +\\d+ HEADERS +END_STREAM\\|END_HEADERS GET /second"));
        assertThat(summaries).anySatisfy(s -> assertThat(s).startsWith("<< 0x00000003") .contains("DATA"));
        assertThat(units.get(0).summary()).startsWith("<< 0x00000000").contains("SETTINGS");
        List<Finding> serious = units.stream().flatMap(u -> u.findings().stream())
                .filter(f -> f.severity() != Severity.INFO).toList();
        assertThat(serious).isEmpty();
    }
}
