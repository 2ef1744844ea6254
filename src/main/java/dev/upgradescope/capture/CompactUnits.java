package dev.upgradescope.capture;

import dev.upgradescope.dissect.http2.FrameType;
import dev.upgradescope.dissect.http2.H2Frame;
import dev.upgradescope.dissect.websocket.Opcode;
import dev.upgradescope.dissect.websocket.WsFrame;
import dev.upgradescope.dissect.websocket.WsMessage;
import dev.upgradescope.dissect.websocket.WsReadBack;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Unit;
import dev.upgradescope.wire.UnitKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which units are stored as {@link CompactEvent}s, and how their rows are rebuilt: the plain
 * WebSocket traffic that makes up nearly every event of a long capture, whose summary and
 * attributes follow from a few numbers (and, for a text message, its bytes in the chunks). A unit
 * with a finding, a Close frame, a frame cut short, a compressed, fragmented, incomplete or capped
 * message keeps a row of its own, so nothing is rebuilt from anything but the stream bytes.
 */
final class CompactUnits {

    private CompactUnits() {
    }

    /**
     * Whether {@code unit} can be kept as a compact event (nothing stored beside it, nothing lost):
     * the payload of a message that fits is read back from its one frame.
     */
    static boolean fits(Unit unit) {
        if (unit instanceof WsFrame f) {
            return f.findings().isEmpty() && f.complete() && f.opcode() != Opcode.CLOSE
                    && f.headerLength() == frameHeaderLength(frameFlags(f));
        }
        if (unit instanceof WsMessage m) {
            return m.findings().isEmpty() && !m.compressed() && m.complete() && !m.capped()
                    && m.frames().size() == 1;
        }
        return false;
    }

    /** The compact form of a unit that {@link #fits}. */
    static CompactEvent of(long id, Unit unit, long nanos, long wallMicros) {
        if (unit instanceof WsFrame f) {
            return new CompactEvent(id, UnitKind.WS_FRAME, f.dir(), f.offset(), f.length(), nanos, wallMicros,
                    frameFlags(f), f.payloadLength());
        }
        WsMessage m = (WsMessage) unit;
        return new CompactEvent(id, UnitKind.WS_MESSAGE, m.dir(), m.offset(), m.length(), nanos, wallMicros,
                m.text() ? CompactEvent.TEXT : 0, m.payloadLength());
    }

    /** Whether rebuilding the row needs the event's stream bytes (a plain text message's text). */
    static boolean needsBytes(CompactEvent e) {
        return e.kind() == UnitKind.WS_MESSAGE && (e.flags() & CompactEvent.TEXT) != 0;
    }

    /** An event kept as written: its row's columns, with the attributes and findings as JSON. */
    static CompactEvent written(long id, EventRow row) {
        return CompactEvent.written(id, row.dir(), row.offset(), row.length(), row.nanos(), row.wallMicros(),
                CompactEvent.Written.of(row.kind(), row.summary(), row.attributes(), row.findings(), row.payloadSize()));
    }

    /**
     * The row the event would have had in {@code events}: the same summary and attributes, rebuilt
     * by the dissector's own unit types. {@code span} is the event's stream bytes when
     * {@link #needsBytes}, else ignored.
     */
    static EventRow row(long conn, CompactEvent e, byte[] span) {
        CompactEvent.Written w = e.written();
        if (w != null) {
            return new EventRow(e.id(), conn, w.kind(), e.dir(), e.offset(), e.length(), e.nanos(), e.wallMicros(),
                    w.summary(), SessionJson.attributes(w.attributesJson()), SessionJson.findings(w.findingsJson()),
                    w.payloadSize());
        }
        if (e.kind() == UnitKind.WS_FRAME) {
            int f = e.flags();
            int lengthBits = (f & CompactEvent.LENGTH_64) != 0 ? 64 : (f & CompactEvent.LENGTH_16) != 0 ? 16 : 7;
            WsFrame frame = new WsFrame(e.dir(), e.offset(), frameHeaderLength(f), (f & 0x80) != 0, (f & 0x40) != 0,
                    (f & 0x20) != 0, (f & 0x10) != 0, f & 0x0f, (f & CompactEvent.MASKED) != 0, lengthBits,
                    e.payloadLength(), 0, e.payloadLength(), new byte[0], -1, "", List.of());
            return new EventRow(e.id(), conn, e.kind().code(), e.dir(), e.offset(), e.length(), e.nanos(),
                    e.wallMicros(), frame.summary(), asRead(frame.attributes()), List.of(), -1);
        }
        boolean text = (e.flags() & CompactEvent.TEXT) != 0;
        byte[] payload = text ? WsReadBack.messagePayload(e.dir(), e.offset(), span,
                (int) Math.min(Integer.MAX_VALUE - 8, e.payloadLength())) : new byte[0];
        ByteRange.InStream range = ByteRange.of(e.dir(), e.offset(), e.length());
        WsMessage message = new WsMessage(e.dir(), e.offset(), e.length(), text, false, false, true, List.of(range),
                e.payloadLength(), e.payloadLength(), payload, payload, false, List.of());
        return new EventRow(e.id(), conn, e.kind().code(), e.dir(), e.offset(), e.length(), e.nanos(), e.wallMicros(),
                message.summary(), asRead(message.attributes()), List.of(), text ? -1 : (int) Math.min(Integer.MAX_VALUE,
                        e.payloadLength()));
    }

    /**
     * The attributes as a row's JSON reads back ({@link SessionJson#attributes(String)}): a whole
     * number that fits 32 bits is an {@link Integer}.
     */
    private static Map<String, Object> asRead(Map<String, Object> attributes) {
        Map<String, Object> out = new LinkedHashMap<>(attributes);
        out.replaceAll((k, v) -> v instanceof Long l && l == l.intValue() ? Integer.valueOf(l.intValue()) : v);
        return out;
    }

    /** A WebSocket frame's opcode for the timeline (-1 for other events). */
    static int opcode(CompactEvent e) {
        if (e.kind() == UnitKind.WS_FRAME) {
            return e.flags() & 0x0f;
        }
        if (e.written() != null && e.written().kind().equals(UnitKind.WS_FRAME.code())) {
            return WsFrame.OPCODE.in(SessionJson.attributes(e.written().attributesJson()), -1);
        }
        return -1;
    }

    /** An HTTP/2 frame's type for the timeline (null for other events and undefined types). */
    static FrameType h2Type(CompactEvent e) {
        if (e.written() != null && e.written().kind().equals(UnitKind.H2_FRAME.code())) {
            return H2Frame.TYPE.in(SessionJson.attributes(e.written().attributesJson()), null);
        }
        return null;
    }

    static int frameFlags(WsFrame f) {
        int b0 = (f.fin() ? 0x80 : 0) | (f.rsv1() ? 0x40 : 0) | (f.rsv2() ? 0x20 : 0) | (f.rsv3() ? 0x10 : 0)
                | f.opcode() & 0x0f;
        return b0 | (f.masked() ? CompactEvent.MASKED : 0) | (f.lengthBits() == 16 ? CompactEvent.LENGTH_16 : 0)
                | (f.lengthBits() == 64 ? CompactEvent.LENGTH_64 : 0);
    }

    /** RFC 6455 §5.2: two octets, the extended payload length if any, the masking key if masked. */
    static int frameHeaderLength(int flags) {
        int ext = (flags & CompactEvent.LENGTH_64) != 0 ? 8 : (flags & CompactEvent.LENGTH_16) != 0 ? 2 : 0;
        return 2 + ext + ((flags & CompactEvent.MASKED) != 0 ? 4 : 0);
    }
}
