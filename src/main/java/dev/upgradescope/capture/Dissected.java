package dev.upgradescope.capture;

import dev.upgradescope.dissect.upgrade.UpgradeOutcome;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Unit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
     * plain attributes, findings and the tree (not stored). A later analysis of the same request
     * replaces an earlier one.
     */
    record Handshake(long requestOffset, List<String> askedProtocols, UpgradeOutcome outcome, int status,
                     String summary, Map<String, Object> attributes, List<Finding> findings, Field tree)
            implements Dissected {
        public Handshake {
            askedProtocols = List.copyOf(askedProtocols);
            Objects.requireNonNull(outcome, "outcome");
            summary = summary == null ? "" : summary;
            attributes = attributes == null ? Map.of() : attributes;
            findings = List.copyOf(findings);
        }

        /** The bare facts, without the analysis' own summary, attributes and tree. */
        public Handshake(List<String> askedProtocols, UpgradeOutcome outcome, int status, List<Finding> findings) {
            this(0, askedProtocols, outcome, status, String.join(", ", askedProtocols) + " → " + outcome.code()
                    + (status > 0 ? " (" + status + ")" : ""), Map.of(), findings, null);
        }
    }

    /** From these stream offsets on, both directions speak {@code protocol}. */
    record Switched(String protocol, long c2sOffset, long s2cOffset) implements Dissected {
        public Switched {
            Objects.requireNonNull(protocol, "protocol");
        }
    }
}
