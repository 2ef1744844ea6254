package dev.upgradescope.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionFilesTest {

    @TempDir
    Path dir;

    @Test
    void aSessionAndItsWriteAheadFilesAreOwnerOnly() throws Exception {
        assumeTrue(SessionFiles.posix());
        Path file = dir.resolve("s.upgradescope");
        try (CaptureStore store = CaptureStore.create(file)) {
            long conn = store.nextConnectionId();
            store.chunk(conn, dev.upgradescope.wire.Direction.C2S, 0, 1, 1, "secret".getBytes());
            store.flush();
            Path wal = dir.resolve("s.upgradescope-wal");
            Path shm = dir.resolve("s.upgradescope-shm");
            assertThat(wal).exists();
            assertThat(shm).exists();
            // SQLite gives -wal and -shm the database file's own mode
            for (Path p : new Path[] {file, wal, shm}) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
                        .as(p.getFileName().toString()).isEqualTo("rw-------");
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        Path file = Files.writeString(dir.resolve("s.upgradescope"), "keep me");
        assertThatThrownBy(() -> CaptureStore.create(file)).hasMessageContaining("already exists");
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void readingAFileItRefusesCreatesNothingBesideIt() throws Exception {
        Path other = dir.resolve("other.db");
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE t (x)");
        }
        assertThat(dir.resolve("other.db-wal")).doesNotExist();
        assertThatThrownBy(() -> SessionReader.open(other)).isInstanceOf(SessionFormatException.class);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("other.db");
        }
    }

    @Test
    void readingAClosedSessionCreatesNothingBesideIt() throws Exception {
        Path file = dir.resolve("s.upgradescope");
        CaptureStore.create(file).close();
        try (SessionReader reader = SessionReader.open(file)) {
            assertThat(reader.connectionCount()).isZero();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("s.upgradescope");
        }
    }

    @Test
    void aSessionWithItsMetaTableButMissingTablesIsRefusedAsDamaged() throws Exception {
        Path file = dir.resolve("s.upgradescope");
        CaptureStore.create(file).close();
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = db.createStatement()) {
            s.execute("DROP TABLE events");
            s.execute("DROP TABLE notes");
        }
        assertThatThrownBy(() -> SessionReader.open(file)).isInstanceOf(SessionFormatException.class)
                .hasMessageContaining("damaged").hasMessageContaining("events, notes tables");
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedBeforeSqliteOpensIt() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.upgradescope"), "not a database\n".repeat(200));
        assertThatThrownBy(() -> SessionReader.open(text)).isInstanceOf(SessionFormatException.class)
                .hasMessageContaining("not an SQLite file");
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(1);
        }
    }

    @Test
    void aLiveSessionIsReadWhileItsWriterRecords() throws Exception {
        Path file = dir.resolve("s.upgradescope");
        try (CaptureStore store = CaptureStore.create(file)) {
            store.flush();
            try (SessionReader reader = SessionReader.open(file)) {
                assertThat(reader.closedCleanly()).isFalse();
            }
        }
        try (SessionReader reader = SessionReader.open(file)) {
            assertThat(reader.closedCleanly()).isTrue();
        }
    }
}
