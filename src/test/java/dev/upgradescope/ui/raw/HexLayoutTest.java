package dev.upgradescope.ui.raw;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HexLayoutTest {

    private static final byte[] REQUEST = "GET /chat HTTP/1.1\r\nHost: server.example.com\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void aLineShowsOffsetHexWithAGapAfterEightBytesAndAscii() {
        String text = HexLayout.text(REQUEST, 0x100);
        String[] lines = text.split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("00000100  47 45 54 20 2f 63 68 61  74 20 48 54 54 50 2f 31  GET /chat HTTP/1");
        assertThat(lines[1]).startsWith("00000110  2e 31 0d 0a").endsWith(".1..Host: server");
        assertThat(lines[2]).startsWith("00000120  2e 65 78 61");
        assertThat(lines[2]).hasSize(HexLayout.LINE_WIDTH - 1);
    }

    @Test
    void everyByteMapsToItsHexDigitsAndAsciiAndBack() {
        String text = HexLayout.text(REQUEST, 0);
        for (int i = 0; i < REQUEST.length; i++) {
            int hex = HexLayout.hexPosition(i);
            int ascii = HexLayout.asciiPosition(i);
            assertThat(text.substring(hex, hex + 2)).isEqualTo(String.format("%02x", REQUEST[i]));
            char c = (char) REQUEST[i];
            assertThat(text.charAt(ascii)).isEqualTo(c >= 0x20 && c < 0x7f ? c : '.');
            assertThat(HexLayout.byteAt(hex, REQUEST.length)).isEqualTo(i);
            assertThat(HexLayout.byteAt(hex + 1, REQUEST.length)).isEqualTo(i);
            assertThat(HexLayout.byteAt(ascii, REQUEST.length)).isEqualTo(i);
        }
    }

    @Test
    void positionsPastTheLastByteMapToNothing() {
        assertThat(HexLayout.byteAt(HexLayout.asciiPosition(REQUEST.length), REQUEST.length)).isEqualTo(-1);
        assertThat(HexLayout.byteAt(-1, REQUEST.length)).isEqualTo(-1);
    }

    @Test
    void aRangeAcrossLinesIsHighlightedLineByLineInHexAndAscii() {
        List<int[]> spans = HexLayout.spans(14, 18);
        assertThat(spans).hasSize(4);
        String text = HexLayout.text(REQUEST, 0);
        assertThat(text.substring(spans.get(0)[0], spans.get(0)[1])).isEqualTo("2f 31");
        assertThat(text.substring(spans.get(1)[0], spans.get(1)[1])).isEqualTo("/1");
        assertThat(text.substring(spans.get(2)[0], spans.get(2)[1])).isEqualTo("2e 31");
        assertThat(text.substring(spans.get(3)[0], spans.get(3)[1])).isEqualTo(".1");
    }
}
