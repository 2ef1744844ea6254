package dev.upgradescope.dissect.http1;

import dev.upgradescope.wire.Finding;
import java.util.List;

/**
 * The elements read from a list-valued header field (all its field lines, in order) and the
 * findings about its syntax, each placed on the bytes it concerns.
 */
public record HeaderList<T>(List<T> elements, List<Finding> findings) {

    public HeaderList {
        elements = List.copyOf(elements);
        findings = List.copyOf(findings);
    }

    public boolean isEmpty() {
        return elements.isEmpty();
    }
}
