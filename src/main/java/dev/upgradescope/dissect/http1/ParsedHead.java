package dev.upgradescope.dissect.http1;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Finding;
import java.util.List;

/**
 * A head as read: the start line, the field lines in order, the findings about the head as a whole,
 * and its bytes ({@code head}, up to and including the empty line when {@code terminated}).
 */
record ParsedHead(StartLine startLine, List<HeaderField> fields, List<Finding> findings,
                  ByteRange.InStream head, boolean terminated) {

    /** Adds a finding to the field at {@code index} (fields are immutable, so it is replaced). */
    void addFieldFinding(int index, Finding finding) {
        HeaderField f = fields.get(index);
        List<Finding> all = new java.util.ArrayList<>(f.findings());
        all.add(finding);
        fields.set(index, new HeaderField(f.name(), f.value(), f.line(), f.nameRange(), f.valueRange(), all));
    }

    int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).is(name)) {
                return i;
            }
        }
        return -1;
    }
}
