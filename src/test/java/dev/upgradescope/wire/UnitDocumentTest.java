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

    @Test
    void aKindWithItsOwnLengthKeepsItAndGivesTheSpanAsStreamLength() {
        Unit unit = withOwnLength();
        Map<String, Object> doc = UnitDocument.of(unit);
        assertThat(doc).containsEntry("length", 26L).containsEntry("streamLength", 33L);
        assertThat(doc.keySet()).containsExactly("dir", "offset", "length", "kind", "summary", "streamLength");
    }

    private static Unit withOwnLength() {
        return new Unit() {
            @Override
            public UnitKind kind() {
                return UnitKind.WS_MESSAGE;
            }

            @Override
            public Direction dir() {
                return Direction.S2C;
            }

            @Override
            public long offset() {
                return 5;
            }

            @Override
            public long length() {
                return 33;
            }

            @Override
            public String summary() {
                return "TEXT message len=26";
            }

            @Override
            public Field tree() {
                return Field.leaf("Message", "", range());
            }

            @Override
            public List<Finding> findings() {
                return List.of();
            }

            @Override
            public Map<String, Object> attributes() {
                return Map.of("length", 26L);
            }
        };
    }
}
