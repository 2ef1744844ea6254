package dev.upgradescope.capture;

import dev.upgradescope.dissect.http2.FrameType;
import dev.upgradescope.dissect.websocket.WsReadBack;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.UnitKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
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
        query("SELECT " + StoredRows.CONNECTION_COLUMNS + " FROM connections ORDER BY id LIMIT ? OFFSET ?", ps -> {
            ps.setInt(1, limit);
            ps.setLong(2, skip);
        }, rs -> out.add(StoredRows.connection(rs)));
        return out;
    }

    public Optional<ConnectionRow> connection(long id) throws IOException {
        List<ConnectionRow> out = new ArrayList<>(1);
        query("SELECT " + StoredRows.CONNECTION_COLUMNS + " FROM connections WHERE id = ?", ps -> ps.setLong(1, id),
                rs -> out.add(StoredRows.connection(rs)));
        return out.stream().findFirst();
    }

    /** Events of {@code conn} in recording order with an id above {@code afterId}, at most {@code limit}. */
    public List<EventRow> events(long conn, long afterId, int limit) throws IOException {
        List<EventRow> plain = new ArrayList<>();
        query("SELECT " + StoredRows.EVENT_COLUMNS + " FROM events WHERE conn = ? AND id > ? ORDER BY id LIMIT ?", ps -> {
            ps.setLong(1, conn);
            ps.setLong(2, afterId);
            ps.setInt(3, limit);
        }, rs -> plain.add(StoredRows.event(rs)));
        long bound = plain.size() == limit && limit > 0 ? plain.get(limit - 1).id() : Long.MAX_VALUE;
        List<CompactEvent> compact = blocks.after(conn, afterId, bound, limit);
        return CompactRows.merge(this, conn, plain, compact, Comparator.comparingLong(EventRow::id), limit);
    }

    /** Events of {@code conn} completed at or after wall-clock {@code fromWallMicros}, at most {@code limit}. */
    public List<EventRow> eventsFrom(long conn, long fromWallMicros, int limit) throws IOException {
        List<EventRow> plain = new ArrayList<>();
        query("SELECT " + StoredRows.EVENT_COLUMNS + " FROM events WHERE conn = ? AND wall_us >= ? ORDER BY wall_us, id "
                + "LIMIT ?", ps -> {
                    ps.setLong(1, conn);
                    ps.setLong(2, fromWallMicros);
                    ps.setInt(3, limit);
                }, rs -> plain.add(StoredRows.event(rs)));
        return CompactRows.merge(this, conn, plain, blocks.fromWall(conn, fromWallMicros, limit),
                Comparator.comparingLong(EventRow::wallMicros).thenComparingLong(EventRow::id), limit);
    }

    /** Unit events of {@code conn} in {@code dir} that overlap stream bytes from {@code offset} on. */
    public List<EventRow> eventsAt(long conn, Direction dir, long offset, int limit) throws IOException {
        List<EventRow> plain = new ArrayList<>();
        query("SELECT " + StoredRows.EVENT_COLUMNS + " FROM events WHERE conn = ? AND dir = ? AND offset + length > ? "
                + "ORDER BY offset, id LIMIT ?", ps -> {
                    ps.setLong(1, conn);
                    ps.setString(2, dir.code());
                    ps.setLong(3, offset);
                    ps.setInt(4, limit);
                }, rs -> plain.add(StoredRows.event(rs)));
        return CompactRows.merge(this, conn, plain, blocks.at(conn, dir, offset, limit),
                Comparator.comparingLong(EventRow::offset).thenComparingLong(EventRow::id), limit);
    }

    public Optional<EventRow> event(long eventId) throws IOException {
        List<EventRow> out = new ArrayList<>(1);
        query("SELECT " + StoredRows.EVENT_COLUMNS + " FROM events WHERE id = ?", ps -> ps.setLong(1, eventId),
                rs -> out.add(StoredRows.event(rs)));
        if (out.isEmpty()) {
            Optional<EventBlocks.Found> found = blocks.byId(eventId);
            if (found.isPresent()) {
                out.addAll(CompactRows.rows(this, found.get().conn(), List.of(found.get().event())));
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
        query("SELECT payload, " + StoredRows.EVENT_COLUMNS + " FROM events WHERE id = ?", ps -> ps.setLong(1, eventId), rs -> {
            byte[] bytes = rs.getBytes(1);
            if (bytes != null) {
                stored.add(bytes);
            } else {
                rows.add(StoredRows.event(rs, 1));
            }
        });
        if (!stored.isEmpty()) {
            return Optional.of(stored.get(0));
        }
        if (rows.isEmpty()) { // not a row: a block's event, or none
            Optional<EventBlocks.Found> found = blocks.byId(eventId);
            if (found.isPresent()) {
                rows.addAll(CompactRows.rows(this, found.get().conn(), List.of(found.get().event())));
            }
        }
        if (rows.isEmpty() || rows.get(0).payloadSize() < 0) {
            return Optional.empty();
        }
        EventRow e = rows.get(0);
        if (e.kind().equals(UnitKind.WS_MESSAGE.code()) && e.dir() != null) {
            int span = (int) Math.min(e.length(), Math.min(cap + (1L << 20), Integer.MAX_VALUE - 8));
            return Optional.of(WsReadBack.messagePayload(e.dir(), e.offset(), bytes(e.conn(), e.dir(), e.offset(), span),
                    cap));
        }
        return Optional.empty();
    }


    /**
     * What the timeline needs of one stored event, and nothing more: no summary, no findings, no
     * attribute parsing. {@code opcode} is a WebSocket frame's opcode (-1 for other events),
     * {@code type} an HTTP/2 frame's type (null for other events and for types RFC 9113 does not
     * define).
     */
    @FunctionalInterface
    public interface MarkVisitor {
        /** Takes one event's mark; false stops the read. */
        boolean mark(long id, String kind, Direction dir, long nanos, int opcode, FrameType type);
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
        return MarkQuery.visit(reads, blocks, conn, afterId, limit, visitor);
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

    // ---------------------------------------------------------------- plumbing

    private void query(String sql, SqlReads.Binder binder, SqlReads.RowReader reader) throws IOException {
        reads.query(sql, binder, reader);
    }
}
