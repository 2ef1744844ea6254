package dev.upgradescope.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upgradescope.dissect.upgrade.UpgradeOutcome;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Severity;
import dev.upgradescope.wire.SpecRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureStoreTest {

    @TempDir
    Path dir;

    private static ConnectionRow row(long id) {
        return new ConnectionRow(id, "127.0.0.1:1", "127.0.0.1:8080", ListenerMode.FORWARD, "h:80", 10, 20, -1, -1,
                0, 0, List.of(), 0, null, "", 0, 0);
    }

    @Test
    void whatIsWrittenReadsBackTheSame() throws Exception {
        Path file = dir.resolve("rt.upgradescope");
        Finding decoded = new Finding("h2.settings.bad", Severity.ERROR, SpecRef.rfc(7540, "3.2.1"), List.of("a", "1"),
                new ByteRange.InDecoded("HTTP2-Settings (decoded)", 6, 6, ByteRange.of(Direction.C2S, 40, 12)));
        Finding none = new Finding("ws.x", Severity.WARNING, SpecRef.rfc(6455, "5.2"), List.of(), null);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("z", 1);
        attributes.put("a", List.of(List.of("Host", "h")));
        attributes.put("fin", true);
        EventRow stored;
        try (CaptureStore store = CaptureStore.create(file)) {
            long id = store.nextConnectionId();
            store.connectionOpened(row(id));
            store.chunk(id, Direction.C2S, 0, 100, 1_000, "abc".getBytes());
            store.chunk(id, Direction.C2S, 3, 200, 2_000, "defg".getBytes());
            store.chunk(id, Direction.S2C, 0, 300, 3_000, "xyz".getBytes());
            stored = store.event(new EventRow(0, id, "h2-frame", Direction.C2S, 1, 5, 200, 2_000, "SETTINGS",
                    attributes, List.of(decoded, none), 4), new byte[] {9, 8, 7, 6});
            store.note(id, new ConnectionNote("upstream.refused", "Connection refused", 400), 4_000);
            store.connectionUpdated(new ConnectionRow(id, "127.0.0.1:1", "127.0.0.1:8080", ListenerMode.FORWARD,
                    "h:81", 10, 20, -1, -1, 7, 3, List.of("h2c"), 101, UpgradeOutcome.UPGRADED, "h2c", 1, 1));
            store.connectionClosed(new ConnectionRow(id, "127.0.0.1:1", "127.0.0.1:8080", ListenerMode.FORWARD,
                    "h:81", 10, 20, 500, 5_000, 7, 3, List.of("h2c"), 101, UpgradeOutcome.UPGRADED, "h2c", 1, 1));
        }
        try (SessionReader reader = SessionReader.open(file)) {
            assertThat(reader.meta()).containsEntry("format", "upgradescope-session").containsEntry("schema_version", "2");
            assertThat(reader.connectionCount()).isEqualTo(1);
            ConnectionRow c = reader.connections(0, 10).get(0);
            assertThat(c).isEqualTo(new ConnectionRow(1, "127.0.0.1:1", "127.0.0.1:8080", ListenerMode.FORWARD,
                    "h:81", 10, 20, 500, 5_000, 7, 3, List.of("h2c"), 101, UpgradeOutcome.UPGRADED, "h2c", 1, 1));
            EventRow read = reader.event(stored.id()).orElseThrow();
            assertThat(read).isEqualTo(stored);
            assertThat(List.copyOf(read.attributes().keySet())).containsExactly("z", "a", "fin");
            assertThat(reader.payload(stored.id())).hasValue(new byte[] {9, 8, 7, 6});
            assertThat(reader.notes(1)).containsExactly(new NoteRow(1, 1, "upstream.refused", "Connection refused", 400, 4_000));
            assertThat(new String(reader.bytes(1, Direction.C2S, 0, 7))).isEqualTo("abcdefg");
            assertThat(new String(reader.bytes(1, Direction.C2S, 2, 3))).isEqualTo("cde");
            assertThat(new String(reader.bytes(1, Direction.C2S, 5, 100))).isEqualTo("fg");
            assertThat(reader.bytes(1, Direction.C2S, 7, 10)).isEmpty();
            assertThat(reader.wallMicrosAt(1, Direction.C2S, 4)).hasValue(2_000);
            assertThat(reader.eventsFrom(1, 2_000, 10)).hasSize(1);
            assertThat(reader.eventsFrom(1, 2_001, 10)).isEmpty();
            assertThat(reader.eventsAt(1, Direction.C2S, 5, 10)).hasSize(1);
            assertThat(reader.eventsAt(1, Direction.C2S, 6, 10)).isEmpty();
        }
    }

    @Test
    void connectionsAndEventsArePaged() throws Exception {
        Path file = dir.resolve("paged.upgradescope");
        try (CaptureStore store = CaptureStore.create(file)) {
            for (int i = 0; i < 25; i++) {
                store.connectionOpened(row(store.nextConnectionId()));
            }
            for (int i = 0; i < 30; i++) {
                store.event(new EventRow(0, 3, "opaque", Direction.S2C, i, 1, i, i, i + " bytes", Map.of(), List.of(), -1), null);
            }
        }
        try (SessionReader reader = SessionReader.open(file)) {
            assertThat(reader.connections(0, 10)).extracting(ConnectionRow::id).startsWith(1L).hasSize(10);
            assertThat(reader.connections(20, 10)).extracting(ConnectionRow::id).containsExactly(21L, 22L, 23L, 24L, 25L);
            List<EventRow> first = reader.events(3, 0, 12);
            assertThat(first).hasSize(12);
            List<EventRow> next = reader.events(3, first.get(11).id(), 100);
            assertThat(next).hasSize(18);
            assertThat(next.get(0).summary()).isEqualTo("12 bytes");
        }
    }

    @Test
    void nothingIsVisibleBeforeACommitAndEverythingAfterAFlush() throws Exception {
        Path file = dir.resolve("batch.upgradescope");
        CaptureStore.Options slow = CaptureStore.Options.DEFAULTS.withCommitMillis(TimeUnit.HOURS.toMillis(1));
        try (CaptureStore store = CaptureStore.create(file, slow); SessionReader reader = SessionReader.open(file)) {
            long id = store.nextConnectionId();
            store.connectionOpened(row(id));
            for (int i = 0; i < 100; i++) {
                store.chunk(id, Direction.C2S, i, i, i, new byte[] {(byte) i});
            }
            assertThat(reader.connectionCount()).isZero();
            store.flush();
            assertThat(reader.connectionCount()).isEqualTo(1);
            assertThat(reader.bytes(id, Direction.C2S, 0, 1000)).hasSize(100);
        }
    }

    @Test
    void aTransactionIsCommittedAfterCommitRowsWithoutWaitingForTheTimer() throws Exception {
        Path file = dir.resolve("rows.upgradescope");
        CaptureStore.Options options = new CaptureStore.Options(1 << 20, TimeUnit.HOURS.toMillis(1), 50, 0);
        try (CaptureStore store = CaptureStore.create(file, options); SessionReader reader = SessionReader.open(file)) {
            long id = store.nextConnectionId();
            store.connectionOpened(row(id));
            for (int i = 0; i < 2000; i++) {
                store.chunk(id, Direction.C2S, i, i, i, new byte[] {(byte) i});
            }
            long seen = 0;
            for (int attempt = 0; attempt < 200 && seen < 1500; attempt++) {
                Thread.sleep(50);
                seen = reader.bytes(id, Direction.C2S, 0, 10_000).length;
            }
            assertThat(seen).as("bytes committed by row count alone").isGreaterThanOrEqualTo(1500);
        }
    }

    @Test
    void anExistingFileIsNotOverwritten() throws Exception {
        Path file = Files.writeString(dir.resolve("taken.upgradescope"), "x");
        assertThatThrownBy(() -> CaptureStore.create(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    void aFileThatCannotBeCreatedFailsAtOnceWithTheReason() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain"), "x");
        assertThatThrownBy(() -> CaptureStore.create(notADirectory.resolve("s.upgradescope")))
                .isInstanceOf(IOException.class).hasMessageContaining("Cannot create session file");
    }

    @Test
    void aNewerFormatIsRefusedWithAClearMessage() throws Exception {
        Path file = dir.resolve("new.upgradescope");
        CaptureStore.create(file).close();
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
            db.createStatement().execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
        }
        assertThatThrownBy(() -> SessionReader.open(file)).isInstanceOf(SessionFormatException.class)
                .hasMessageContaining("newer UpgradeScope");
    }
}
