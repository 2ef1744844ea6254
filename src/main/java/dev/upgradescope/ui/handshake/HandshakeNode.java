package dev.upgradescope.ui.handshake;

import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Severity;
import java.util.List;
import java.util.Optional;

/**
 * One row of the handshake tree: a field, the findings shown on it (its own and those of the
 * handshake verdict that point into its bytes), and its children.
 */
public record HandshakeNode(Field field, List<Finding> findings, List<HandshakeNode> children) {

    public HandshakeNode {
        findings = List.copyOf(findings);
        children = List.copyOf(children);
    }

    /** The most serious severity among the node's findings, if it has any. */
    public Optional<Severity> worst() {
        return findings.stream().map(Finding::severity).min(Enum::compareTo);
    }

    /** This node or the node below it that shows {@code target} (compared by identity). */
    public Optional<HandshakeNode> find(Field target) {
        if (field == target) {
            return Optional.of(this);
        }
        for (HandshakeNode c : children) {
            Optional<HandshakeNode> hit = c.find(target);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }
}
