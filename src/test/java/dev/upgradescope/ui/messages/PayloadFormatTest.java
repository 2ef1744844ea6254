package dev.upgradescope.ui.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadFormatTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jsonIsRecognisedAndPrettyPrinted() {
        byte[] json = utf8("{\"type\":\"greeting\",\"to\":[\"mundo\",\"世界\"]}");
        assertThat(PayloadFormat.auto(json)).isEqualTo(PayloadFormat.JSON);
        assertThat(PayloadFormat.JSON.render(json)).contains("\"type\" : \"greeting\"").contains("\n");
    }

    @Test
    void textThatIsNotJsonIsText() {
        assertThat(PayloadFormat.auto(utf8("Hello, {world}"))).isEqualTo(PayloadFormat.TEXT);
        assertThat(PayloadFormat.auto(utf8("{not json"))).isEqualTo(PayloadFormat.TEXT);
    }

    @Test
    void bytesThatAreNotUtf8AreHexAndEveryFormatRendersThem() {
        byte[] binary = {(byte) 0xff, 0x00, (byte) 0xc3, 0x28};
        assertThat(PayloadFormat.auto(binary)).isEqualTo(PayloadFormat.HEX);
        assertThat(PayloadFormat.HEX.render(binary)).startsWith("00000000  ff 00 c3 28");
        assertThat(PayloadFormat.JSON.render(binary)).startsWith("00000000");
        assertThat(PayloadFormat.TEXT.render(binary)).isNotEmpty();
    }
}
