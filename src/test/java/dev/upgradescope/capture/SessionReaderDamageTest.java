package dev.upgradescope.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upgradescope.wire.Direction;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session whose stored values were damaged (a byte of an attributes or findings column
 * overwritten, as the session-reader fuzz target does) is reported as a damaged file, a
 * {@link SessionFormatException} naming it, never as an unchecked exception from decoding.
 */
class SessionReaderDamageTest {

    @TempDir
    Path dir;

    private Path session() throws Exception {
        Path file = dir.resolve("damaged.upgradescope");
        try (CaptureStore store = CaptureStore.create(file)) {
            long id = store.nextConnectionId();
            store.connectionOpened(new ConnectionRow(id, "127.0.0.1:1", "127.0.0.1:8080", ListenerMode.FORWARD,
                    "h:80", 10, 20, -1, -1, 0, 0, List.of("websocket"), 0, null, "", 0, 0));
            store.event(new EventRow(0, id, "http-request", Direction.C2S, 0, 10, 100, 1, "GET /",
                    Map.of("method", "GET"), List.of(), -1), null);
        }
        return file;
    }

    private void update(Path file, String sql) throws Exception {
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            db.createStatement().execute(sql);
        }
    }

    @Test
    void anUndamagedSessionReads() throws Exception {
        Path file = session();
        try (SessionReader reader = SessionReader.open(file)) {
            assertThat(reader.events(1, 0, 10)).singleElement()
                    .satisfies(e -> assertThat(e.attributes()).containsEntry("method", "GET"));
        }
    }

    /** The byte 0x05 the fuzzer wrote into a stored attributes value (an unescaped control character). */
    @Test
    void attributesThatAreNotJsonAnyMoreAreADamagedFile() throws Exception {
        Path file = session();
        update(file, "UPDATE events SET attributes = '{\"method\":\"G' || char(5) || 'T\"}'");
        try (SessionReader reader = SessionReader.open(file)) {
            assertThatThrownBy(() -> reader.events(1, 0, 10)).isInstanceOf(SessionFormatException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("is damaged");
            assertThatThrownBy(() -> reader.event(1)).isInstanceOf(SessionFormatException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[{\"code\":\"x\",\"range\":{\"dir\":\"zz\",\"offset\":0,\"length\":1}}]",
        "[{\"code\":\"x\",\"range\":{\"dir\":\"c2s\",\"offset\":-5,\"length\":1}}]",
        "[{\"code\":\"x\",\"range\":{\"buffer\":\"b\",\"offset\":0,\"length\":1}}]",
        "[{\"code\":\"x\",\"range\":{\"buffer\":\"b\",\"origin\":{\"buffer\":\"c\"}}}]",
        "[1,"
    })
    void findingsThatNoLongerDecodeAreADamagedFile(String findings) throws Exception {
        Path file = session();
        update(file, "UPDATE events SET findings = '" + findings + "'");
        try (SessionReader reader = SessionReader.open(file)) {
            assertThatThrownBy(() -> reader.events(1, 0, 10)).isInstanceOf(SessionFormatException.class)
                    .hasMessageContaining("is damaged");
        }
    }

    @Test
    void askedProtocolsThatAreNotAJsonListAreADamagedFile() throws Exception {
        Path file = session();
        update(file, "UPDATE connections SET asked_protocols = '[\"websocket'");
        try (SessionReader reader = SessionReader.open(file)) {
            assertThatThrownBy(() -> reader.connections(0, 10)).isInstanceOf(SessionFormatException.class)
                    .hasMessageContaining("is damaged");
        }
    }
}
