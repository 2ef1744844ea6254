package dev.upgradescope.capture;

import dev.upgradescope.dissect.upgrade.UpgradeOutcome;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Unit;
import java.util.List;
import java.util.Objects;

/**
 * What the dissection of a connection reports to the recorder, in the recorder's own terms: a unit
 * (with the decoded payload of a reassembled message, which cannot be re-derived cheaply), the
 * verdict on the upgrade handshake, or the point where the connection switched protocols.
 */
public sealed interface Dissected {

    /**
     * A dissected unit. {@code payload} is the decoded application payload of a message unit
     * (reassembled and inflated) or {@code null} for every other unit.
     */
    record UnitDone(Unit unit, byte[] payload) implements Dissected {
        public UnitDone {
            Objects.requireNonNull(unit, "unit");
        }

        public UnitDone(Unit unit) {
            this(unit, null);
        }
    }

    /** The handshake analysis: protocols the client asked for, the answer's status and the outcome. */
    record Handshake(List<String> askedProtocols, UpgradeOutcome outcome, int status, List<Finding> findings)
            implements Dissected {
        public Handshake {
            askedProtocols = List.copyOf(askedProtocols);
            Objects.requireNonNull(outcome, "outcome");
            findings = List.copyOf(findings);
        }
    }

    /** From these stream offsets on, both directions speak {@code protocol}. */
    record Switched(String protocol, long c2sOffset, long s2cOffset) implements Dissected {
        public Switched {
            Objects.requireNonNull(protocol, "protocol");
        }
    }
}
