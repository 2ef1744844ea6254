package dev.upgradescope.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.dissect.http2.FrameType;
import dev.upgradescope.wire.Direction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The light reads for large sessions: marks without the JSON parsed in Java, and pages of ids. */
class SessionReaderTest {

    @TempDir
    Path dir;

    private record Mark(long id, String kind, Direction dir, long nanos, int opcode, FrameType type) {
    }

    private static Map<String, Object> attrs(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private Path session() throws Exception {
        Path file = dir.resolve("marks.upgradescope");
        try (CaptureStore store = CaptureStore.create(file)) {
            for (int c = 0; c < 2; c++) {
                long id = store.nextConnectionId();
                store.connectionOpened(new ConnectionRow(id, "127.0.0.1:1", "127.0.0.1:8080", ListenerMode.FORWARD,
                        "h:80", 10, 20, -1, -1, 0, 0, List.of(), 0, null, "", 0, 0));
            }
            store.event(new EventRow(0, 1, "http-request", Direction.C2S, 0, 10, 100, 1, "GET /",
                    attrs("method", "GET", "opcode", 9), List.of(), -1), null);
            store.event(new EventRow(0, 2, "opaque", Direction.S2C, 0, 3, 150, 1, "other connection",
                    Map.of(), List.of(), -1), null);
            store.event(new EventRow(0, 1, EventRow.PROTOCOL_SWITCH, null, 0, 0, 200, 2, "websocket",
                    Map.of(), List.of(), -1), null);
            store.event(new EventRow(0, 1, "ws-frame", Direction.S2C, 10, 7, 300, 3, "TEXT",
                    attrs("fin", true, "opcode", 1, "type", "ignored"), List.of(), -1), null);
            store.event(new EventRow(0, 1, "h2-frame", Direction.C2S, 20, 9, 400, 4, "SETTINGS",
                    attrs("type", "SETTINGS", "opcode", 4), List.of(), -1), null);
            store.event(new EventRow(0, 1, "ws-frame", Direction.C2S, 30, 2, 500, 5, "broken",
                    attrs("fin", false), List.of(), -1), null);
        }
        return file;
    }

    @Test
    void marksCarryIdKindDirectionTimeAndOnlyTheFramesOpcodeOrType() throws Exception {
        Path file = session();
        try (SessionReader reader = SessionReader.open(file)) {
            List<Mark> marks = new ArrayList<>();
            int n = reader.forEachMark(1, 0, 100, (id, kind, d, nanos, opcode, type) ->
                    marks.add(new Mark(id, kind, d, nanos, opcode, type)));
            assertThat(n).isEqualTo(5);
            assertThat(marks).containsExactly(
                    new Mark(1, "http-request", Direction.C2S, 100, -1, null),
                    new Mark(3, EventRow.PROTOCOL_SWITCH, null, 200, -1, null),
                    new Mark(4, "ws-frame", Direction.S2C, 300, 1, null),
                    new Mark(5, "h2-frame", Direction.C2S, 400, -1, FrameType.SETTINGS),
                    new Mark(6, "ws-frame", Direction.C2S, 500, -1, null));
        }
    }

    @Test
    void marksArePagedAfterAnIdAndTheVisitorCanStop() throws Exception {
        Path file = session();
        try (SessionReader reader = SessionReader.open(file)) {
            List<Long> ids = new ArrayList<>();
            assertThat(reader.forEachMark(1, 3, 2, (id, kind, d, nanos, opcode, type) -> ids.add(id))).isEqualTo(2);
            assertThat(ids).containsExactly(4L, 5L);
            ids.clear();
            assertThat(reader.forEachMark(1, 0, 100, (id, kind, d, nanos, opcode, type) -> {
                ids.add(id);
                return ids.size() < 2;
            })).isEqualTo(2);
            assertThat(ids).containsExactly(1L, 3L);
            assertThat(reader.forEachMark(1, 6, 100, (id, kind, d, nanos, opcode, type) -> true)).isZero();
        }
    }

    @Test
    void eventIdsArePagedInOrderForOneConnection() throws Exception {
        Path file = session();
        try (SessionReader reader = SessionReader.open(file)) {
            assertThat(reader.eventIds(1, 0, 100)).containsExactly(1, 3, 4, 5, 6);
            assertThat(reader.eventIds(1, 1, 2)).containsExactly(3, 4);
            assertThat(reader.eventIds(2, 0, 100)).containsExactly(2);
            assertThat(reader.eventIds(1, 6, 100)).isEmpty();
            assertThat(reader.eventIds(9, 0, 100)).isEmpty();
        }
    }

    @Test
    void eventIdsOfALongConnectionGrowPastTheirFirstBuffer() throws Exception {
        Path file = dir.resolve("long.upgradescope");
        try (CaptureStore store = CaptureStore.create(file)) {
            long id = store.nextConnectionId();
            store.connectionOpened(new ConnectionRow(id, "c", "l", ListenerMode.FORWARD, "h:80", 0, 0, -1, -1, 0, 0,
                    List.of(), 0, null, "", 0, 0));
            for (int i = 0; i < 5000; i++) {
                store.event(new EventRow(0, id, "opaque", Direction.C2S, i, 1, i, i, "", Map.of(), List.of(), -1), null);
            }
        }
        try (SessionReader reader = SessionReader.open(file)) {
            long[] ids = reader.eventIds(1, 0, 10_000);
            assertThat(ids).hasSize(5000);
            assertThat(ids[0]).isEqualTo(1);
            assertThat(ids[4999]).isEqualTo(5000);
        }
    }

    @Test
    void theLastEventAtATimePlacesANoteAmongTheEvents() throws Exception {
        Path file = session();
        try (SessionReader reader = SessionReader.open(file)) {
            assertThat(reader.lastEventIdAt(1, 99)).isZero();
            assertThat(reader.lastEventIdAt(1, 100)).isEqualTo(1);
            assertThat(reader.lastEventIdAt(1, 350)).isEqualTo(4);
            assertThat(reader.lastEventIdAt(1, Long.MAX_VALUE)).isEqualTo(6);
            assertThat(reader.lastEventIdAt(2, 120)).isZero();
        }
    }
}
