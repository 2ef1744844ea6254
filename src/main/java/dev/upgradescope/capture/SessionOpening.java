package dev.upgradescope.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * Opens a session file for reading without creating anything beside it, and checks that it is a
 * session this version reads: an SQLite file whose meta table names the format and a version not
 * newer than ours, with every table of the schema.
 *
 * <p>SQLite creates a WAL database's {@code -wal} and {@code -shm} files even for a read-only
 * connection. When no {@code -wal} file exists, no writer has the file open (a writer keeps it until
 * it closes) and everything is in the database file, so it is opened immutable: read as it is,
 * with nothing created. A file that does not start with SQLite's header is refused before SQLite
 * sees it.
 */
final class SessionOpening {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** The tables every session has (see {@link SessionSchema#DDL}). */
    static final List<String> TABLES = List.of("meta", "connections", "chunks", "events", "event_blocks", "notes");

    private SessionOpening() {
    }

    static Connection open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such session file");
        }
        if (!startsWithSqliteHeader(file)) {
            throw new SessionFormatException(file + " is not an UpgradeScope session (not an SQLite file).");
        }
        boolean writerPresent = Files.exists(file.resolveSibling(file.getFileName() + "-wal"));
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        String uri = file.toAbsolutePath().toUri().toString() + (writerPresent ? "?mode=ro" : "?mode=ro&immutable=1");
        try {
            return config.createConnection("jdbc:sqlite:" + uri);
        } catch (SQLException e) {
            throw new IOException("Cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean startsWithSqliteHeader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        }
    }

    /** Refuses a file that is not a session, is of a newer format, or lacks some of the schema's tables. */
    static void checkFormat(SqlReads reads, Path file, Map<String, String> meta) throws IOException {
        if (!SessionSchema.FORMAT.equals(meta.get("format"))) {
            throw new SessionFormatException(file + " is not an UpgradeScope session.");
        }
        int version;
        try {
            version = Integer.parseInt(meta.getOrDefault("schema_version", "0"));
        } catch (NumberFormatException e) {
            version = Integer.MAX_VALUE;
        }
        if (version > SessionSchema.VERSION) {
            throw new SessionFormatException(file + " was written by a newer UpgradeScope (session format "
                    + meta.get("schema_version") + "); update UpgradeScope to open it.");
        }
        Set<String> present = new HashSet<>();
        reads.query("SELECT name FROM sqlite_master WHERE type = 'table'", ps -> {
        }, rs -> present.add(rs.getString(1)));
        List<String> missing = TABLES.stream().filter(t -> !present.contains(t)).toList();
        if (!missing.isEmpty()) {
            throw new SessionFormatException(file + " is a damaged UpgradeScope session: it has no "
                    + String.join(", ", missing) + " table" + (missing.size() > 1 ? "s" : "") + ".");
        }
    }
}
