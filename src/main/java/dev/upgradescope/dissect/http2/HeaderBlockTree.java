package dev.upgradescope.dissect.http2;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import java.util.List;

/** The field tree of a decoded header block: each representation with its bytes, then the dynamic table. */
final class HeaderBlockTree {

    private HeaderBlockTree() {
    }

    static Field of(HpackBlock block, HeaderBlockAssembler a, List<Finding> findings) {
        String summary = block.failed() ? "undecodable"
                : block.fields().size() + " fields, " + a.length() + " bytes in " + a.fragments()
                        + (a.fragments() == 1 ? " fragment" : " fragments");
        Field.Builder b = Field.builder("Header Block", summary, a.wholeRange()).findings(findings);
        for (HpackRepresentation r : block.representations()) {
            b.add(representation(r, a));
        }
        if (block.failed()) {
            b.add(Field.builder("Undecodable representation", "", a.rangeOf(block.errorAt(), a.length() - block.errorAt()))
                    .finding(block.error().at(a.rangeOf(block.errorAt(), a.length() - block.errorAt()),
                            block.errorArgs().toArray()))
                    .build());
        } else {
            b.add(table(block));
        }
        return b.build();
    }

    private static Field representation(HpackRepresentation r, HeaderBlockAssembler a) {
        ByteRange range = a.rangeOf(r.start(), r.length());
        if (!r.isField()) {
            return Field.builder(r.kind().specName(), "max size " + r.newTableSize(), range)
                    .leaf("Max Size", Long.toString(r.newTableSize()), range)
                    .build();
        }
        Field.Builder b = Field.builder(r.kind().specName(), r.name() + ": " + r.value(), range);
        if (r.kind() == HpackRepresentation.Kind.INDEXED) {
            b.leaf("Index", indexText(r.index()), range);
            return b.build();
        }
        if (r.index() > 0) {
            b.leaf("Name Index", indexText(r.index()) + " " + r.name(), a.rangeOf(r.start(), 1));
        } else {
            b.leaf("Name", r.name() + coding(r.nameHuffman()), a.rangeOf(r.nameStart(), r.nameLength()));
        }
        b.leaf("Value", r.value() + coding(r.valueHuffman()), a.rangeOf(r.valueStart(), r.valueLength()));
        return b.build();
    }

    private static String indexText(long index) {
        return index <= HpackStaticTable.LENGTH ? index + " (static table)"
                : index + " (dynamic table [" + (index - HpackStaticTable.LENGTH) + "])";
    }

    private static String coding(boolean huffman) {
        return huffman ? " (Huffman)" : " (literal)";
    }

    private static Field table(HpackBlock block) {
        Field.Builder t = Field.builder("Dynamic Table", block.tableAfter().size() + " entries, size "
                + block.tableSize() + " of " + block.tableMaxSize(), null);
        int i = 1;
        for (HpackTableEntry e : block.tableAfter()) {
            t.leaf("[" + i++ + "] (s = " + e.size() + ")", e.name() + ": " + e.value(), null);
        }
        return t.build();
    }
}
