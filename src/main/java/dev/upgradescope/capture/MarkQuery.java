package dev.upgradescope.capture;

import dev.upgradescope.dissect.http2.FrameType;
import dev.upgradescope.dissect.http2.H2Frame;
import dev.upgradescope.dissect.websocket.WsFrame;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.UnitKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The timeline's read of a connection's events: only what a mark needs (id, kind, direction, time,
 * a WebSocket frame's opcode, an HTTP/2 frame's type), from the rows — the two attributes by
 * SQLite's {@code json_extract}, named by their declarations — and from the blocks.
 */
final class MarkQuery {

    /** One event's mark, from a row or a block. */
    private record Mark(long id, String kind, Direction dir, long nanos, int opcode, FrameType type) {
    }

    private MarkQuery() {
    }

    /** See {@link SessionReader#forEachMark}. */
    static int visit(SqlReads reads, EventBlocks blocks, long conn, long afterId, int limit,
                     SessionReader.MarkVisitor visitor) throws IOException {
        List<Mark> plain = new ArrayList<>();
        reads.query("SELECT id, kind, dir, nanos, "
                + "CASE kind WHEN '" + UnitKind.WS_FRAME.code() + "' THEN json_extract(attributes, '$."
                + WsFrame.OPCODE.name() + "') END, "
                + "CASE kind WHEN '" + UnitKind.H2_FRAME.code() + "' THEN json_extract(attributes, '$."
                + H2Frame.TYPE.name() + "') END "
                + "FROM events WHERE conn = ? AND id > ? ORDER BY id LIMIT ?", ps -> {
                    ps.setLong(1, conn);
                    ps.setLong(2, afterId);
                    ps.setInt(3, limit);
                }, rs -> {
                    String dir = rs.getString(3);
                    int opcode = rs.getInt(5);
                    if (rs.wasNull()) {
                        opcode = -1;
                    }
                    plain.add(new Mark(rs.getLong(1), rs.getString(2), dir == null ? null : Direction.fromCode(dir),
                            rs.getLong(4), opcode, FrameType.byName(rs.getString(6))));
                });
        long bound = plain.size() == limit && limit > 0 ? plain.get(limit - 1).id() : Long.MAX_VALUE;
        List<Mark> marks = new ArrayList<>(plain);
        for (CompactEvent e : blocks.after(conn, afterId, bound, limit)) {
            marks.add(new Mark(e.id(), e.kindCode(), e.dir(), e.nanos(), CompactUnits.opcode(e), CompactUnits.h2Type(e)));
        }
        marks.sort(Comparator.comparingLong(Mark::id));
        int n = 0;
        for (Mark m : marks) {
            if (n == limit) {
                break;
            }
            n++;
            if (!visitor.mark(m.id(), m.kind(), m.dir(), m.nanos(), m.opcode(), m.type())) {
                break;
            }
        }
        return n;
    }
}
