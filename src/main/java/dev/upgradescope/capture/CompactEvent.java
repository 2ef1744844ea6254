package dev.upgradescope.capture;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.UnitKind;
import java.util.List;
import java.util.Map;

/**
 * One event kept in an {@link EventBlock} rather than in a row of its own. A plain WebSocket frame
 * or message ({@code kind} set, {@code written} null) keeps only the few numbers its row is rebuilt
 * from ({@link CompactUnits#row}); any other event ({@code kind} null) keeps its row's columns as
 * written ({@link Written}). {@code flags} and {@code payloadLength} are the plain kinds' own: for
 * a {@code ws-frame}, the frame's first octet (FIN, RSV1-3, opcode), whether it was masked and how
 * its length was encoded; for a {@code ws-message}, whether it is text. The frame's first octet is
 * in the low 8 bits of a frame's {@code flags}.
 */
record CompactEvent(long id, UnitKind kind, Direction dir, long offset, long length, long nanos, long wallMicros,
                    int flags, long payloadLength, Written written) {

    /** {@code flags} of a ws-frame: the MASK bit was set. */
    static final int MASKED = 0x100;
    /** {@code flags} of a ws-frame: the payload length took the 16-bit extended field. */
    static final int LENGTH_16 = 0x200;
    /** {@code flags} of a ws-frame: the payload length took the 64-bit extended field. */
    static final int LENGTH_64 = 0x400;
    /** {@code flags} of a ws-message: a text message. */
    static final int TEXT = 0x1;

    /** The columns of an event kept as its row would hold them (JSON as text), without a stored payload. */
    record Written(String kind, String summary, String attributesJson, String findingsJson, int payloadSize) {

        /** The columns of an event with these attributes and findings, written as JSON. */
        static Written of(String kind, String summary, Map<String, Object> attributes, List<Finding> findings,
                          int payloadSize) {
            return new Written(kind, summary, StoredColumns.attributesJson(kind, attributes),
                    SessionJson.findings(findings), payloadSize);
        }
    }

    /** A plain frame or message. */
    CompactEvent(long id, UnitKind kind, Direction dir, long offset, long length, long nanos, long wallMicros,
                 int flags, long payloadLength) {
        this(id, kind, dir, offset, length, nanos, wallMicros, flags, payloadLength, null);
    }

    /** Any event, as written. */
    static CompactEvent written(long id, Direction dir, long offset, long length, long nanos, long wallMicros,
                                Written written) {
        return new CompactEvent(id, null, dir, offset, length, nanos, wallMicros, 0, -1, written);
    }

    /** The event's kind as its row names it. */
    String kindCode() {
        return kind != null ? kind.code() : written.kind();
    }

    long end() {
        return offset + length;
    }
}
