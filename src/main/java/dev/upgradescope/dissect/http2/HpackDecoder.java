package dev.upgradescope.dissect.http2;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One HPACK decoding context (RFC 7541): the dynamic table of the header blocks one endpoint sends,
 * decoded block by block. After a block fails to decode the table is unknown (RFC 9113 §4.3), and
 * this decoder refuses every later block rather than produce wrong fields.
 */
final class HpackDecoder {

    static final long DEFAULT_TABLE_SIZE = 4096;

    private final HpackDynamicTable table;
    private long allowedMax;
    private boolean failed;

    HpackDecoder() {
        this(DEFAULT_TABLE_SIZE);
    }

    /** A decoder whose table starts with (and is limited to) {@code maxTableSize} octets. */
    HpackDecoder(long maxTableSize) {
        table = new HpackDynamicTable(maxTableSize);
        allowedMax = maxTableSize;
    }

    /** The limit the decoding side set with SETTINGS_HEADER_TABLE_SIZE, once acknowledged. */
    void allowMaxTableSize(long max) {
        allowedMax = max;
    }

    boolean failed() {
        return failed;
    }

    /** A block was lost (never completed): the table is unknown from now on. */
    void abandon() {
        failed = true;
    }

    /** Decodes {@code block[0, length)}, the whole header block. Never throws. */
    HpackBlock decode(byte[] block, int length) {
        List<HpackRepresentation> reps = new ArrayList<>();
        List<HpackTableEntry> fields = new ArrayList<>();
        Reader in = new Reader(block, length);
        int start = 0;
        try {
            while (in.pos < length) {
                start = in.pos;
                HpackRepresentation r = next(in, fields.isEmpty());
                reps.add(r);
                if (r.isField()) {
                    fields.add(new HpackTableEntry(r.name(), r.value()));
                }
            }
        } catch (DecodeError e) {
            failed = true;
            return result(reps, fields, e.kind, start, e.args);
        }
        return result(reps, fields, null, -1, List.of());
    }

    private HpackBlock result(List<HpackRepresentation> reps, List<HpackTableEntry> fields,
            HpackFinding error, int errorAt, List<Object> args) {
        return new HpackBlock(List.copyOf(reps), List.copyOf(fields), table.snapshot(), table.size(),
                table.maxSize(), error, errorAt, args);
    }

    private HpackRepresentation next(Reader in, boolean atStart) throws DecodeError {
        int start = in.pos;
        int b = in.peek();
        if ((b & 0x80) != 0) { // §6.1 indexed header field
            long index = in.integer(7);
            HpackTableEntry e = lookup(index);
            return new HpackRepresentation(HpackRepresentation.Kind.INDEXED, start, in.pos - start, index,
                    e.name(), e.value(), -1, 0, false, -1, 0, false, -1);
        }
        if ((b & 0xE0) == 0x20) { // §6.3 dynamic table size update, only at the start of a block (§4.2)
            long size = in.integer(5);
            if (!atStart) {
                throw new DecodeError(HpackFinding.TABLE_SIZE_MISPLACED);
            }
            if (size > allowedMax) {
                throw new DecodeError(HpackFinding.TABLE_SIZE_EXCEEDS_LIMIT, size, allowedMax);
            }
            table.resize(size);
            return new HpackRepresentation(HpackRepresentation.Kind.TABLE_SIZE_UPDATE, start, in.pos - start, 0,
                    "", "", -1, 0, false, -1, 0, false, size);
        }
        HpackRepresentation.Kind kind;
        int prefix;
        if ((b & 0xC0) == 0x40) { // §6.2.1
            kind = HpackRepresentation.Kind.LITERAL_INCREMENTAL_INDEXING;
            prefix = 6;
        } else if ((b & 0xF0) == 0x10) { // §6.2.3
            kind = HpackRepresentation.Kind.LITERAL_NEVER_INDEXED;
            prefix = 4;
        } else { // §6.2.2
            kind = HpackRepresentation.Kind.LITERAL_WITHOUT_INDEXING;
            prefix = 4;
        }
        long index = in.integer(prefix);
        String name;
        int nameStart = -1;
        int nameLength = 0;
        boolean nameHuffman = false;
        if (index == 0) {
            nameStart = in.pos;
            nameHuffman = (in.peek() & 0x80) != 0;
            name = in.string();
            nameLength = in.pos - nameStart;
        } else {
            name = lookup(index).name();
        }
        int valueStart = in.pos;
        boolean valueHuffman = (in.peek() & 0x80) != 0;
        String value = in.string();
        if (kind == HpackRepresentation.Kind.LITERAL_INCREMENTAL_INDEXING) {
            table.add(new HpackTableEntry(name, value));
        }
        return new HpackRepresentation(kind, start, in.pos - start, index, name, value, nameStart, nameLength,
                nameHuffman, valueStart, in.pos - valueStart, valueHuffman, -1);
    }

    /** §2.3.3: index 1..61 is the static table, then the dynamic table newest first; 0 is never valid. */
    private HpackTableEntry lookup(long index) throws DecodeError {
        if (index >= 1 && index <= HpackStaticTable.LENGTH) {
            return HpackStaticTable.entry((int) index);
        }
        long dynamic = index - HpackStaticTable.LENGTH;
        if (index < 1 || dynamic > table.length()) {
            throw new DecodeError(HpackFinding.INDEX_INVALID, index, HpackStaticTable.LENGTH + table.length());
        }
        return table.get((int) dynamic);
    }

    /** A failure that stops decoding of the block; never leaves this class. */
    private static final class DecodeError extends Exception {
        private static final long serialVersionUID = 1L;
        final HpackFinding kind;
        final List<Object> args;

        DecodeError(HpackFinding kind, Object... args) {
            super(kind.code(), null, false, false);
            this.kind = kind;
            this.args = List.of(args);
        }
    }

    /** Reads the primitive types of §5 from the block. */
    private static final class Reader {
        private static final long LIMIT = Integer.MAX_VALUE;
        final byte[] buf;
        final int end;
        int pos;

        Reader(byte[] buf, int end) {
            this.buf = buf;
            this.end = end;
        }

        int peek() throws DecodeError {
            if (pos >= end) {
                throw new DecodeError(HpackFinding.BLOCK_TRUNCATED);
            }
            return buf[pos] & 0xFF;
        }

        /** §5.1 integer with an N-bit prefix. */
        long integer(int prefixBits) throws DecodeError {
            int mask = (1 << prefixBits) - 1;
            long value = peek() & mask;
            pos++;
            if (value < mask) {
                return value;
            }
            int shift = 0;
            while (true) {
                int b = peek();
                pos++;
                value += (long) (b & 0x7F) << shift;
                shift += 7;
                if (value > LIMIT || shift > 35) {
                    throw new DecodeError(HpackFinding.INTEGER_OVERFLOW);
                }
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
        }

        /** §5.2 string literal: H bit, 7-bit prefix length, then the octets, Huffman-coded if H. */
        String string() throws DecodeError {
            boolean huffman = (peek() & 0x80) != 0;
            long len = integer(7);
            if (len > end - pos) {
                throw new DecodeError(HpackFinding.BLOCK_TRUNCATED);
            }
            int from = pos;
            pos += (int) len;
            if (!huffman) {
                return new String(buf, from, (int) len, StandardCharsets.ISO_8859_1);
            }
            byte[] octets = HpackHuffman.decode(buf, from, pos);
            if (octets == null) {
                throw new DecodeError(HpackFinding.HUFFMAN_INVALID);
            }
            return new String(octets, StandardCharsets.ISO_8859_1);
        }
    }
}
