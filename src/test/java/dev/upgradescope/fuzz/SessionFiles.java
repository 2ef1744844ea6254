package dev.upgradescope.fuzz;

import dev.upgradescope.capture.CaptureStore;
import dev.upgradescope.capture.ConnectionDissection;
import dev.upgradescope.capture.ConnectionInfo;
import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.capture.Recorder;
import dev.upgradescope.capture.SessionReader;
import dev.upgradescope.wire.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The undamaged session the session-reader target mutates: two connections recorded by the real
 * recorder and dissectors from conversations kept in the test resources (Python {@code websockets}
 * with permessage-deflate, and an h2c upgrade request that was never answered), then rewritten by
 * SQLite with 1 KiB pages ({@code VACUUM}; same schema and rows) so that most of the file's bytes
 * are ones the reader reads and the fuzzer's edits land on them.
 *
 * <p>It is committed beside the seeds ({@value #RESOURCE}, written by {@link FuzzSeeds}) so the
 * regression runs do not record it each time; if the reader no longer opens it (the session
 * format changed), it is recorded afresh.
 */
final class SessionFiles {

    static final String RESOURCE = "/dev/upgradescope/fuzz/base-session.bin";

    private static byte[] base;

    private SessionFiles() {
    }

    static synchronized byte[] base() {
        if (base == null) {
            try {
                byte[] committed = resourceOrNull(RESOURCE);
                base = committed != null && readable(committed) ? committed : record();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return base;
    }

    /** Records the two conversations into a fresh session and returns its bytes, compacted. */
    static byte[] record() throws IOException {
        Path dir = Files.createTempDirectory("upgradescope-fuzz-base");
        Path file = dir.resolve("base.upgradescope");
        try {
            try (CaptureStore store = CaptureStore.create(file)) {
                try (Recorder recorder = new Recorder(store, ConnectionDissection.standard())) {
                    conversation(recorder, resource("/recordings/python-websockets-10.4-deflate/c2s.bin"),
                            resource("/recordings/python-websockets-10.4-deflate/s2c.bin"));
                    conversation(recorder, resource("/http1/curl-7.88-h2c-request.http"), new byte[0]);
                }
            }
            compact(file);
            return Files.readAllBytes(file);
        } finally {
            deleteTree(dir);
        }
    }

    private static void compact(Path file) throws IOException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=DELETE");
            s.execute("PRAGMA page_size=1024");
            s.execute("VACUUM");
        } catch (SQLException e) {
            throw new IOException("cannot compact " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean readable(byte[] session) throws IOException {
        Path dir = Files.createTempDirectory("upgradescope-fuzz-check");
        try {
            Path file = Files.write(dir.resolve("base.upgradescope"), session);
            try (SessionReader reader = SessionReader.open(file)) {
                return reader.connectionCount() == 2;
            } catch (IOException e) {
                return false;
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private static void conversation(Recorder recorder, byte[] c2s, byte[] s2c) {
        long t = 1_000_000L;
        long conn = recorder.open(new ConnectionInfo("127.0.0.1:50000", "127.0.0.1:8080", ListenerMode.REVERSE,
                "127.0.0.1:9000", 1_700_000_000_000L, t));
        recorder.chunk(conn, Direction.C2S, t + 1, c2s);
        if (s2c.length > 0) {
            recorder.chunk(conn, Direction.S2C, t + 2, s2c);
        }
        recorder.end(conn, Direction.C2S, t + 3);
        recorder.end(conn, Direction.S2C, t + 4);
    }

    static byte[] resource(String path) throws IOException {
        byte[] b = resourceOrNull(path);
        if (b == null) {
            throw new IOException("no test resource " + path);
        }
        return b;
    }

    private static byte[] resourceOrNull(String path) throws IOException {
        try (InputStream in = SessionFiles.class.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
