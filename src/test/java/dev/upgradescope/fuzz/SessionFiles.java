package dev.upgradescope.fuzz;

import dev.upgradescope.capture.CaptureStore;
import dev.upgradescope.capture.ConnectionDissection;
import dev.upgradescope.capture.ConnectionInfo;
import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.capture.Recorder;
import dev.upgradescope.wire.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The undamaged session the session-reader target mutates: recorded once per JVM by the real
 * recorder and dissectors from conversations kept in the test resources (Python {@code websockets}
 * with permessage-deflate, and an h2c upgrade whose server never answers).
 */
final class SessionFiles {

    private static byte[] base;

    private SessionFiles() {
    }

    static synchronized byte[] base() {
        if (base == null) {
            try {
                base = record();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return base;
    }

    private static byte[] record() throws IOException {
        Path dir = Files.createTempDirectory("upgradescope-fuzz-base");
        Path file = dir.resolve("base.upgradescope");
        try (CaptureStore store = CaptureStore.create(file)) {
            try (Recorder recorder = new Recorder(store, ConnectionDissection.standard())) {
                conversation(recorder, resource("/recordings/python-websockets-10.4-deflate/c2s.bin"),
                        resource("/recordings/python-websockets-10.4-deflate/s2c.bin"));
                conversation(recorder, resource("/http1/curl-7.88-h2c-request.http"), new byte[0]);
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
        return bytes;
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
        try (InputStream in = SessionFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("no test resource " + path);
            }
            return in.readAllBytes();
        }
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
