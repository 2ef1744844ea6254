package dev.upgradescope.capture;

import dev.upgradescope.dissect.upgrade.UpgradeOutcome;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Unit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the dissection of a connection reports to the recorder, in the recorder's own terms: a unit
 * (with the decoded payload of a reassembled message, which cannot be re-derived cheaply), the
 * verdict on the upgrade handshake, or the point where the connection switched protocols.
 */
public sealed interface Dissected {

    /**
     * A dissected unit. {@code payload} is the decoded application payload of a message unit
     * (reassembled and inflated) when it must be stored because it cannot be re-derived cheaply from
     * the stream bytes, else {@code null}; {@code payloadSize} is the size of the unit's payload
     * (stored or not), or -1 for a unit without one.
     */
    record UnitDone(Unit unit, byte[] payload, long payloadSize) implements Dissected {
        public UnitDone {
            Objects.requireNonNull(unit, "unit");
            if (payload != null && payloadSize != payload.length) {
                throw new IllegalArgumentException("payloadSize is not the stored payload's length");
            }
        }

        /** A unit with a payload to store ({@code null}: none). */
        public UnitDone(Unit unit, byte[] payload) {
            this(unit, payload, payload == null ? -1 : payload.length);
        }

        public UnitDone(Unit unit) {
            this(unit, null, -1);
        }
    }

    /**
     * The analysis of the exchange whose request starts at c2s {@code requestOffset}: the protocols
     * the client asked for (as written), the outcome, the final status (0 if none yet), a summary,
     * plain attributes, findings and the tree (not stored; built when first asked for). A later
     * analysis of the same request replaces an earlier one. A value: equal when every part, the tree
     * included, is equal.
     */
    final class Handshake implements Dissected {
        private final long requestOffset;
        private final List<String> askedProtocols;
        private final UpgradeOutcome outcome;
        private final int status;
        private final String summary;
        private final Map<String, Object> attributes;
        private final List<Finding> findings;
        private final Supplier<Field> treeSource;
        private volatile Field tree;

        public Handshake(long requestOffset, List<String> askedProtocols, UpgradeOutcome outcome, int status,
                         String summary, Map<String, Object> attributes, List<Finding> findings, Field tree) {
            this(requestOffset, askedProtocols, outcome, status, summary, attributes, findings, null, tree);
        }

        /** The bare facts, without the analysis' own summary, attributes and tree. */
        public Handshake(List<String> askedProtocols, UpgradeOutcome outcome, int status, List<Finding> findings) {
            this(0, askedProtocols, outcome, status, String.join(", ", askedProtocols) + " → " + outcome.code()
                    + (status > 0 ? " (" + status + ")" : ""), Map.of(), findings, null, null);
        }

        private Handshake(long requestOffset, List<String> askedProtocols, UpgradeOutcome outcome, int status,
                          String summary, Map<String, Object> attributes, List<Finding> findings,
                          Supplier<Field> treeSource, Field tree) {
            this.requestOffset = requestOffset;
            this.askedProtocols = List.copyOf(askedProtocols);
            this.outcome = Objects.requireNonNull(outcome, "outcome");
            this.status = status;
            this.summary = summary == null ? "" : summary;
            this.attributes = attributes == null ? Map.of() : attributes;
            this.findings = List.copyOf(findings);
            this.treeSource = treeSource;
            this.tree = tree;
        }

        /** An analysis whose tree {@code treeSource} builds the first time {@link #tree()} is called. */
        public static Handshake withTreeBuilt(long requestOffset, List<String> askedProtocols, UpgradeOutcome outcome,
                                              int status, String summary, Map<String, Object> attributes,
                                              List<Finding> findings, Supplier<Field> treeSource) {
            return new Handshake(requestOffset, askedProtocols, outcome, status, summary, attributes, findings,
                    Objects.requireNonNull(treeSource, "treeSource"), null);
        }

        public long requestOffset() {
            return requestOffset;
        }

        public List<String> askedProtocols() {
            return askedProtocols;
        }

        public UpgradeOutcome outcome() {
            return outcome;
        }

        public int status() {
            return status;
        }

        public String summary() {
            return summary;
        }

        public Map<String, Object> attributes() {
            return attributes;
        }

        public List<Finding> findings() {
            return findings;
        }

        /** The exchange's tree, or null if the dissection gave none. */
        public Field tree() {
            Field t = tree;
            if (t == null && treeSource != null) {
                t = treeSource.get();
                tree = t;
            }
            return t;
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Handshake h && requestOffset == h.requestOffset
                    && askedProtocols.equals(h.askedProtocols) && outcome == h.outcome && status == h.status
                    && summary.equals(h.summary) && attributes.equals(h.attributes) && findings.equals(h.findings)
                    && Objects.equals(tree(), h.tree());
        }

        @Override
        public int hashCode() {
            return Objects.hash(requestOffset, askedProtocols, outcome, status, summary, attributes, findings, tree());
        }

        @Override
        public String toString() {
            return "Handshake[requestOffset=" + requestOffset + ", askedProtocols=" + askedProtocols + ", outcome="
                    + outcome + ", status=" + status + ", summary=" + summary + ", attributes=" + attributes
                    + ", findings=" + findings + ", tree=" + tree() + "]";
        }
    }

    /** From these stream offsets on, both directions speak {@code protocol}. */
    record Switched(String protocol, long c2sOffset, long s2cOffset) implements Dissected {
        public Switched {
            Objects.requireNonNull(protocol, "protocol");
        }
    }
}
