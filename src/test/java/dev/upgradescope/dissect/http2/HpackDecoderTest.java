package dev.upgradescope.dissect.http2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HpackDecoderTest {

    static Stream<Rfc7541Vector> singleRepresentations() {
        return Stream.of("C_2_1", "C_2_2", "C_2_3", "C_2_4").map(Rfc7541Vector::load);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleRepresentations")
    void appendixC2SingleRepresentations(Rfc7541Vector v) {
        HpackBlock block = new HpackDecoder(v.maxTableSize()).decode(v.block(), v.block().length);

        assertThat(block.failed()).isFalse();
        assertThat(block.representations()).extracting(r -> r.kind().name()).isEqualTo(v.representations());
        assertThat(block.representations().get(0).length()).isEqualTo(v.block().length);
        assertThat(block.fields()).isEqualTo(v.headers());
        assertThat(block.tableAfter()).isEqualTo(v.table());
        assertThat(block.tableSize()).isEqualTo(v.tableSize());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"C_3", "C_4", "C_5", "C_6"})
    void appendixCSequencesShareOneTable(String series) {
        HpackDecoder decoder = null;
        for (int i = 1; i <= 3; i++) {
            Rfc7541Vector v = Rfc7541Vector.load(series + "_" + i);
            if (decoder == null) {
                decoder = new HpackDecoder(v.maxTableSize());
            }
            HpackBlock block = decoder.decode(v.block(), v.block().length);

            assertThat(block.failed()).as(v.title()).isFalse();
            assertThat(block.fields()).as(v.title()).isEqualTo(v.headers());
            assertThat(block.tableAfter()).as(v.title()).isEqualTo(v.table());
            assertThat(block.tableSize()).as(v.title()).isEqualTo(v.tableSize());
            assertThat(block.tableMaxSize()).isEqualTo(v.maxTableSize());
            int covered = block.representations().stream().mapToInt(HpackRepresentation::length).sum();
            assertThat(covered).as("representations tile the block").isEqualTo(v.block().length);
        }
    }

    @Test
    void huffmanFlagsAreReportedPerString() {
        HpackDecoder d = new HpackDecoder();
        for (String first : List.of("C_4_1", "C_4_2")) {
            Rfc7541Vector v = Rfc7541Vector.load(first);
            d.decode(v.block(), v.block().length);
        }
        Rfc7541Vector v = Rfc7541Vector.load("C_4_3");
        HpackBlock block = d.decode(v.block(), v.block().length);
        HpackRepresentation custom = block.representations().get(4);

        assertThat(custom.kind()).isEqualTo(HpackRepresentation.Kind.LITERAL_INCREMENTAL_INDEXING);
        assertThat(custom.index()).isZero();
        assertThat(custom.nameHuffman()).isTrue();
        assertThat(custom.valueHuffman()).isTrue();
        assertThat(custom.nameStart()).isEqualTo(custom.start() + 1);
        assertThat(custom.nameLength()).isEqualTo(9);
        assertThat(custom.valueLength()).isEqualTo(10);
    }

    @Test
    void tableSizeUpdateResizesAndEvicts() {
        HpackDecoder d = new HpackDecoder();
        d.decode(hex("400a637573746f6d2d6b65790d637573746f6d2d686561646572"), 26);
        HpackBlock block = d.decode(hex("2082"), 2); // size update to 0, then :method GET

        assertThat(block.representations().get(0).kind()).isEqualTo(HpackRepresentation.Kind.TABLE_SIZE_UPDATE);
        assertThat(block.representations().get(0).newTableSize()).isZero();
        assertThat(block.tableAfter()).isEmpty();
        assertThat(block.tableMaxSize()).isZero();
    }

    @Test
    void failuresNameTheirCauseAndWhere() {
        assertThat(fail("82be")).isEqualTo(HpackFinding.INDEX_INVALID); // 62 with an empty table
        assertThat(fail("80")).isEqualTo(HpackFinding.INDEX_INVALID); // index 0
        assertThat(fail("ffffffffff0f")).isEqualTo(HpackFinding.INTEGER_OVERFLOW);
        assertThat(fail("400a6375")).isEqualTo(HpackFinding.BLOCK_TRUNCATED);
        assertThat(fail("82" + "3fe11f")).isEqualTo(HpackFinding.TABLE_SIZE_MISPLACED);
        assertThat(fail("3fe21f")).isEqualTo(HpackFinding.TABLE_SIZE_EXCEEDS_LIMIT); // 4097
        assertThat(fail("0481" + "ff")).isEqualTo(HpackFinding.HUFFMAN_INVALID); // 8 bits of padding
        assertThat(fail("0481" + "00")).isEqualTo(HpackFinding.HUFFMAN_INVALID); // padding not ones

        HpackBlock b = new HpackDecoder().decode(hex("8286be"), 3);
        assertThat(b.errorAt()).isEqualTo(2);
        assertThat(b.representations()).hasSize(2);
    }

    @Test
    void aFailedDecoderStaysFailed() {
        HpackDecoder d = new HpackDecoder();
        d.decode(hex("be"), 1);
        assertThat(d.failed()).isTrue();
    }

    @Test
    void octetsAreKeptOnePerChar() {
        HpackBlock b = new HpackDecoder().decode(hex("00016102c3a9"), 6);
        assertThat(b.fields()).containsExactly(new HpackTableEntry("a", "\u00c3\u00a9"));
    }

    private static HpackFinding fail(String hex) {
        byte[] block = hex(hex);
        HpackBlock b = new HpackDecoder().decode(block, block.length);
        assertThat(b.failed()).as(hex).isTrue();
        return (HpackFinding) b.error();
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    static List<HpackTableEntry> fields(String... nameValue) {
        List<HpackTableEntry> out = new java.util.ArrayList<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            out.add(new HpackTableEntry(nameValue[i], nameValue[i + 1]));
        }
        return out;
    }
}
