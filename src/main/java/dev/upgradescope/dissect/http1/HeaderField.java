package dev.upgradescope.dissect.http1;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Finding;
import java.util.List;

/**
 * One header field line as it was on the wire: the name and value as text (value trimmed of
 * surrounding whitespace, obs-fold continuation lines joined with a single space) and the byte
 * ranges of the whole line (including its line ending and any folded continuation lines), of the
 * name, and of the trimmed value.
 */
public record HeaderField(String name, String value, ByteRange.InStream line, ByteRange.InStream nameRange,
                          ByteRange.InStream valueRange, List<Finding> findings) {

    public HeaderField {
        findings = List.copyOf(findings);
    }

    public boolean is(String headerName) {
        return name.equalsIgnoreCase(headerName);
    }
}
