package dev.upgradescope.dissect.http2;

import dev.upgradescope.wire.FindingKind;
import dev.upgradescope.wire.Severity;
import dev.upgradescope.wire.SpecRef;

/** The checks of HPACK header blocks (family {@code hpack}, RFC 7541 unless noted). */
public enum HpackFinding implements FindingKind {
    INDEX_INVALID("hpack.index.invalid", 7541, "2.3.3"),
    INTEGER_OVERFLOW("hpack.integer.overflow", 7541, "5.1"),
    HUFFMAN_INVALID("hpack.huffman.invalid", 7541, "5.2"),
    BLOCK_TRUNCATED("hpack.block.truncated", 7541, "5"),
    TABLE_SIZE_EXCEEDS_LIMIT("hpack.table-size.exceeds-limit", 7541, "6.3"),
    TABLE_SIZE_MISPLACED("hpack.table-size.misplaced", 7541, "4.2"),
    STATE_UNKNOWN("hpack.state.unknown", 9113, "4.3");

    private final String code;
    private final SpecRef spec;

    HpackFinding(String code, int rfc, String section) {
        this.code = code;
        this.spec = SpecRef.rfc(rfc, section);
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Severity severity() {
        return this == STATE_UNKNOWN ? Severity.WARNING : Severity.ERROR;
    }

    @Override
    public SpecRef spec() {
        return spec;
    }
}
