package dev.upgradescope.capture;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Finding;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One stored event of a connection: a dissected unit ({@code kind} is its {@code UnitKind} code),
 * the handshake verdict ({@value #HANDSHAKE}) or the protocol switch ({@value #PROTOCOL_SWITCH}).
 * Units carry their direction and stream range; the other two have no direction ({@code dir} is
 * null) and a zero range. {@code nanos}/{@code wallMicros} are the time of the chunk that completed
 * the event. {@code payloadSize} is the size of the stored decoded payload, or -1 if none is stored.
 * The field tree is not stored: {@link ConnectionReplayer} re-derives it from the raw bytes.
 */
public record EventRow(long id, long conn, String kind, Direction dir, long offset, long length, long nanos,
                       long wallMicros, String summary, Map<String, Object> attributes, List<Finding> findings,
                       int payloadSize) {

    /** The kind of the event that carries the handshake analysis. */
    public static final String HANDSHAKE = "handshake";
    /** The kind of the event that marks the switch to another protocol. */
    public static final String PROTOCOL_SWITCH = "protocol-switch";

    public EventRow {
        Objects.requireNonNull(kind, "kind");
        summary = summary == null ? "" : summary;
        attributes = FrozenAttributes.of(attributes);
        findings = List.copyOf(findings);
    }

    /** The same event with the id the store gave it. */
    EventRow withId(long newId) {
        return new EventRow(newId, conn, kind, dir, offset, length, nanos, wallMicros, summary, attributes,
                findings, payloadSize);
    }
}
