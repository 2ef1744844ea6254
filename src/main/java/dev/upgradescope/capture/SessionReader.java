package dev.upgradescope.capture;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.UnitKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Read-only access to a session file for the UI and the command line, also while it is being
 * recorded (WAL readers see every committed transaction): connections and events page by page,
 * raw bytes of any range of a stream, stored message payloads. Not thread-safe; open one per
 * reading thread.
 */
public final class SessionReader implements AutoCloseable {

    private static final String CONNECTION_COLUMNS = "id, client, listener, mode, target, opened_nanos, "
            + "opened_wall_us, closed_nanos, closed_wall_us, c2s_bytes, s2c_bytes, asked_protocols, status, "
            + "outcome, protocol, frames, events";
    private static final String EVENT_COLUMNS = "id, conn, kind, dir, offset, length, nanos, wall_us, summary, "
            + "attributes, findings, payload_size";

    /** The most stream bytes read at once to rebuild the text of several compact messages. */
    private static final int SPAN_READ = 1 << 20;

    /** The most of a message payload {@link #payload} returns, as the recorder stores at most. */
    private static final int PAYLOAD_CAP = 1 << 20;

    private final Path file;
    private final Connection db;
    private final SqlReads reads;
    private EventBlocks blocks;

    private SessionReader(Path file, Connection db) {
        this.file = file;
        this.db = db;
        this.reads = new SqlReads(db, file);
    }

    /**
     * Opens an existing session for reading.
     *
     * @throws NoSuchFileException     if there is no such file
     * @throws SessionFormatException if the file is not an UpgradeScope session this version reads
     */
    public static SessionReader open(Path file) throws IOException {
        SessionReader reader = new SessionReader(file, SessionOpening.open(file));
        try {
            reader.checkFormat();
            reader.blocks = new EventBlocks(reader.reads);
        } catch (IOException e) {
            reader.close();
            throw e;
        }
        return reader;
    }

    private void checkFormat() throws IOException {
        Map<String, String> meta;
        try {
            meta = meta();
        } catch (IOException e) {
            throw new SessionFormatException(file + " is not an UpgradeScope session (" + e.getMessage() + ")", e);
        }
        SessionOpening.checkFormat(reads, file, meta);
    }

    public Path file() {
        return file;
    }

    /** The session's meta table: format, schema_version, creator, created_wall_us, closed_wall_us. */
    public Map<String, String> meta() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        query("SELECT key, value FROM meta", ps -> {
        }, rs -> out.put(rs.getString(1), rs.getString(2)));
        return out;
    }

    /** True when the writer closed the session properly (false after a crash or while recording). */
    public boolean closedCleanly() throws IOException {
        return meta().containsKey("closed_wall_us");
    }

    public long connectionCount() throws IOException {
        long[] n = {0};
        query("SELECT count(*) FROM connections", ps -> {
        }, rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    /** Connections in id (opening) order, {@code limit} of them after skipping {@code skip}. */
    public List<ConnectionRow> connections(long skip, int limit) throws IOException {
        List<ConnectionRow> out = new ArrayList<>();
        query("SELECT " + CONNECTION_COLUMNS + " FROM connections ORDER BY id LIMIT ? OFFSET ?", ps -> {
            ps.setInt(1, limit);
            ps.setLong(2, skip);
        }, rs -> out.add(connection(rs)));
        return out;
    }

    public Optional<ConnectionRow> connection(long id) throws IOException {
        List<ConnectionRow> out = new ArrayList<>(1);
        query("SELECT " + CONNECTION_COLUMNS + " FROM connections WHERE id = ?", ps -> ps.setLong(1, id),
                rs -> out.add(connection(rs)));
        return out.stream().findFirst();
    }

    /** Events of {@code conn} in recording order with an id above {@code afterId}, at most {@code limit}. */
    public List<EventRow> events(long conn, long afterId, int limit) throws IOException {
        List<EventRow> plain = new ArrayList<>();
        query("SELECT " + EVENT_COLUMNS + " FROM events WHERE conn = ? AND id > ? ORDER BY id LIMIT ?", ps -> {
            ps.setLong(1, conn);
            ps.setLong(2, afterId);
            ps.setInt(3, limit);
        }, rs -> plain.add(event(rs)));
        long bound = plain.size() == limit && limit > 0 ? plain.get(limit - 1).id() : Long.MAX_VALUE;
        List<CompactEvent> compact = blocks.after(conn, afterId, bound, limit);
        return merge(conn, plain, compact, Comparator.comparingLong(EventRow::id), limit);
    }

    /** Events of {@code conn} completed at or after wall-clock {@code fromWallMicros}, at most {@code limit}. */
    public List<EventRow> eventsFrom(long conn, long fromWallMicros, int limit) throws IOException {
        List<EventRow> plain = new ArrayList<>();
        query("SELECT " + EVENT_COLUMNS + " FROM events WHERE conn = ? AND wall_us >= ? ORDER BY wall_us, id "
                + "LIMIT ?", ps -> {
                    ps.setLong(1, conn);
                    ps.setLong(2, fromWallMicros);
                    ps.setInt(3, limit);
                }, rs -> plain.add(event(rs)));
        return merge(conn, plain, blocks.fromWall(conn, fromWallMicros, limit),
                Comparator.comparingLong(EventRow::wallMicros).thenComparingLong(EventRow::id), limit);
    }

    /** Unit events of {@code conn} in {@code dir} that overlap stream bytes from {@code offset} on. */
    public List<EventRow> eventsAt(long conn, Direction dir, long offset, int limit) throws IOException {
        List<EventRow> plain = new ArrayList<>();
        query("SELECT " + EVENT_COLUMNS + " FROM events WHERE conn = ? AND dir = ? AND offset + length > ? "
                + "ORDER BY offset, id LIMIT ?", ps -> {
                    ps.setLong(1, conn);
                    ps.setString(2, dir.code());
                    ps.setLong(3, offset);
                    ps.setInt(4, limit);
                }, rs -> plain.add(event(rs)));
        return merge(conn, plain, blocks.at(conn, dir, offset, limit),
                Comparator.comparingLong(EventRow::offset).thenComparingLong(EventRow::id), limit);
    }

    public Optional<EventRow> event(long eventId) throws IOException {
        List<EventRow> out = new ArrayList<>(1);
        query("SELECT " + EVENT_COLUMNS + " FROM events WHERE id = ?", ps -> ps.setLong(1, eventId),
                rs -> out.add(event(rs)));
        if (out.isEmpty()) {
            Optional<EventBlocks.Found> found = blocks.byId(eventId);
            if (found.isPresent()) {
                out.addAll(rows(found.get().conn(), List.of(found.get().event())));
            }
        }
        return out.stream().findFirst();
    }

    /**
     * The decoded payload of a message event (reassembled, inflated, at most 1 MiB), if it has one:
     * stored with the event when it was compressed, else read back from the frames in the chunks.
     */
    public Optional<byte[]> payload(long eventId) throws IOException {
        return payload(eventId, PAYLOAD_CAP);
    }

    /**
     * The decoded payload of a message event, at most {@code cap} bytes when read back from the
     * frames; a payload stored with its event is returned as stored (the recorder keeps at most
     * 1 MiB of it), so it may be shorter than the message.
     */
    public Optional<byte[]> payload(long eventId, int cap) throws IOException {
        List<byte[]> stored = new ArrayList<>(1);
        List<EventRow> rows = new ArrayList<>(1);
        query("SELECT payload, " + EVENT_COLUMNS + " FROM events WHERE id = ?", ps -> ps.setLong(1, eventId), rs -> {
            byte[] bytes = rs.getBytes(1);
            if (bytes != null) {
                stored.add(bytes);
            } else {
                rows.add(event(rs, 1));
            }
        });
        if (!stored.isEmpty()) {
            return Optional.of(stored.get(0));
        }
        if (rows.isEmpty()) { // not a row: a block's event, or none
            Optional<EventBlocks.Found> found = blocks.byId(eventId);
            if (found.isPresent()) {
                rows.addAll(rows(found.get().conn(), List.of(found.get().event())));
            }
        }
        if (rows.isEmpty() || rows.get(0).payloadSize() < 0) {
            return Optional.empty();
        }
        EventRow e = rows.get(0);
        if (e.kind().equals(UnitKind.WS_MESSAGE.code()) && e.dir() != null) {
            int span = (int) Math.min(e.length(), Math.min(cap + (1L << 20), Integer.MAX_VALUE - 8));
            return Optional.of(WsFramePayloads.of(bytes(e.conn(), e.dir(), e.offset(), span), cap));
        }
        return Optional.empty();
    }


    /**
     * What the timeline needs of one stored event, and nothing more: no summary, no findings, no
     * attribute parsing. {@code opcode} is a WebSocket frame's opcode (-1 for other events),
     * {@code type} an HTTP/2 frame's type name (null for other events).
     */
    @FunctionalInterface
    public interface MarkVisitor {
        /** Takes one event's mark; false stops the read. */
        boolean mark(long id, String kind, Direction dir, long nanos, int opcode, String type);
    }

    /** One event's mark, from a row or a block. */
    private record Mark(long id, String kind, Direction dir, long nanos, int opcode, String type) {
    }

    /**
     * Visits the events of {@code conn} with an id above {@code afterId}, at most {@code limit}, in
     * recording order, reading only their id, kind, direction, time and (by SQLite's
     * {@code json_extract}, only for WebSocket and HTTP/2 frames in rows of their own; from the
     * octet kept for a compact frame) the opcode or frame type.
     *
     * @return how many events were visited
     */
    public int forEachMark(long conn, long afterId, int limit, MarkVisitor visitor) throws IOException {
        List<Mark> plain = new ArrayList<>();
        query("SELECT id, kind, dir, nanos, "
                + "CASE kind WHEN 'ws-frame' THEN json_extract(attributes, '$.opcode') END, "
                + "CASE kind WHEN 'h2-frame' THEN json_extract(attributes, '$.type') END "
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
                            rs.getLong(4), opcode, rs.getString(6)));
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

    /** The ids of the events of {@code conn} above {@code afterId}, at most {@code limit}, ascending. */
    public long[] eventIds(long conn, long afterId, int limit) throws IOException {
        long[] out = new long[Math.max(0, Math.min(limit, 4096))];
        int[] n = {0};
        long[][] buf = {out};
        query("SELECT id FROM events WHERE conn = ? AND id > ? ORDER BY id LIMIT ?", ps -> {
            ps.setLong(1, conn);
            ps.setLong(2, afterId);
            ps.setInt(3, limit);
        }, rs -> {
            if (n[0] == buf[0].length) {
                buf[0] = Arrays.copyOf(buf[0], Math.max(16, buf[0].length * 2));
            }
            buf[0][n[0]++] = rs.getLong(1);
        });
        long bound = n[0] == limit && limit > 0 ? buf[0][n[0] - 1] : Long.MAX_VALUE;
        List<CompactEvent> compact = blocks.after(conn, afterId, bound, limit);
        if (compact.isEmpty()) {
            return Arrays.copyOf(buf[0], n[0]);
        }
        long[] all = Arrays.copyOf(buf[0], n[0] + compact.size());
        for (int i = 0; i < compact.size(); i++) {
            all[n[0] + i] = compact.get(i).id();
        }
        Arrays.sort(all);
        return Arrays.copyOf(all, Math.min(all.length, limit));
    }

    /**
     * The id of the last event of {@code conn} completed at or before {@code nanos} (session
     * clock), or 0 if none was: where a note of that time falls among the events.
     */
    public long lastEventIdAt(long conn, long nanos) throws IOException {
        long[] out = {0};
        query("SELECT coalesce(max(id), 0) FROM events WHERE conn = ? AND nanos <= ?", ps -> {
            ps.setLong(1, conn);
            ps.setLong(2, nanos);
        }, rs -> out[0] = rs.getLong(1));
        return Math.max(out[0], blocks.lastIdAt(conn, nanos));
    }

    public List<NoteRow> notes(long conn) throws IOException {
        List<NoteRow> out = new ArrayList<>();
        query("SELECT id, conn, code, detail, nanos, wall_us FROM notes WHERE conn = ? ORDER BY id",
                ps -> ps.setLong(1, conn), rs -> out.add(new NoteRow(rs.getLong(1), rs.getLong(2),
                        rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6))));
        return out;
    }

    /**
     * The stream bytes {@code [offset, offset + length)} of one direction, as far as they were
     * recorded (shorter if the stream ends sooner or a part was never recorded).
     */
    public byte[] bytes(long conn, Direction dir, long offset, int length) throws IOException {
        long end = offset + length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(0, length));
        long[] next = {offset};
        query("SELECT offset, bytes FROM chunks WHERE conn = ? AND dir = ? AND offset < ? AND offset >= "
                + "coalesce((SELECT max(offset) FROM chunks WHERE conn = ? AND dir = ? AND offset <= ?), 0) "
                + "ORDER BY offset", ps -> {
                    ps.setLong(1, conn);
                    ps.setString(2, dir.code());
                    ps.setLong(3, end);
                    ps.setLong(4, conn);
                    ps.setString(5, dir.code());
                    ps.setLong(6, offset);
                }, rs -> {
                    long at = rs.getLong(1);
                    byte[] b = rs.getBytes(2);
                    if (at > next[0]) {
                        next[0] = end; // a part was never recorded: stop at the gap
                        return;
                    }
                    if (next[0] >= end) {
                        return;
                    }
                    int from = (int) Math.max(0, next[0] - at);
                    int to = (int) Math.min(b.length, end - at);
                    if (to > from) {
                        out.write(b, from, to - from);
                        next[0] = at + to;
                    }
                });
        return out.toByteArray();
    }

    /**
     * The wall-clock time (µs since the epoch) at which the stream byte at {@code offset} of
     * {@code dir} was recorded, if it was.
     */
    public OptionalLong wallMicrosAt(long conn, Direction dir, long offset) throws IOException {
        long[] out = {-1};
        query("SELECT offset, length, wall_us FROM chunks WHERE conn = ? AND dir = ? AND offset <= ? "
                + "ORDER BY offset DESC LIMIT 1", ps -> {
                    ps.setLong(1, conn);
                    ps.setString(2, dir.code());
                    ps.setLong(3, offset);
                }, rs -> {
                    if (rs.getLong(1) + rs.getLong(2) > offset) {
                        out[0] = rs.getLong(3);
                    }
                });
        return out[0] < 0 ? OptionalLong.empty() : OptionalLong.of(out[0]);
    }

    /**
     * Visits the stored chunks of {@code conn}, both directions, in the order they were recorded,
     * until {@code visitor} returns false.
     */
    public void forEachChunk(long conn, Predicate<StoredChunk> visitor) throws IOException {
        boolean[] going = {true};
        query("SELECT id, conn, dir, offset, nanos, wall_us, bytes FROM chunks WHERE conn = ? ORDER BY id",
                ps -> ps.setLong(1, conn), rs -> {
                    if (going[0]) {
                        going[0] = visitor.test(new StoredChunk(rs.getLong(1), rs.getLong(2),
                                Direction.fromCode(rs.getString(3)), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                                rs.getBytes(7)));
                    }
                });
    }

    @Override
    public void close() throws IOException {
        try {
            db.close();
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- rows

    /** The rows and the compact events together, in {@code order}, the first {@code limit}. */
    private List<EventRow> merge(long conn, List<EventRow> plain, List<CompactEvent> compact,
                                 Comparator<EventRow> order, int limit) throws IOException {
        if (compact.isEmpty()) {
            return plain;
        }
        List<EventRow> all = new ArrayList<>(plain.size() + compact.size());
        all.addAll(plain);
        all.addAll(rows(conn, compact));
        all.sort(order);
        return all.size() > limit ? new ArrayList<>(all.subList(0, Math.max(0, limit))) : all;
    }

    /**
     * The rows of compact events, rebuilt; the stream bytes that text messages need are read in
     * spans of up to {@value #SPAN_READ} bytes covering several messages at once.
     */
    private List<EventRow> rows(long conn, List<CompactEvent> events) throws IOException {
        List<EventRow> out = new ArrayList<>(events.size());
        byte[][] span = new byte[2][];
        long[] spanAt = new long[2];
        for (int i = 0; i < events.size(); i++) {
            CompactEvent e = events.get(i);
            byte[] bytes = null;
            if (CompactUnits.needsBytes(e)) {
                int d = e.dir().ordinal();
                if (span[d] == null || e.offset() < spanAt[d] || e.end() > spanAt[d] + span[d].length) {
                    long end = e.end();
                    for (int k = i + 1; k < events.size(); k++) { // widen over the next messages of this direction
                        CompactEvent next = events.get(k);
                        if (next.dir() == e.dir() && CompactUnits.needsBytes(next) && next.offset() >= e.offset()
                                && next.end() - e.offset() <= SPAN_READ) {
                            end = Math.max(end, next.end());
                        }
                    }
                    span[d] = bytes(conn, e.dir(), e.offset(), (int) Math.min(Integer.MAX_VALUE - 8, end - e.offset()));
                    spanAt[d] = e.offset();
                }
                int from = (int) (e.offset() - spanAt[d]);
                int to = (int) Math.min(span[d].length, e.end() - spanAt[d]);
                bytes = Arrays.copyOfRange(span[d], Math.min(from, to), to);
            }
            out.add(CompactUnits.row(conn, e, bytes));
        }
        return out;
    }

    private static ConnectionRow connection(ResultSet rs) throws SQLException {
        return new ConnectionRow(rs.getLong(1), rs.getString(2), rs.getString(3), mode(rs.getString(4)),
                rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                rs.getLong(11), SessionJson.strings(rs.getString(12)), rs.getInt(13), rs.getString(14),
                rs.getString(15), rs.getLong(16), rs.getLong(17));
    }

    private static EventRow event(ResultSet rs) throws SQLException {
        return event(rs, 0);
    }

    /** The event whose {@link #EVENT_COLUMNS} start after column {@code skip}. */
    private static EventRow event(ResultSet rs, int skip) throws SQLException {
        int k = skip;
        String dir = rs.getString(k + 4);
        return new EventRow(rs.getLong(k + 1), rs.getLong(k + 2), rs.getString(k + 3),
                dir == null ? null : Direction.fromCode(dir), rs.getLong(k + 5), rs.getLong(k + 6), rs.getLong(k + 7),
                rs.getLong(k + 8), rs.getString(k + 9), SessionJson.attributes(rs.getString(k + 10)),
                SessionJson.findings(rs.getString(k + 11)), rs.getInt(k + 12));
    }

    private static ListenerMode mode(String code) {
        for (ListenerMode m : ListenerMode.values()) {
            if (m.code().equals(code)) {
                return m;
            }
        }
        return ListenerMode.IMPORT;
    }

    // ---------------------------------------------------------------- plumbing

    private void query(String sql, SqlReads.Binder binder, SqlReads.RowReader reader) throws IOException {
        reads.query(sql, binder, reader);
    }
}
