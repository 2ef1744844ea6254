package dev.upgradescope.dissect.http2;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Headers;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.jetty.http.compression.HuffmanEncoder;
import org.eclipse.jetty.http2.hpack.HpackContext;
import org.junit.jupiter.api.Test;

/**
 * Independent implementations as oracles: Netty's HPACK encoder (dynamic table, Huffman, never
 * indexed, table size updates) and Jetty's Huffman encoder and static table.
 */
class HpackOracleTest {

    @Test
    void decodesWhatNettyEncodes() throws Exception {
        Random random = new Random(0x4841_434bL);
        DefaultHttp2HeadersEncoder encoder = new DefaultHttp2HeadersEncoder(
                (name, value) -> name.toString().equals("authorization"), false);
        HpackDecoder decoder = new HpackDecoder();
        String[] names = {"accept", "cookie", "x-trace", "authorization", "user-agent", "cache-control", "x-a"};
        for (int block = 0; block < 300; block++) {
            if (block == 150) {
                encoder.configuration().maxHeaderTableSize(256); // signalled with a size update (§6.3)
            }
            Http2Headers headers = new DefaultHttp2Headers(false);
            List<HpackTableEntry> expected = new ArrayList<>();
            add(headers, expected, ":method", random.nextBoolean() ? "GET" : "POST");
            add(headers, expected, ":path", "/" + text(random, 12));
            for (int i = random.nextInt(8); i > 0; i--) {
                add(headers, expected, names[random.nextInt(names.length)], text(random, 40));
            }
            ByteBuf buf = Unpooled.buffer();
            encoder.encodeHeaders(1, headers, buf);
            byte[] bytes = ByteBufUtil.getBytes(buf);
            HpackBlock decoded = decoder.decode(bytes, bytes.length);

            assertThat(decoded.failed()).as("block %d", block).isFalse();
            assertThat(decoded.fields()).as("block %d", block).isEqualTo(expected);
        }
    }

    private static void add(Http2Headers headers, List<HpackTableEntry> expected, String name, String value) {
        headers.add(name, value);
        expected.add(new HpackTableEntry(name, value));
    }

    /** Latin-1 text, mostly printable ASCII, so that every Huffman code length occurs. */
    private static String text(Random random, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(max); i > 0; i--) {
            sb.append(random.nextInt(8) == 0 ? (char) random.nextInt(256) : (char) (0x20 + random.nextInt(95)));
        }
        return sb.toString();
    }

    @Test
    void huffmanCodesMatchAppendixB() {
        assertThat(HpackHuffman.CODES[0]).isEqualTo(0x1ff8);
        assertThat(HpackHuffman.CODE_LENGTHS[0]).isEqualTo((byte) 13);
        assertThat(HpackHuffman.CODES[' ']).isEqualTo(0x14);
        assertThat(HpackHuffman.CODES['0']).isEqualTo(0x0);
        assertThat(HpackHuffman.CODES['a']).isEqualTo(0x3);
        assertThat(HpackHuffman.CODES[255]).isEqualTo(0x3ffffee);
        assertThat(HpackHuffman.CODE_LENGTHS[255]).isEqualTo((byte) 26);
        assertThat(HpackHuffman.CODES[HpackHuffman.EOS]).isEqualTo(0x3fffffff);
        assertThat(HpackHuffman.CODE_LENGTHS[HpackHuffman.EOS]).isEqualTo((byte) 30);
        // Kraft equality: a complete prefix code.
        double kraft = 0;
        for (byte len : HpackHuffman.CODE_LENGTHS) {
            kraft += Math.pow(2, -len);
        }
        assertThat(kraft).isEqualTo(1.0);
    }

    @Test
    void decodesEverySymbolAsJettyEncodesIt() {
        int tested = 0;
        for (int sym = 0; sym < 256; sym++) {
            String s = String.valueOf((char) sym).repeat(3) + "ok";
            ByteBuffer buf = ByteBuffer.allocate(64);
            try {
                HuffmanEncoder.encode(buf, s);
            } catch (RuntimeException rejected) {
                continue;
            }
            buf.flip();
            byte[] coded = new byte[buf.remaining()];
            buf.get(coded);
            byte[] decoded = HpackHuffman.decode(coded, 0, coded.length);
            assertThat(decoded).as("symbol %d", sym).isNotNull();
            assertThat(new String(decoded, java.nio.charset.StandardCharsets.ISO_8859_1)).as("symbol %d", sym)
                    .isEqualTo(s);
            tested++;
        }
        assertThat(tested).isGreaterThanOrEqualTo(95);
    }

    @Test
    void staticTableMatchesJetty() {
        String[][] jetty = HpackContext.STATIC_TABLE;
        int offset = jetty.length == HpackStaticTable.LENGTH + 1 ? 1 : 0;
        assertThat(jetty.length - offset).isEqualTo(61);
        for (int i = 1; i <= HpackStaticTable.LENGTH; i++) {
            String[] e = jetty[i - 1 + offset];
            assertThat(Map.entry(HpackStaticTable.name(i), HpackStaticTable.value(i))).as("index %d", i)
                    .isEqualTo(Map.entry(e[0], e[1] == null ? "" : e[1]));
        }
    }
}
