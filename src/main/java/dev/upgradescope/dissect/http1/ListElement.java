package dev.upgradescope.dissect.http1;

import dev.upgradescope.wire.ByteRange;

/** One non-empty element of a comma-separated header list, trimmed, with its bytes. */
public record ListElement(String text, ByteRange.InStream range) {
}
