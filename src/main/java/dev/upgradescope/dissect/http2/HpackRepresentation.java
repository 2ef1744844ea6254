package dev.upgradescope.dissect.http2;

/**
 * One representation of an HPACK header block (RFC 7541 §6) as decoded: its kind, where it lies in
 * the block (offsets relative to the block's first byte), the table index it used (0 for none), the
 * decoded name and value, and how its literal strings were coded.
 *
 * @param nameStart start of the literal name string (its length prefix), or -1 when the name is indexed
 * @param valueStart start of the literal value string (its length prefix), or -1 when there is none
 * @param newTableSize the requested maximum size of a dynamic table size update, else -1
 */
public record HpackRepresentation(Kind kind, int start, int length, long index, String name, String value,
        int nameStart, int nameLength, boolean nameHuffman, int valueStart, int valueLength, boolean valueHuffman,
        long newTableSize) {

    /** The representations of RFC 7541 §6, with their sections. */
    public enum Kind {
        INDEXED("Indexed Header Field", "6.1"),
        LITERAL_INCREMENTAL_INDEXING("Literal Header Field with Incremental Indexing", "6.2.1"),
        LITERAL_WITHOUT_INDEXING("Literal Header Field without Indexing", "6.2.2"),
        LITERAL_NEVER_INDEXED("Literal Header Field Never Indexed", "6.2.3"),
        TABLE_SIZE_UPDATE("Dynamic Table Size Update", "6.3");

        private final String specName;
        private final String section;

        Kind(String specName, String section) {
            this.specName = specName;
            this.section = section;
        }

        /** The representation's name as RFC 7541 spells it. */
        public String specName() {
            return specName;
        }

        public String section() {
            return section;
        }
    }

    /** True for the representations that carry a header field (all but a table size update). */
    public boolean isField() {
        return kind != Kind.TABLE_SIZE_UPDATE;
    }
}
