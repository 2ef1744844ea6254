package dev.upgradescope.dissect.upgrade;

import dev.upgradescope.dissect.http1.HeaderField;
import dev.upgradescope.dissect.http1.HttpMessage;
import dev.upgradescope.dissect.http1.HttpRequest;
import dev.upgradescope.dissect.http1.HttpResponse;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A message's field tree with the analysis hung in it: decoded children under the header nodes
 * (matched by the line's bytes) and each finding on the node whose bytes it concerns — the node
 * with exactly its range, else the smallest stream node covering it, else the root.
 */
final class TreeDecoration {

    /** A tree node while it is being decorated. */
    private static final class Node {
        final String label;
        final String value;
        final ByteRange range;
        final List<Node> children = new ArrayList<>();
        final List<Finding> findings = new ArrayList<>();

        Node(Field f) {
            label = f.label();
            value = f.value();
            range = f.range();
            f.children().forEach(c -> children.add(new Node(c)));
            findings.addAll(f.findings());
        }

        Field build() {
            return new Field(label, value, range, children.stream().map(Node::build).toList(), findings);
        }
    }

    private TreeDecoration() {
    }

    /** The message's tree, or a plain one (start line and one node per field line) if it has none. */
    static Field baseTree(HttpMessage m) {
        Field own = m instanceof HttpRequest r ? r.tree() : ((HttpResponse) m).tree();
        if (own != null) {
            return own;
        }
        Field.Builder b = Field.builder(m instanceof HttpRequest ? "Request" : "Response", m.summary(), m.head());
        b.leaf("Start line", m.summary(), m.startLine());
        for (HeaderField h : m.headers().fields()) {
            b.leaf(h.name(), h.value(), h.line());
        }
        return b.build();
    }

    /** {@code tree} with those {@code headerChildren} whose line it holds hung in, and {@code findings} placed. */
    static Field decorate(Field tree, Map<ByteRange.InStream, List<Field>> headerChildren, List<Finding> findings) {
        Node root = new Node(tree);
        headerChildren.forEach((line, children) -> {
            if (!holds(tree, line)) {
                return; // a line of another message
            }
            Node at = exact(root, line);
            if (at == null) {
                at = smallestCovering(root, line);
            }
            (at == null ? root : at).children.addAll(children.stream().map(Node::new).toList());
        });
        for (Finding f : findings) {
            Node at = f.range() == null ? root : exact(root, f.range());
            if (at == null) {
                at = smallestCovering(root, f.range().streamRange());
            }
            if (at == null) {
                at = root;
            }
            if (!at.findings.contains(f)) {
                at.findings.add(f);
            }
        }
        return root.build();
    }

    /** True when {@code tree}'s stream bytes hold {@code range}. */
    static boolean holds(Field tree, ByteRange range) {
        return range != null && tree.range() != null && tree.range().streamRange().covers(range.streamRange());
    }

    /** The first node, parents before children, whose range equals {@code range}. */
    private static Node exact(Node n, ByteRange range) {
        if (range.equals(n.range)) {
            return n;
        }
        for (Node c : n.children) {
            Node hit = exact(c, range);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    /** The deepest node with a stream range covering {@code range}. */
    private static Node smallestCovering(Node n, ByteRange.InStream range) {
        if (!(n.range instanceof ByteRange.InStream own) || !own.covers(range)) {
            return null;
        }
        for (Node c : n.children) {
            Node hit = smallestCovering(c, range);
            if (hit != null) {
                return hit;
            }
        }
        return n;
    }
}
