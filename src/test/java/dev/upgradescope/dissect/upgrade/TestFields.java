package dev.upgradescope.dissect.upgrade;

import dev.upgradescope.dissect.http1.HeaderField;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import java.util.List;

/** Header field lines made by hand for the checks that need no parser. */
final class TestFields {

    private TestFields() {
    }

    /** {@code name: value\r\n} starting at {@code offset} of the {@code dir} stream. */
    static HeaderField field(Direction dir, long offset, String name, String value) {
        long valueAt = offset + name.length() + 2;
        return new HeaderField(name, value, ByteRange.of(dir, offset, valueAt + value.length() + 2 - offset),
                ByteRange.of(dir, offset, name.length()), ByteRange.of(dir, valueAt, value.length()), List.of());
    }
}
