package dev.upgradescope.capture;

import dev.upgradescope.dissect.upgrade.UpgradeOutcome;
import java.util.List;
import java.util.Objects;

/**
 * One connection of a session as the connections table shows it: who, where to, what was asked and
 * answered, how many bytes and frames, when it opened and closed. Times are monotonic nanos (as the
 * source gave them) and wall-clock microseconds since the epoch; {@code -1} while not closed.
 * {@code status} is 0 while no final answer was seen; {@code outcome} is null and {@code protocol}
 * the empty string until known.
 */
public record ConnectionRow(long id, String client, String listener, ListenerMode mode, String target,
                            long openedNanos, long openedWallMicros, long closedNanos, long closedWallMicros,
                            long c2sBytes, long s2cBytes, List<String> askedProtocols, int status,
                            UpgradeOutcome outcome, String protocol, long frames, long events) {

    public ConnectionRow {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(mode, "mode");
        target = target == null ? "" : target;
        askedProtocols = List.copyOf(askedProtocols);
        protocol = protocol == null ? "" : protocol;
    }

    /** The outcome's code as stored and printed, the empty string while not known. */
    public String outcomeCode() {
        return outcome == null ? "" : outcome.code();
    }

    public boolean closed() {
        return closedNanos >= 0;
    }
}
