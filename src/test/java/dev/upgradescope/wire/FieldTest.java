package dev.upgradescope.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldTest {

    @Test
    void deepestNodeCoveringAByteIsFound() {
        Field leaf = Field.leaf("name", "Upgrade", ByteRange.of(Direction.C2S, 18, 7));
        Field header = Field.builder("Upgrade", "websocket", ByteRange.of(Direction.C2S, 18, 20)).add(leaf).build();
        Field root = Field.builder("Request", "", ByteRange.of(Direction.C2S, 0, 100)).add(header).build();

        assertThat(root.deepestAt(Direction.C2S, 20)).contains(leaf);
        assertThat(root.deepestAt(Direction.C2S, 30)).contains(header);
        assertThat(root.deepestAt(Direction.C2S, 5)).contains(root);
        assertThat(root.deepestAt(Direction.S2C, 5)).isEmpty();
    }

    @Test
    void decodedRangesHighlightTheirOrigin() {
        ByteRange.InStream origin = ByteRange.of(Direction.C2S, 40, 32);
        ByteRange decoded = new ByteRange.InDecoded("HTTP2-Settings (decoded)", 6, 6, origin);
        assertThat(decoded.streamRange()).isEqualTo(origin);
    }

    @Test
    void findingsAreCollectedFromTheWholeTree() {
        Finding f = new Finding("test.code", Severity.WARNING, SpecRef.rfc(9110, "7.8"), List.of(), null);
        Field child = new Field("child", "", null, List.of(), List.of(f));
        Field root = new Field("root", "", null, List.of(child), List.of());
        assertThat(root.allFindings()).containsExactly(f);
    }

    @Test
    void specReferencesReadAsTheRfcsWriteThem() {
        assertThat(SpecRef.rfc(6455, "4.2.2")).hasToString("RFC 6455 §4.2.2");
        assertThat(SpecRef.rfc(6455, "4.2.2").url()).isEqualTo("https://www.rfc-editor.org/rfc/rfc6455#section-4.2.2");
        assertThat(SpecRef.rfc(7541, "C.4.1").url()).endsWith("#appendix-C.4.1");
    }
}
