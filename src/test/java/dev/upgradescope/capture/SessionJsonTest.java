package dev.upgradescope.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Severity;
import dev.upgradescope.wire.SpecRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The direct JSON writer gives what the general serializer gives, and reads back to the same values. */
class SessionJsonTest {

    @Test
    void attributesAreWrittenAsTheGeneralSerializerWritesThem() throws Exception {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("k", List.of(1, "two", true));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("fin", true);
        a.put("opcode", 2);
        a.put("payloadLength", 1L << 40);
        a.put("ratio", 0.25);
        a.put("text", "quote \" backslash \\ newline \n tab \t nul \u0000 bell \u0007 é 中 /");
        a.put("none", null);
        a.put("list", Arrays.asList("a", null, 3));
        a.put("nested", nested);
        String direct = SessionJson.attributes(a);
        assertThat(direct).isEqualTo(SessionJson.MAPPER.writeValueAsString(a));
        assertThat(SessionJson.attributes(direct)).isEqualTo(a);
    }

    @Test
    void aValueThatIsNotPlainFallsBackToTheGeneralSerializer() throws Exception {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("bytes", new byte[] {1, 2, 3});
        a.put("severity", Severity.WARNING);
        assertThat(SessionJson.attributes(a)).isEqualTo(SessionJson.MAPPER.writeValueAsString(a));
    }

    @Test
    void findingsAreWrittenAsTheGeneralSerializerWritesThem() {
        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding("ws.mask.missing", Severity.ERROR, SpecRef.rfc(6455, "5.1"),
                List.of("c2s", "a \"quoted\" arg"), ByteRange.of(Direction.C2S, 10, 2)));
        findings.add(new Finding("h2c.settings.bad", Severity.WARNING, SpecRef.rfc(7540, "3.2.1"), List.of(),
                new ByteRange.InDecoded("HTTP2-Settings", 0, 6, ByteRange.of(Direction.C2S, 40, 8))));
        findings.add(new Finding("x.y", Severity.INFO, SpecRef.rfc(9110, "7.8"), List.of("1"), null));
        String direct = SessionJson.findings(findings);
        assertThat(SessionJson.findings(direct)).isEqualTo(findings);
    }

    @Test
    void listsOfStringsAreWrittenAsTheGeneralSerializerWritesThem() throws Exception {
        List<String> asked = List.of("websocket", "h2c", "TLS/1.2", "quote \" backslash \\ tab \t é");
        String direct = SessionJson.strings(asked);
        assertThat(direct).isEqualTo(SessionJson.MAPPER.writeValueAsString(asked));
        assertThat(SessionJson.strings(direct)).isEqualTo(asked);
        assertThat(SessionJson.strings(List.of())).isEqualTo("[]");
    }
}
