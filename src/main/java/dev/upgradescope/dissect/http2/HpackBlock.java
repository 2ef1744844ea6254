package dev.upgradescope.dissect.http2;

import dev.upgradescope.wire.FindingKind;
import java.util.List;

/**
 * The outcome of decoding one complete header block: its representations in order, the header
 * fields they produce, the dynamic table after the block, and the error that stopped decoding, if
 * any ({@code errorAt} is then the block offset of the failing representation).
 */
record HpackBlock(List<HpackRepresentation> representations, List<HpackTableEntry> fields,
        List<HpackTableEntry> tableAfter, long tableSize, long tableMaxSize,
        FindingKind error, int errorAt, List<Object> errorArgs) {

    boolean failed() {
        return error != null;
    }
}
