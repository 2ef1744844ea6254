package dev.upgradescope.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upgradescope.testpeers.JdkH2cConversation;
import dev.upgradescope.testpeers.RecordingRelay;
import dev.upgradescope.wire.Direction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events kept in blocks (session format 2) — plain WebSocket frames and messages as a few numbers,
 * every other event without a stored payload as written — read back exactly as the rows the same
 * recording writes with every event in a row of its own: every read of {@link SessionReader} is
 * compared between the two sessions, over WebSocket traffic of every shape, a permessage-deflate
 * conversation and a real h2c one.
 */
class CompactEventsTest {

    @TempDir
    static Path dir;
    static Path compact;
    static Path rows;
    static final List<Long> CONNS = new ArrayList<>();
    static long lastNanos;

    /** A real h2c conversation: the JDK client upgrading to Jetty 12, two GETs. */
    static RecordingRelay.Conversation h2c;

    @BeforeAll
    static void recordTheSameTrafficTwice() throws Exception {
        h2c = JdkH2cConversation.record(List.of("/first", "/second"));
        compact = record(dir.resolve("compact.upgradescope"), Recorder.Options.DEFAULTS);
        rows = record(dir.resolve("rows.upgradescope"), Recorder.Options.DEFAULTS.withoutCompactEvents());
    }

    @Test
    void theH2cConnectionsFramesAreMarkedWithTheirTypes() throws Exception {
        try (SessionReader a = SessionReader.open(compact)) {
            List<String> marks = marks(a, CONNS.get(CONNS.size() - 1), 0, 10_000);
            assertThat(marks).anyMatch(m -> m.contains(" h2-frame ") && m.endsWith(" SETTINGS"))
                    .anyMatch(m -> m.contains(" h2-frame ") && m.endsWith(" HEADERS"));
        }
    }

    @Test
    void mostEventsAreInBlocksAndTheRestInRows() throws Exception {
        long[] compactCounts = counts(compact);
        long[] rowCounts = counts(rows);
        assertThat(rowCounts[1]).as("blocks when every event has a row").isZero();
        assertThat(compactCounts[1]).as("blocks").isPositive();
        assertThat(compactCounts[0]).as("rows").isLessThan(rowCounts[0] / 10);
        try (SessionReader a = SessionReader.open(compact)) {
            long events = 0;
            for (ConnectionRow c : a.connections(0, 100)) {
                events += c.events();
            }
            assertThat(events).isEqualTo(rowCounts[0]);
        }
    }

    @Test
    void pagesOfEventsAreTheSame() throws Exception {
        try (SessionReader a = SessionReader.open(compact); SessionReader b = SessionReader.open(rows)) {
            for (long conn : CONNS) {
                for (int limit : new int[] {1, 7, 500, 100_000}) {
                    long after = 0;
                    while (true) {
                        List<EventRow> x = a.events(conn, after, limit);
                        assertThat(x).as("conn %d after %d limit %d", conn, after, limit)
                                .isEqualTo(b.events(conn, after, limit));
                        if (x.size() < limit) {
                            break;
                        }
                        after = x.get(x.size() - 1).id();
                    }
                }
            }
        }
    }

    @Test
    void singleEventsPayloadsIdsAndMarksAreTheSame() throws Exception {
        try (SessionReader a = SessionReader.open(compact); SessionReader b = SessionReader.open(rows)) {
            for (long conn : CONNS) {
                List<EventRow> all = b.events(conn, 0, 1_000_000);
                for (EventRow e : all) {
                    assertThat(a.event(e.id())).contains(e);
                    assertThat(a.payload(e.id()).map(Arrays::toString)).as("payload of %s", e)
                            .isEqualTo(b.payload(e.id()).map(Arrays::toString));
                }
                for (long after : new long[] {0, all.get(all.size() / 3).id(), all.get(all.size() - 2).id()}) {
                    assertThat(a.eventIds(conn, after, 37)).isEqualTo(b.eventIds(conn, after, 37));
                    assertThat(marks(a, conn, after, 53)).isEqualTo(marks(b, conn, after, 53));
                }
            }
            assertThat(a.event(Long.MAX_VALUE / 2)).isEmpty();
        }
    }

    @Test
    void readsByTimeAndByStreamOffsetAreTheSame() throws Exception {
        try (SessionReader a = SessionReader.open(compact); SessionReader b = SessionReader.open(rows)) {
            for (long conn : CONNS) {
                List<EventRow> all = b.events(conn, 0, 1_000_000);
                for (int k = 0; k < all.size(); k += Math.max(1, all.size() / 23)) {
                    EventRow e = all.get(k);
                    assertThat(a.eventsFrom(conn, e.wallMicros(), 29)).isEqualTo(b.eventsFrom(conn, e.wallMicros(), 29));
                    assertThat(a.lastEventIdAt(conn, e.nanos())).isEqualTo(b.lastEventIdAt(conn, e.nanos()));
                    if (e.dir() != null) {
                        assertThat(a.eventsAt(conn, e.dir(), e.offset() + 1, 17))
                                .isEqualTo(b.eventsAt(conn, e.dir(), e.offset() + 1, 17));
                    }
                }
                assertThat(a.lastEventIdAt(conn, lastNanos + 1)).isEqualTo(b.lastEventIdAt(conn, lastNanos + 1));
            }
        }
    }

    @Test
    void aDamagedBlockIsReportedWithWhereItIs() throws Exception {
        Path damaged = dir.resolve("damaged.upgradescope");
        Files.copy(compact, damaged);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + damaged);
             Statement s = db.createStatement()) {
            s.executeUpdate("UPDATE event_blocks SET data = x'01' WHERE id = (SELECT min(id) FROM event_blocks)");
        }
        try (SessionReader a = SessionReader.open(damaged)) {
            assertThatThrownBy(() -> {
                for (long conn : CONNS) {
                    a.events(conn, 0, 1_000_000);
                }
            }).isInstanceOf(SessionFormatException.class).hasMessageContaining("event block at id");
            assertThat(a.connectionCount()).isEqualTo(CONNS.size()); // the rest of the session still reads
        }
    }

    @Test
    void aFormatOneSessionWithoutBlocksStillReads() throws Exception {
        Path v1 = dir.resolve("v1.upgradescope");
        Files.copy(rows, v1);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + v1); Statement s = db.createStatement()) {
            s.executeUpdate("DROP TABLE event_blocks");
            s.executeUpdate("UPDATE meta SET value = '1' WHERE key = 'schema_version'");
        }
        try (SessionReader a = SessionReader.open(v1); SessionReader b = SessionReader.open(rows)) {
            assertThat(a.meta()).containsEntry("schema_version", "1");
            for (long conn : CONNS) {
                List<EventRow> all = b.events(conn, 0, 1_000_000);
                assertThat(a.events(conn, 0, 1_000_000)).isEqualTo(all);
                assertThat(a.event(all.get(all.size() - 1).id())).contains(all.get(all.size() - 1));
                assertThat(a.lastEventIdAt(conn, lastNanos)).isEqualTo(b.lastEventIdAt(conn, lastNanos));
            }
        }
    }

    private static List<String> marks(SessionReader r, long conn, long after, int limit) throws IOException {
        List<String> out = new ArrayList<>();
        r.forEachMark(conn, after, limit, (id, kind, d, nanos, opcode, type) -> out.add(id + " " + kind + " " + d
                + " " + nanos + " " + opcode + " " + type));
        return out;
    }

    private static long[] counts(Path file) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = db.createStatement()) {
            long[] out = new long[2];
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM events")) {
                out[0] = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'event_blocks'")) {
                if (rs.getLong(1) == 0) {
                    return out;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM event_blocks")) {
                out[1] = rs.getLong(1);
            }
            return out;
        }
    }

    /**
     * Two interleaved plain conversations of seeded random frames (text, binary, ping, pong,
     * fragments, 16- and 64-bit lengths, invalid UTF-8, a Close) split at random points, and the
     * recorded permessage-deflate conversation of Python websockets.
     */
    private static Path record(Path file, Recorder.Options options) throws Exception {
        CONNS.clear();
        try (CaptureStore store = CaptureStore.create(file)) {
            try (Recorder recorder = new Recorder(store, ConnectionDissection.standard(), options,
                    new SessionClock(0, 1_700_000_000_000_000L))) {
                Random random = new Random(6455);
                long nanos = 1_000_000_000L;
                long[] conns = new long[2];
                List<List<byte[]>> streams = new ArrayList<>();
                for (int k = 0; k < 2; k++) {
                    conns[k] = recorder.open(new ConnectionInfo("127.0.0.1:" + (50_000 + k), "127.0.0.1:8080",
                            ListenerMode.REVERSE, "server.example.com:80", 0, nanos));
                    CONNS.add(conns[k]);
                    recorder.chunk(conns[k], Direction.C2S, nanos += 1000, WsConversation.REQUEST);
                    recorder.chunk(conns[k], Direction.S2C, nanos += 1000, WsConversation.RESPONSE);
                }
                for (int round = 0; round < 400; round++) {
                    int k = random.nextInt(2);
                    Direction d = random.nextBoolean() ? Direction.C2S : Direction.S2C;
                    byte[] bytes = randomFrames(random, d == Direction.C2S, 1 + random.nextInt(12));
                    for (byte[] part : split(random, bytes)) {
                        recorder.chunk(conns[k], d, nanos += random.nextInt(5000), part);
                        if (random.nextInt(8) == 0) {
                            recorder.flush(); // blocks cut at many places
                        }
                    }
                }
                for (int k = 0; k < 2; k++) {
                    recorder.chunk(conns[k], Direction.C2S, nanos += 1000, frame(0x88, true,
                            new byte[] {0x03, (byte) 0xe8, 'b', 'y', 'e'}, random));
                    recorder.end(conns[k], Direction.C2S, nanos += 1000);
                    recorder.end(conns[k], Direction.S2C, nanos += 1000);
                }
                Path recording = Path.of("src/test/resources/recordings/python-websockets-10.4-deflate");
                long py = recorder.open(new ConnectionInfo("127.0.0.1:50002", "127.0.0.1:8080", ListenerMode.REVERSE,
                        "127.0.0.1:8765", 0, nanos));
                CONNS.add(py);
                recorder.chunk(py, Direction.C2S, nanos += 1000, Files.readAllBytes(recording.resolve("c2s.bin")));
                recorder.chunk(py, Direction.S2C, nanos += 1000, Files.readAllBytes(recording.resolve("s2c.bin")));
                recorder.end(py, Direction.C2S, nanos += 1000);
                recorder.end(py, Direction.S2C, nanos += 1000);
                long h2 = recorder.open(new ConnectionInfo("127.0.0.1:50003", "127.0.0.1:8080", ListenerMode.REVERSE,
                        "127.0.0.1:8081", 0, nanos));
                CONNS.add(h2);
                for (byte[] part : split(new Random(7540), h2c.c2s())) {
                    recorder.chunk(h2, Direction.C2S, nanos += 1000, part);
                }
                for (byte[] part : split(new Random(9113), h2c.s2c())) {
                    recorder.chunk(h2, Direction.S2C, nanos += 1000, part);
                }
                recorder.end(h2, Direction.C2S, nanos += 1000);
                recorder.end(h2, Direction.S2C, nanos += 1000);
                lastNanos = nanos;
                recorder.flush();
            }
        }
        return file;
    }

    private static byte[] randomFrames(Random random, boolean masked, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(20);
            byte[] payload;
            if (pick < 8) {
                payload = text(random, random.nextInt(200)).getBytes(StandardCharsets.UTF_8);
                out.writeBytes(frame(0x81, masked, payload, random));
            } else if (pick < 11) {
                payload = new byte[random.nextInt(400)];
                random.nextBytes(payload);
                out.writeBytes(frame(0x82, masked, payload, random));
            } else if (pick == 11) {
                out.writeBytes(frame(0x89, masked, "ping".getBytes(StandardCharsets.US_ASCII), random));
            } else if (pick == 12) {
                out.writeBytes(frame(0x8a, masked, new byte[0], random));
            } else if (pick == 13) { // a text message in two fragments with a ping between them
                out.writeBytes(frame(0x01, masked, "frag".getBytes(StandardCharsets.US_ASCII), random));
                out.writeBytes(frame(0x89, masked, new byte[0], random));
                out.writeBytes(frame(0x80, masked, "ment".getBytes(StandardCharsets.US_ASCII), random));
            } else if (pick == 14) { // invalid UTF-8: a finding, so a row of its own
                out.writeBytes(frame(0x81, masked, new byte[] {'a', (byte) 0xc3, 0x28}, random));
            } else if (pick == 15) { // 16-bit extended length
                out.writeBytes(frame(0x81, masked, text(random, 300 + random.nextInt(2000))
                        .getBytes(StandardCharsets.UTF_8), random));
            } else if (pick == 16 && random.nextInt(4) == 0) { // 64-bit extended length
                payload = new byte[70_000];
                random.nextBytes(payload);
                out.writeBytes(frame(0x82, masked, payload, random));
            } else {
                out.writeBytes(frame(0x81, masked, ("{\"n\":" + random.nextInt(1000) + ",\"t\":\"日本 ü\"}")
                        .getBytes(StandardCharsets.UTF_8), random));
            }
        }
        return out.toByteArray();
    }

    private static String text(Random random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(i % 17 == 5 ? 'é' : (char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    /** RFC 6455 §5.2: one frame with the shortest length encoding, masked with a random key. */
    static byte[] frame(int firstOctet, boolean masked, byte[] payload, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstOctet);
        int mask = masked ? 0x80 : 0;
        if (payload.length < 126) {
            out.write(mask | payload.length);
        } else if (payload.length < 65_536) {
            out.write(mask | 126);
            out.write(payload.length >> 8);
            out.write(payload.length);
        } else {
            out.write(mask | 127);
            for (int i = 7; i >= 0; i--) {
                out.write((int) ((long) payload.length >> (8 * i)));
            }
        }
        byte[] key = new byte[4];
        if (masked) {
            random.nextBytes(key);
            out.writeBytes(key);
        }
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ key[i & 3]);
        }
        return out.toByteArray();
    }

    private static List<byte[]> split(Random random, byte[] bytes) {
        List<byte[]> parts = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int n = Math.min(bytes.length - at, 1 + random.nextInt(random.nextBoolean() ? 16 : 4096));
            parts.add(Arrays.copyOfRange(bytes, at, at + n));
            at += n;
        }
        return parts;
    }
}
