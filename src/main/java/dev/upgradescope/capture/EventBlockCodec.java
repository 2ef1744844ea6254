package dev.upgradescope.capture;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.UnitKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of an {@link EventBlock}'s {@code data}: for each event, in id order, a tag octet
 * (bits 0-1 the kind: 1 {@code ws-frame}, 2 {@code ws-message}; bit 2 set for {@code s2c}; bits
 * 3-5 the kind's flags: masked, 16-bit length, 64-bit length for a frame, text for a message),
 * for a frame its first octet, then unsigned LEB128 varints: the id minus the previous event's id
 * (the first minus the block's first id), the offset minus the end of the previous event in the
 * same direction as a zigzag varint (0 before the first), the length, the monotonic time and the
 * wall-clock time each minus the previous event's (zigzag; 0 before the first), and for a message
 * its payload length. Documented in {@code docs/session-format.md}.
 */
final class EventBlockCodec {

    private static final int KIND_FRAME = 1;
    private static final int KIND_MESSAGE = 2;
    private static final int S2C = 0x4;
    private static final int FLAG_SHIFT = 3;

    private EventBlockCodec() {
    }

    /** Builds one connection's next block, event by event, on the recorder thread. */
    static final class Builder {
        private final long conn;
        private byte[] buf = new byte[256];
        private int size;
        private int count;
        private long firstId;
        private long prevId;
        private long prevNanos;
        private long prevWall;
        private final long[] prevEnd = new long[2];
        private long minNanos;
        private long maxNanos;
        private long minWall;
        private long maxWall;
        private final long[] start = new long[2];
        private final long[] end = new long[2];
        private final List<EventRow> announced = new ArrayList<>();

        Builder(long conn) {
            this.conn = conn;
            reset();
        }

        int count() {
            return count;
        }

        int bytes() {
            return size;
        }

        /** The id of the first event, when there is one. */
        long firstId() {
            return firstId;
        }

        /** Appends an event; {@code row}, if not null, is announced to the change feed's listeners. */
        void add(CompactEvent e, EventRow row) {
            if (count == 0) {
                firstId = e.id();
                prevId = e.id();
            }
            int d = e.dir().ordinal();
            int tag = (e.kind() == UnitKind.WS_FRAME ? KIND_FRAME : KIND_MESSAGE) | (d == 1 ? S2C : 0);
            if (e.kind() == UnitKind.WS_FRAME) {
                tag |= (e.flags() >> 8 & 0x7) << FLAG_SHIFT;
            } else {
                tag |= (e.flags() & CompactEvent.TEXT) << FLAG_SHIFT;
            }
            ensure(1 + 1 + 6 * 10);
            buf[size++] = (byte) tag;
            if (e.kind() == UnitKind.WS_FRAME) {
                buf[size++] = (byte) e.flags();
            }
            putVarLong(e.id() - prevId);
            putVarLong(zigzag(e.offset() - prevEnd[d]));
            putVarLong(e.length());
            putVarLong(zigzag(e.nanos() - prevNanos));
            putVarLong(zigzag(e.wallMicros() - prevWall));
            if (e.kind() == UnitKind.WS_MESSAGE) {
                putVarLong(e.payloadLength());
            }
            prevId = e.id();
            prevEnd[d] = e.end();
            prevNanos = e.nanos();
            prevWall = e.wallMicros();
            minNanos = Math.min(minNanos, e.nanos());
            maxNanos = Math.max(maxNanos, e.nanos());
            minWall = Math.min(minWall, e.wallMicros());
            maxWall = Math.max(maxWall, e.wallMicros());
            start[d] = start[d] < 0 ? e.offset() : Math.min(start[d], e.offset());
            end[d] = Math.max(end[d], e.end());
            count++;
            if (row != null) {
                announced.add(row);
            }
        }

        /** The block of the events added since the last call, then starts an empty one. */
        EventBlock finish() {
            EventBlock b = new EventBlock(conn, firstId, prevId, count, minNanos, maxNanos, minWall, maxWall,
                    start[0], end[0], start[1], end[1], Arrays.copyOf(buf, size), announced);
            reset();
            return b;
        }

        private void reset() {
            size = 0;
            count = 0;
            prevNanos = 0;
            prevWall = 0;
            prevEnd[0] = 0;
            prevEnd[1] = 0;
            minNanos = Long.MAX_VALUE;
            maxNanos = Long.MIN_VALUE;
            minWall = Long.MAX_VALUE;
            maxWall = Long.MIN_VALUE;
            Arrays.fill(start, -1);
            Arrays.fill(end, -1);
            announced.clear();
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        private void putVarLong(long v) {
            while ((v & ~0x7fL) != 0) {
                buf[size++] = (byte) (v & 0x7f | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
        }
    }

    /**
     * The events of a stored block, in id order.
     *
     * @throws SessionFormatException if the bytes do not hold {@code count} well-formed events
     */
    static List<CompactEvent> decode(long firstId, int count, byte[] data) throws SessionFormatException {
        List<CompactEvent> out = new ArrayList<>(Math.max(0, Math.min(count, 1 << 16)));
        Reader r = new Reader(data);
        long id = firstId;
        long nanos = 0;
        long wall = 0;
        long[] prevEnd = new long[2];
        try {
            for (int i = 0; i < count; i++) {
                int tag = r.octet();
                int kindCode = tag & 0x3;
                if (kindCode != KIND_FRAME && kindCode != KIND_MESSAGE) {
                    throw new SessionFormatException("event block at id " + firstId + ": event " + i
                            + " has an unknown kind " + kindCode);
                }
                Direction dir = (tag & S2C) != 0 ? Direction.S2C : Direction.C2S;
                int d = dir.ordinal();
                int kindFlags = tag >> FLAG_SHIFT & 0x7;
                int flags = kindCode == KIND_FRAME ? r.octet() | kindFlags << 8 : kindFlags;
                id += r.varLong();
                long offset = prevEnd[d] + unzigzag(r.varLong());
                long length = r.varLong();
                nanos += unzigzag(r.varLong());
                wall += unzigzag(r.varLong());
                long payloadLength = kindCode == KIND_MESSAGE ? r.varLong() : -1;
                UnitKind kind = kindCode == KIND_FRAME ? UnitKind.WS_FRAME : UnitKind.WS_MESSAGE;
                if (kind == UnitKind.WS_FRAME) {
                    payloadLength = length - CompactUnits.frameHeaderLength(flags);
                }
                if (offset < 0 || length < 0 || payloadLength < 0) {
                    throw new SessionFormatException("event block at id " + firstId + ": event " + i
                            + " has a negative offset or length");
                }
                out.add(new CompactEvent(id, kind, dir, offset, length, nanos, wall, flags, payloadLength));
                prevEnd[d] = offset + length;
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new SessionFormatException("event block at id " + firstId + " ends after " + out.size() + " of "
                    + count + " events");
        }
        return out;
    }

    private static long zigzag(long v) {
        return v << 1 ^ v >> 63;
    }

    private static long unzigzag(long v) {
        return v >>> 1 ^ -(v & 1);
    }

    private static final class Reader {
        private final byte[] data;
        private int at;

        Reader(byte[] data) {
            this.data = data;
        }

        int octet() {
            return data[at++] & 0xff;
        }

        long varLong() throws SessionFormatException {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = data[at++];
                v |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new SessionFormatException("event block: a varint longer than 64 bits at byte " + at);
        }
    }
}
