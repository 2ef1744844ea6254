package dev.upgradescope.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of a dissection tree, as in Wireshark's protocol tree: a label (the spec's name for the
 * field), a display value, the bytes it was read from, its children and the findings attached to it.
 */
public record Field(String label, String value, ByteRange range, List<Field> children, List<Finding> findings) {

    public Field {
        Objects.requireNonNull(label, "label");
        value = value == null ? "" : value;
        children = List.copyOf(children);
        findings = List.copyOf(findings);
    }

    public static Field leaf(String label, String value, ByteRange range) {
        return new Field(label, value, range, List.of(), List.of());
    }

    public static Builder builder(String label, String value, ByteRange range) {
        return new Builder(label, value, range);
    }

    /** The child with this label, if any. */
    public Optional<Field> child(String childLabel) {
        return children.stream().filter(c -> c.label.equals(childLabel)).findFirst();
    }

    /** This node's findings and those of every node below it, depth first. */
    public List<Finding> allFindings() {
        List<Finding> out = new ArrayList<>(findings);
        for (Field c : children) {
            out.addAll(c.allFindings());
        }
        return out;
    }

    /** The deepest node whose stream range covers {@code position} of stream {@code dir}, if any. */
    public Optional<Field> deepestAt(Direction dir, long position) {
        for (Field c : children) {
            Optional<Field> hit = c.deepestAt(dir, position);
            if (hit.isPresent()) {
                return hit;
            }
        }
        if (range != null && range.streamRange().contains(dir, position)) {
            return Optional.of(this);
        }
        return Optional.empty();
    }

    /** Assembles a field whose children and findings are discovered while reading. */
    public static final class Builder {
        private final String label;
        private String value;
        private ByteRange range;
        private final List<Field> children = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();

        private Builder(String label, String value, ByteRange range) {
            this.label = label;
            this.value = value;
            this.range = range;
        }

        public Builder value(String v) {
            this.value = v;
            return this;
        }

        public Builder range(ByteRange r) {
            this.range = r;
            return this;
        }

        public Builder add(Field child) {
            children.add(child);
            return this;
        }

        public Builder leaf(String childLabel, String childValue, ByteRange childRange) {
            return add(Field.leaf(childLabel, childValue, childRange));
        }

        public Builder finding(Finding f) {
            findings.add(f);
            return this;
        }

        public Builder findings(List<Finding> fs) {
            findings.addAll(fs);
            return this;
        }

        public Field build() {
            return new Field(label, value, range, children, findings);
        }
    }
}
