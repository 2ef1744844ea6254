package dev.upgradescope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.capture.EventRow;
import dev.upgradescope.capture.SessionReader;
import dev.upgradescope.wire.Direction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The session reader on a damaged file: a real session whose bytes the input overwrites, read the
 * way the window and the command line read it. An {@link IOException} (a
 * {@code SessionFormatException} or an error naming the file) is the expected answer to damage;
 * any other exception or {@code Error} is a bug.
 *
 * <p>Input: byte 0, when odd, cuts the file at a length taken from bytes 1-3; then every 4 bytes
 * are one edit: a 24-bit offset (modulo the file's length) and the byte written there.
 */
class SessionReaderFuzzTest {

    private static final int MAX_ROWS = 200;
    private static Path dir;

    @FuzzTest
    void damagedSession(byte[] input) throws Exception {
        byte[] file = damage(SessionFiles.base(), input);
        Path path = write(file);
        MemoryBudget.run("reading a damaged session", file.length, () -> read(path));
    }

    private static void read(Path path) {
        try (SessionReader reader = SessionReader.open(path)) {
            readEverything(reader);
        } catch (IOException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("an error without a message", expected);
            }
        }
    }

    static byte[] damage(byte[] base, byte[] input) {
        byte[] b = base.clone();
        int from = 0;
        if (input.length >= 4 && (input[0] & 1) != 0) {
            int cut = ((input[1] & 0xff) << 16 | (input[2] & 0xff) << 8 | (input[3] & 0xff)) % (b.length + 1);
            b = Arrays.copyOf(b, cut);
            from = 4;
        }
        for (int i = from; i + 3 < input.length && b.length > 0; i += 4) {
            int at = ((input[i] & 0xff) << 16 | (input[i + 1] & 0xff) << 8 | (input[i + 2] & 0xff)) % b.length;
            b[at] = input[i + 3];
        }
        return b;
    }

    private static void readEverything(SessionReader reader) throws IOException {
        reader.meta();
        reader.closedCleanly();
        reader.connectionCount();
        for (ConnectionRow c : reader.connections(0, MAX_ROWS)) {
            reader.connection(c.id());
            for (EventRow e : reader.events(c.id(), 0, MAX_ROWS)) {
                reader.event(e.id());
                reader.payload(e.id());
                if (e.dir() != null) {
                    reader.eventsAt(c.id(), e.dir(), e.offset(), 4);
                    reader.wallMicrosAt(c.id(), e.dir(), e.offset());
                }
            }
            reader.eventsFrom(c.id(), 0, MAX_ROWS);
            reader.forEachMark(c.id(), 0, MAX_ROWS, (id, kind, d, nanos, opcode, type) -> true);
            reader.eventIds(c.id(), 0, MAX_ROWS);
            reader.lastEventIdAt(c.id(), Long.MAX_VALUE);
            reader.notes(c.id());
            for (Direction d : Direction.values()) {
                long size = d == Direction.C2S ? c.c2sBytes() : c.s2cBytes();
                reader.bytes(c.id(), d, 0, (int) Math.max(0, Math.min(size, 1 << 16)));
            }
            int[] chunks = {0};
            reader.forEachChunk(c.id(), chunk -> ++chunks[0] < MAX_ROWS);
        }
    }

    private static synchronized Path write(byte[] file) {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("upgradescope-fuzz-session");
                dir.toFile().deleteOnExit();
            }
            Path path = dir.resolve("damaged.upgradescope");
            for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
                Files.deleteIfExists(dir.resolve("damaged.upgradescope" + suffix));
            }
            Files.write(path, file);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
