package dev.upgradescope.capture;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The tables of a {@code .upgradescope} session file, version {@value #VERSION}; documented for
 * readers outside the application in {@code docs/session-format.md}.
 */
final class SessionSchema {

    /** The {@code meta.format} value that marks a file as an UpgradeScope session. */
    static final String FORMAT = "upgradescope-session";
    static final int VERSION = 2;

    static final List<String> DDL = List.of(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            """
            CREATE TABLE connections (
              id INTEGER PRIMARY KEY,
              client TEXT NOT NULL,
              listener TEXT NOT NULL,
              mode TEXT NOT NULL,
              target TEXT NOT NULL,
              opened_nanos INTEGER NOT NULL,
              opened_wall_us INTEGER NOT NULL,
              closed_nanos INTEGER NOT NULL DEFAULT -1,
              closed_wall_us INTEGER NOT NULL DEFAULT -1,
              c2s_bytes INTEGER NOT NULL DEFAULT 0,
              s2c_bytes INTEGER NOT NULL DEFAULT 0,
              asked_protocols TEXT NOT NULL DEFAULT '[]',
              status INTEGER NOT NULL DEFAULT 0,
              outcome TEXT NOT NULL DEFAULT '',
              protocol TEXT NOT NULL DEFAULT '',
              frames INTEGER NOT NULL DEFAULT 0,
              events INTEGER NOT NULL DEFAULT 0)""",
            """
            CREATE TABLE chunks (
              id INTEGER PRIMARY KEY,
              conn INTEGER NOT NULL,
              dir TEXT NOT NULL,
              offset INTEGER NOT NULL,
              length INTEGER NOT NULL,
              nanos INTEGER NOT NULL,
              wall_us INTEGER NOT NULL,
              bytes BLOB NOT NULL)""",
            "CREATE INDEX chunks_by_stream ON chunks (conn, dir, offset)",
            """
            CREATE TABLE events (
              id INTEGER PRIMARY KEY,
              conn INTEGER NOT NULL,
              kind TEXT NOT NULL,
              dir TEXT,
              offset INTEGER NOT NULL,
              length INTEGER NOT NULL,
              nanos INTEGER NOT NULL,
              wall_us INTEGER NOT NULL,
              summary TEXT NOT NULL,
              attributes TEXT NOT NULL,
              findings TEXT NOT NULL,
              payload BLOB,
              payload_size INTEGER NOT NULL DEFAULT -1)""",
            "CREATE INDEX events_by_conn ON events (conn, id)",
            """
            CREATE TABLE event_blocks (
              id INTEGER PRIMARY KEY,
              conn INTEGER NOT NULL,
              first_id INTEGER NOT NULL,
              last_id INTEGER NOT NULL,
              count INTEGER NOT NULL,
              min_nanos INTEGER NOT NULL,
              max_nanos INTEGER NOT NULL,
              min_wall_us INTEGER NOT NULL,
              max_wall_us INTEGER NOT NULL,
              c2s_start INTEGER NOT NULL,
              c2s_end INTEGER NOT NULL,
              s2c_start INTEGER NOT NULL,
              s2c_end INTEGER NOT NULL,
              data BLOB NOT NULL)""",
            "CREATE INDEX event_blocks_by_conn ON event_blocks (conn, last_id)",
            "CREATE INDEX event_blocks_by_id ON event_blocks (last_id)",
            """
            CREATE TABLE notes (
              id INTEGER PRIMARY KEY,
              conn INTEGER NOT NULL,
              code TEXT NOT NULL,
              detail TEXT NOT NULL,
              nanos INTEGER NOT NULL,
              wall_us INTEGER NOT NULL)""",
            "CREATE INDEX notes_by_conn ON notes (conn, id)");

    static final String INSERT_CONNECTION = "INSERT INTO connections (id, client, listener, mode, opened_nanos, "
            + "opened_wall_us, target, closed_nanos, closed_wall_us, c2s_bytes, s2c_bytes, asked_protocols, status, "
            + "outcome, protocol, frames, events) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final int CONNECTION_COLUMNS = 17;
    /** The columns of a connection that change while it lives: the last ones of an insert, the first of an update. */
    static final int CHANGING_COLUMNS = 11;
    static final String UPDATE_CONNECTION = "UPDATE connections SET target = ?, closed_nanos = ?, "
            + "closed_wall_us = ?, c2s_bytes = ?, s2c_bytes = ?, asked_protocols = ?, status = ?, outcome = ?, "
            + "protocol = ?, frames = ?, events = ? WHERE id = ?";
    static final String INSERT_CHUNK = "INSERT INTO chunks (conn, dir, offset, length, nanos, wall_us, bytes) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)";
    static final int CHUNK_COLUMNS = 7;
    static final String INSERT_EVENT = "INSERT INTO events (id, conn, kind, dir, offset, length, nanos, wall_us, "
            + "summary, attributes, findings, payload, payload_size) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** The number of columns {@link #INSERT_EVENT} binds. */
    static final int EVENT_COLUMNS = 13;

    static final String INSERT_BLOCK = "INSERT INTO event_blocks (conn, first_id, last_id, count, min_nanos, "
            + "max_nanos, min_wall_us, max_wall_us, c2s_start, c2s_end, s2c_start, s2c_end, data) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_NOTE = "INSERT INTO notes (id, conn, code, detail, nanos, wall_us) VALUES (?, ?, ?, ?, ?, ?)";
    static final String PUT_META = "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)";

    private SessionSchema() {
    }

    /** SQLite's page size for session files: large, as most of a file is raw bytes in blobs. */
    private static final int PAGE_SIZE = 32_768;

    /**
     * Opens a new, empty session file with SQLite set up for recording (WAL, large pages, the size
     * cap when {@code maxFileBytes} > 0), creates its tables and writes its meta rows, committed.
     * The connection is left with auto-commit off; on failure it is closed.
     */
    static Connection createFile(Path file, long maxFileBytes) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setGetGeneratedKeys(false); // ids are ours; asking for generated keys costs a query per insert
        Connection db = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            try (Statement s = db.createStatement()) {
                // the file is mostly raw bytes in large blobs: large pages cost few page
                // writes (each one a WAL frame with its own header, checksum and write) per byte stored
                s.execute("PRAGMA page_size=" + PAGE_SIZE);
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                // 16 MiB of page cache; fold the WAL back every 32 MiB rather than every 1,000 pages:
                // fewer checkpoints, each of which waits for the disk
                s.execute("PRAGMA cache_size=-16384");
                s.execute("PRAGMA wal_autocheckpoint=" + (32 << 20) / PAGE_SIZE);
                if (maxFileBytes > 0) {
                    s.execute("PRAGMA max_page_count=" + Math.max(16, maxFileBytes / PAGE_SIZE));
                }
                db.setAutoCommit(false);
                for (String ddl : DDL) {
                    s.execute(ddl);
                }
            }
            long now = System.currentTimeMillis() * 1000;
            try (PreparedStatement meta = db.prepareStatement(PUT_META)) {
                putMeta(meta, "format", FORMAT);
                putMeta(meta, "schema_version", Integer.toString(VERSION));
                putMeta(meta, "creator", "UpgradeScope");
                putMeta(meta, "created_wall_us", Long.toString(now));
            }
            db.commit();
            return db;
        } catch (SQLException | RuntimeException e) {
            try {
                db.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    static void putMeta(PreparedStatement meta, String key, String value) throws SQLException {
        meta.setString(1, key);
        meta.setString(2, value);
        meta.executeUpdate();
    }
}
