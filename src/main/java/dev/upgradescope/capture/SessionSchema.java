package dev.upgradescope.capture;

import java.util.List;

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
}
