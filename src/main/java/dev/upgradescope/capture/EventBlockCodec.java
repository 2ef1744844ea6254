package dev.upgradescope.capture;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.UnitKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of an {@link EventBlock}'s {@code data}: for each event, in id order, a tag octet
 * (bits 0-1 the kind: 1 a plain {@code ws-frame}, 2 a plain {@code ws-message}, 3 any event as
 * written; bit 2 set for {@code s2c}; bits 3-5 flags: masked, 16-bit length, 64-bit length for a
 * frame, text for a message, "has a direction" for a written event), for a frame its first octet,
 * then unsigned LEB128 varints: the id minus the previous event's id (the first minus the block's
 * first id), the offset minus the end of the previous event in the same direction as a zigzag
 * varint (0 before the first; the plain offset for an event without a direction), the length, the
 * monotonic time and the wall-clock time each minus the previous event's (zigzag; 0 before the
 * first); then for a message its payload length, for a written event its payload size (zigzag) and
 * its kind, summary, attributes and findings, each a varint byte count and UTF-8. Documented in
 * {@code docs/session-format.md}.
 */
final class EventBlockCodec {

    private static final int KIND_FRAME = 1;
    private static final int KIND_MESSAGE = 2;
    private static final int KIND_WRITTEN = 3;
    private static final int HAS_DIR = 0x8;
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
            CompactEvent.Written w = e.written();
            int d = e.dir() == null ? -1 : e.dir().ordinal();
            int tag = d == 1 ? S2C : 0;
            if (w != null) {
                tag |= KIND_WRITTEN | (d >= 0 ? HAS_DIR : 0);
            } else if (e.kind() == UnitKind.WS_FRAME) {
                tag |= KIND_FRAME | (e.flags() >> 8 & 0x7) << FLAG_SHIFT;
            } else {
                tag |= KIND_MESSAGE | (e.flags() & CompactEvent.TEXT) << FLAG_SHIFT;
            }
            ensure(2 + 7 * 10);
            buf[size++] = (byte) tag;
            if (w == null && e.kind() == UnitKind.WS_FRAME) {
                buf[size++] = (byte) e.flags();
            }
            putVarLong(e.id() - prevId);
            putVarLong(zigzag(e.offset() - (d >= 0 ? prevEnd[d] : 0)));
            putVarLong(e.length());
            putVarLong(zigzag(e.nanos() - prevNanos));
            putVarLong(zigzag(e.wallMicros() - prevWall));
            if (w != null) {
                putVarLong(zigzag(w.payloadSize()));
                putString(w.kind());
                putString(w.summary());
                putString(w.attributesJson());
                putString(w.findingsJson());
            } else if (e.kind() == UnitKind.WS_MESSAGE) {
                putVarLong(e.payloadLength());
            }
            prevId = e.id();
            prevNanos = e.nanos();
            prevWall = e.wallMicros();
            minNanos = Math.min(minNanos, e.nanos());
            maxNanos = Math.max(maxNanos, e.nanos());
            minWall = Math.min(minWall, e.wallMicros());
            maxWall = Math.max(maxWall, e.wallMicros());
            if (d >= 0) {
                prevEnd[d] = e.end();
                start[d] = start[d] < 0 ? e.offset() : Math.min(start[d], e.offset());
                end[d] = Math.max(end[d], e.end());
            }
            count++;
            if (row != null) {
                announced.add(row);
            }
        }

        private void putString(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            ensure(10 + utf8.length);
            putVarLong(utf8.length);
            System.arraycopy(utf8, 0, buf, size, utf8.length);
            size += utf8.length;
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
                if (kindCode == 0) {
                    throw new SessionFormatException("event block at id " + firstId + ": event " + i
                            + " has an unknown kind " + kindCode);
                }
                boolean hasDir = kindCode != KIND_WRITTEN || (tag & HAS_DIR) != 0;
                Direction dir = !hasDir ? null : (tag & S2C) != 0 ? Direction.S2C : Direction.C2S;
                int d = dir == null ? -1 : dir.ordinal();
                int kindFlags = tag >> FLAG_SHIFT & 0x7;
                int flags = kindCode == KIND_FRAME ? r.octet() | kindFlags << 8 : kindFlags;
                id += r.varLong();
                long offset = (d >= 0 ? prevEnd[d] : 0) + unzigzag(r.varLong());
                long length = r.varLong();
                nanos += unzigzag(r.varLong());
                wall += unzigzag(r.varLong());
                CompactEvent e;
                if (kindCode == KIND_WRITTEN) {
                    int payloadSize = (int) unzigzag(r.varLong());
                    e = CompactEvent.written(id, dir, offset, length, nanos, wall, new CompactEvent.Written(
                            r.string(), r.string(), r.string(), r.string(), payloadSize));
                } else if (kindCode == KIND_MESSAGE) {
                    e = new CompactEvent(id, UnitKind.WS_MESSAGE, dir, offset, length, nanos, wall, flags, r.varLong());
                } else {
                    e = new CompactEvent(id, UnitKind.WS_FRAME, dir, offset, length, nanos, wall, flags,
                            length - CompactUnits.frameHeaderLength(flags));
                }
                if (offset < 0 || length < 0 || (e.written() == null && e.payloadLength() < 0)) {
                    throw new SessionFormatException("event block at id " + firstId + ": event " + i
                            + " has a negative offset or length");
                }
                out.add(e);
                if (d >= 0) {
                    prevEnd[d] = offset + length;
                }
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

        String string() throws SessionFormatException {
            long n = varLong();
            if (n < 0 || n > data.length - at) {
                throw new SessionFormatException("event block: a text of " + n + " bytes at byte " + at
                        + " runs past the block's " + data.length + " bytes");
            }
            String s = new String(data, at, (int) n, StandardCharsets.UTF_8);
            at += (int) n;
            return s;
        }
    }
}
