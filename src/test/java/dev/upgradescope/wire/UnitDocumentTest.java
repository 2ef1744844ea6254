package dev.upgradescope.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnitDocumentTest {

    @Test
    void unitsListTheCommonFieldsFirstThenTheirAttributesThenFindings() {
        Finding finding = new Finding("test.sample", Severity.ERROR, SpecRef.rfc(6455, "5.1"), List.of(),
                ByteRange.of(Direction.C2S, 10, 2));
        Unit unit = new OpaqueBytes(Direction.C2S, 10, 20, "unknown protocol", List.of(finding));

        Map<String, Object> doc = UnitDocument.of(unit);

        assertThat(doc.keySet()).containsExactly("dir", "offset", "length", "kind", "summary", "reason", "findings");
        assertThat(doc).containsEntry("dir", "c2s").containsEntry("offset", 10L).containsEntry("kind", "opaque")
                .containsEntry("summary", "20 bytes (unknown protocol)");
        @SuppressWarnings("unchecked")
        Map<String, Object> f = ((List<Map<String, Object>>) doc.get("findings")).get(0);
        assertThat(f).containsEntry("code", "test.sample").containsEntry("severity", "error")
                .containsEntry("rfc", 6455).containsEntry("section", "5.1")
                .containsEntry("dir", "c2s").containsEntry("offset", 10L).containsEntry("length", 2L);
    }
}
