package dev.upgradescope.dissect.http1;

import dev.upgradescope.wire.ByteRange;

/**
 * A field value's text with the stream bytes it was read from, mapping character positions to
 * byte ranges. Values are decoded one byte per character, so the mapping is exact; for a value
 * joined from obs-fold lines (text shorter or longer than its bytes) positions are clamped into
 * the value's range.
 */
record ValueText(String text, ByteRange.InStream range) {

    static ValueText of(HeaderField field) {
        return new ValueText(field.value(), field.valueRange());
    }

    boolean exact() {
        return text.length() == range.length();
    }

    /** The bytes of characters {@code [from, to)}. */
    ByteRange.InStream slice(int from, int to) {
        if (exact()) {
            return range.slice(from, to - from);
        }
        long start = Math.min(from, range.length());
        long end = Math.max(start, Math.min(to, range.length()));
        return range.slice(start, end - start);
    }
}
