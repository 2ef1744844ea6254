package dev.upgradescope.dissect.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Severity;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The framing examples of RFC 6455 §5.7 and the compression examples of RFC 7692 §7.2.3. */
class SpecExamplesTest {

    static Stream<Arguments> fixtures() throws Exception {
        String[] names = {
            "rfc6455/5_7-single-frame-unmasked.hex", "rfc6455/5_7-single-frame-masked.hex",
            "rfc6455/5_7-fragmented-unmasked.hex", "rfc6455/5_7-ping-pong.hex",
            "rfc6455/5_7-binary-256-bytes.hex", "rfc6455/5_7-binary-64-kib.hex",
            "rfc7692/7_2_3_1-hello.hex", "rfc7692/7_2_3_1-fragmented.hex",
            "rfc7692/7_2_3_2-context-takeover.hex", "rfc7692/7_2_3_2-no-context-takeover.hex",
            "rfc7692/7_2_3_3-no-compression-block.hex", "rfc7692/7_2_3_4-bfinal.hex",
            "rfc7692/7_2_3_5-two-blocks.hex",
        };
        Stream.Builder<Arguments> out = Stream.builder();
        for (String n : names) {
            out.add(Arguments.of(HexFixture.load(n)));
        }
        return out.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void dissectsToTheExpectedUnitsWithoutFindings(HexFixture fixture) {
        Dissection d = Dissection.of(fixture, Integer.MAX_VALUE);

        assertThat(d.summaries()).containsExactlyElementsOf(fixture.units());
        assertThat(d.units()).flatMap(u -> u.findings()).extracting(Finding::severity)
                .doesNotContain(Severity.ERROR, Severity.WARNING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void byteByByteGivesTheSameUnits(HexFixture fixture) {
        assertThat(Dissection.of(fixture, 1).signature()).isEqualTo(Dissection.of(fixture, Integer.MAX_VALUE).signature());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void messagesCoverTheirFramesAndKeepTheirPayload(HexFixture fixture) {
        Dissection d = Dissection.of(fixture, Integer.MAX_VALUE);
        for (WsMessage m : d.of(WsMessage.class)) {
            assertThat(m.frames().get(0).offset()).isEqualTo(m.offset());
            assertThat(m.frames().get(m.frames().size() - 1).end()).isEqualTo(m.offset() + m.length());
            assertThat(m.payload()).hasSize((int) m.payloadLength());
            if (m.text()) {
                assertThat(new String(m.payload(), StandardCharsets.UTF_8)).isEqualTo("Hello");
                assertThat(m.attributes()).containsEntry("text", "Hello");
            }
            if (m.compressed()) {
                assertThat(m.inflated()).isTrue();
                assertThat(m.wirePayload()).hasSize((int) m.wireLength());
            }
        }
    }
}
