package dev.upgradescope.capture;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.UnitKind;

/**
 * One event kept in an {@link EventBlock} rather than in a row of its own: the few numbers its
 * stored row would be rebuilt from ({@link CompactUnits#row}). {@code flags} and
 * {@code payloadLength} are the kind's own: for a {@code ws-frame}, the frame's first octet (FIN,
 * RSV1-3, opcode), whether it was masked and how its length was encoded; for a {@code ws-message},
 * whether it is text.
 */
record CompactEvent(long id, UnitKind kind, Direction dir, long offset, long length, long nanos, long wallMicros,
                    int flags, long payloadLength) {

    /** {@code flags} of a ws-frame: the frame's first octet in the low 8 bits. */
    static final int FIRST_OCTET = 0xff;
    /** {@code flags} of a ws-frame: the MASK bit was set. */
    static final int MASKED = 0x100;
    /** {@code flags} of a ws-frame: the payload length took the 16-bit extended field. */
    static final int LENGTH_16 = 0x200;
    /** {@code flags} of a ws-frame: the payload length took the 64-bit extended field. */
    static final int LENGTH_64 = 0x400;
    /** {@code flags} of a ws-message: a text message. */
    static final int TEXT = 0x1;

    long end() {
        return offset + length;
    }
}
