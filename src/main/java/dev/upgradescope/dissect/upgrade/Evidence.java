package dev.upgradescope.dissect.upgrade;

import dev.upgradescope.dissect.http1.HeaderField;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the checks of one exchange found, as they go: the findings in the order they were made and
 * the decoded children to hang under each header field line (keyed by the line's bytes).
 */
final class Evidence {

    private final List<Finding> findings = new ArrayList<>();
    private final Map<ByteRange.InStream, List<Field>> headerChildren = new LinkedHashMap<>();

    void add(Finding finding) {
        if (!findings.contains(finding)) {
            findings.add(finding);
        }
    }

    void addAll(List<Finding> more) {
        more.forEach(this::add);
    }

    /** Hangs {@code child} under the tree node of {@code header} (matched by its line's bytes). */
    void decorate(HeaderField header, Field child) {
        headerChildren.computeIfAbsent(header.line(), k -> new ArrayList<>()).add(child);
    }

    /** Hangs {@code more} in after what is already there, line by line in their order. */
    void decorateAll(Map<ByteRange.InStream, List<Field>> more) {
        more.forEach((line, children) -> headerChildren.computeIfAbsent(line, k -> new ArrayList<>()).addAll(children));
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    Map<ByteRange.InStream, List<Field>> headerChildren() {
        return headerChildren;
    }
}
