package dev.upgradescope.capture;

import dev.upgradescope.dissect.DissectionEvent;
import dev.upgradescope.wire.Attribute;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.UnitKind;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored event of a connection: a dissected unit ({@code kind} is its {@code UnitKind} code),
 * the handshake verdict ({@value #HANDSHAKE}) or the protocol switch ({@value #PROTOCOL_SWITCH}).
 * Units carry their direction and stream range; the other two have no direction ({@code dir} is
 * null) and a zero range. {@code nanos}/{@code wallMicros} are the time of the chunk that completed
 * the event. {@code payloadSize} is the size of the stored decoded payload, or -1 if none is stored.
 * The field tree is not stored: {@link Redissection} re-derives it from the raw bytes.
 */
public record EventRow(long id, long conn, String kind, Direction dir, long offset, long length, long nanos,
                       long wallMicros, String summary, Map<String, Object> attributes, List<Finding> findings,
                       int payloadSize) {

    /** The kind of the event that carries the handshake analysis. */
    public static final String HANDSHAKE = DissectionEvent.HandshakeAnalysed.KIND;
    /** The kind of the event that marks the switch to another protocol. */
    public static final String PROTOCOL_SWITCH = DissectionEvent.ProtocolSwitched.KIND;

    public EventRow {
        Objects.requireNonNull(kind, "kind");
        summary = summary == null ? "" : summary;
        attributes = FrozenAttributes.of(attributes);
        findings = List.copyOf(findings);
    }

    /** The value of attribute {@code a}, if the event has it (as the dissector that declared it filled it). */
    public <T> Optional<T> get(Attribute<T> a) {
        return a.in(attributes);
    }

    /** The value of attribute {@code a}, or {@code fallback}. */
    public <T> T get(Attribute<T> a, T fallback) {
        return a.in(attributes, fallback);
    }

    /** Whether the event is a unit of {@code kind}. */
    public boolean is(UnitKind kind) {
        return this.kind.equals(kind.code());
    }

    /** The same event with the id the store gave it. */
    EventRow withId(long newId) {
        return new EventRow(newId, conn, kind, dir, offset, length, nanos, wallMicros, summary, attributes,
                findings, payloadSize);
    }
}
