package dev.upgradescope.ui.handshake;

import dev.upgradescope.ui.session.ConnectionDetail;
import dev.upgradescope.ui.session.Selection;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The handshake tab's tree: the request and the response of the selected connection, each field
 * with its findings, the handshake verdict's findings placed on the deepest field they point at.
 */
public final class HandshakeViewModel {

    private final Selection selection;
    private final ReadOnlyObjectWrapper<List<HandshakeNode>> roots = new ReadOnlyObjectWrapper<>(List.of());

    public HandshakeViewModel(Selection selection) {
        this.selection = selection;
        selection.detailProperty().addListener((obs, old, now) -> roots.set(build(now)));
        roots.set(build(selection.detailProperty().get()));
    }

    public ReadOnlyObjectProperty<List<HandshakeNode>> rootsProperty() {
        return roots.getReadOnlyProperty();
    }

    public Selection selection() {
        return selection;
    }

    /** Selects a field (from the tree) and highlights its bytes. */
    public void select(Field field) {
        if (field != selection.fieldProperty().get()) {
            selection.selectField(field);
        }
    }

    static List<HandshakeNode> build(ConnectionDetail detail) {
        if (detail == null) {
            return List.of();
        }
        List<Field> trees = detail.handshakeTrees();
        Map<Field, List<Finding>> placed = new IdentityHashMap<>();
        for (Finding f : detail.handshakeFindings()) {
            Field at = placeOf(trees, f).orElse(trees.isEmpty() ? null : trees.get(0));
            if (at != null && !at.findings().contains(f)) {
                placed.computeIfAbsent(at, k -> new ArrayList<>()).add(f);
            }
        }
        List<HandshakeNode> out = new ArrayList<>();
        for (Field t : trees) {
            out.add(node(t, placed));
        }
        return out;
    }

    static Optional<Field> placeOf(List<Field> trees, Finding f) {
        if (f.range() == null) {
            return Optional.empty();
        }
        ByteRange.InStream r = f.range().streamRange();
        for (Field t : trees) {
            Optional<Field> hit = t.deepestAt(r.dir(), r.offset());
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    private static HandshakeNode node(Field f, Map<Field, List<Finding>> placed) {
        List<Finding> findings = new ArrayList<>(f.findings());
        findings.addAll(placed.getOrDefault(f, List.of()));
        List<HandshakeNode> children = new ArrayList<>(f.children().size());
        for (Field c : f.children()) {
            children.add(node(c, placed));
        }
        return new HandshakeNode(f, findings, children);
    }
}
