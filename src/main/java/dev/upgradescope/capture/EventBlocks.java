package dev.upgradescope.capture;

import dev.upgradescope.wire.Direction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads the compact events of a session's {@code event_blocks} (format 2): finds the blocks an
 * index range needs, decodes them, and keeps the events asked for. {@link SessionReader} merges
 * them with the rows of {@code events}. A session of format 1 has no blocks: every read is empty.
 */
final class EventBlocks {

    /** A compact event and the connection it belongs to. */
    record Found(long conn, CompactEvent event) {
    }

    private static final String COLUMNS = "conn, first_id, count, data";

    private final SqlReads sql;
    private final boolean present;

    EventBlocks(SqlReads sql) throws IOException {
        this.sql = sql;
        boolean[] found = {false};
        sql.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_blocks'", ps -> {
        }, rs -> found[0] = true);
        this.present = found[0];
    }

    /**
     * The compact events of {@code conn} with {@code afterId < id <= bound}, in id order, at most
     * {@code limit}.
     */
    List<CompactEvent> after(long conn, long afterId, long bound, int limit) throws IOException {
        List<CompactEvent> out = new ArrayList<>();
        if (!present || limit <= 0) {
            return out;
        }
        forEachBlock("conn = ? AND last_id > ? AND first_id <= ? ORDER BY last_id", ps -> {
            ps.setLong(1, conn);
            ps.setLong(2, afterId);
            ps.setLong(3, bound);
        }, (blockConn, events) -> {
            for (CompactEvent e : events) {
                if (e.id() > afterId && e.id() <= bound && out.size() < limit) {
                    out.add(e);
                }
            }
            return out.size() < limit;
        });
        return out;
    }

    /** The compact event {@code id}, if there is one. */
    Optional<Found> byId(long id) throws IOException {
        List<Found> out = new ArrayList<>(1);
        if (!present) {
            return Optional.empty();
        }
        forEachBlock("last_id >= ? AND last_id < ? AND first_id <= ?", ps -> {
            ps.setLong(1, id);
            ps.setLong(2, id + EventBlock.MAX_ID_SPAN);
            ps.setLong(3, id);
        }, (conn, events) -> {
            for (CompactEvent e : events) {
                if (e.id() == id) {
                    out.add(new Found(conn, e));
                    return false;
                }
            }
            return true;
        });
        return out.stream().findFirst();
    }

    /**
     * The compact events of {@code conn} completed at or after {@code fromWallMicros}, the
     * {@code limit} earliest by (wall-clock time, id).
     */
    List<CompactEvent> fromWall(long conn, long fromWallMicros, int limit) throws IOException {
        List<CompactEvent> out = new ArrayList<>();
        if (!present || limit <= 0) {
            return out;
        }
        Comparator<CompactEvent> order = Comparator.comparingLong(CompactEvent::wallMicros)
                .thenComparingLong(CompactEvent::id);
        forEachBlock("conn = ? AND max_wall_us >= ? ORDER BY min_wall_us", ps -> {
            ps.setLong(1, conn);
            ps.setLong(2, fromWallMicros);
        }, (blockConn, events) -> {
            if (out.size() >= limit && events.stream().mapToLong(CompactEvent::wallMicros).min().orElse(0)
                    > out.get(out.size() - 1).wallMicros()) {
                return false; // blocks come by their earliest time: none later can rank
            }
            keepFirst(out, events, e -> e.wallMicros() >= fromWallMicros, order, limit);
            return true;
        });
        return out;
    }

    /**
     * The compact events of {@code conn} in {@code dir} that end after {@code offset}, the
     * {@code limit} first by (offset, id).
     */
    List<CompactEvent> at(long conn, Direction dir, long offset, int limit) throws IOException {
        List<CompactEvent> out = new ArrayList<>();
        if (!present || limit <= 0) {
            return out;
        }
        String d = dir == Direction.C2S ? "c2s" : "s2c";
        Comparator<CompactEvent> order = Comparator.comparingLong(CompactEvent::offset)
                .thenComparingLong(CompactEvent::id);
        // a message's start may lie blocks before its event (its frames came first): every block is read
        forEachBlock("conn = ? AND " + d + "_end > ? ORDER BY last_id", ps -> {
            ps.setLong(1, conn);
            ps.setLong(2, offset);
        }, (blockConn, events) -> {
            keepFirst(out, events, e -> e.dir() == dir && e.end() > offset, order, limit);
            return true;
        });
        return out;
    }

    /** Adds the events that pass {@code wanted} to {@code out}, keeping its first {@code limit} in {@code order}. */
    private static void keepFirst(List<CompactEvent> out, List<CompactEvent> events, Predicate<CompactEvent> wanted,
                                  Comparator<CompactEvent> order, int limit) {
        for (CompactEvent e : events) {
            if (wanted.test(e)) {
                out.add(e);
            }
        }
        out.sort(order);
        if (out.size() > limit) {
            out.subList(limit, out.size()).clear();
        }
    }

    /** The highest id of a compact event of {@code conn} completed at or before {@code nanos}, or 0. */
    long lastIdAt(long conn, long nanos) throws IOException {
        long[] best = {0};
        if (!present) {
            return 0;
        }
        forEachBlock("conn = ? AND min_nanos <= ? ORDER BY last_id DESC", ps -> {
            ps.setLong(1, conn);
            ps.setLong(2, nanos);
        }, (blockConn, events) -> {
            if (!events.isEmpty() && events.get(events.size() - 1).id() < best[0]) {
                return false;
            }
            for (CompactEvent e : events) {
                if (e.nanos() <= nanos) {
                    best[0] = Math.max(best[0], e.id());
                }
            }
            return true;
        });
        return best[0];
    }

    private interface BlockVisitor {
        /** Takes one block's events; false stops the read. */
        boolean visit(long conn, List<CompactEvent> events) throws SessionFormatException;
    }

    private void forEachBlock(String where, SqlReads.Binder binder, BlockVisitor visitor) throws IOException {
        SessionFormatException[] bad = {null};
        sql.visit("SELECT " + COLUMNS + " FROM event_blocks WHERE " + where, binder, rs -> {
            try {
                return visitor.visit(rs.getLong(1), EventBlockCodec.decode(rs.getLong(2), rs.getInt(3),
                        rs.getBytes(4)));
            } catch (SessionFormatException e) {
                bad[0] = e;
                return false;
            }
        });
        if (bad[0] != null) {
            throw bad[0];
        }
    }
}
