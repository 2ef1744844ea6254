package dev.upgradescope.cli;

import dev.upgradescope.dissect.ConnectionDissector;
import dev.upgradescope.dissect.DissectionEvent;
import dev.upgradescope.dissect.upgrade.HandshakeAnalysis;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Unit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One recorded TCP conversation as two files, one per direction, dissected as it is read: the
 * client's bytes first, then the server's, in pieces of {@value #PIECE} bytes as the proxy records
 * them, so memory does not grow with the files. The handshakes and the units come from two reads
 * of the files (the handshakes are printed first, but the last of them may be known only at the end).
 */
final class ConversationFiles {

    /** How much of a file is read and dissected at once. */
    static final int PIECE = 64 * 1024;

    private final Path c2s;
    private final Path s2c;

    ConversationFiles(Path c2s, Path s2c) {
        this.c2s = readable(c2s);
        this.s2c = readable(s2c);
    }

    private static Path readable(Path file) {
        if (!Files.exists(file)) {
            throw new CommandFailure("no such file: " + file);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new CommandFailure("cannot read " + file + ": not a readable file");
        }
        return file;
    }

    /** Every exchange that asked to switch protocols (or was answered 101/426), in order. */
    List<HandshakeAnalysis> handshakes() {
        Map<Long, HandshakeAnalysis> byRequest = new LinkedHashMap<>();
        dissect(e -> {
            if (e instanceof DissectionEvent.HandshakeAnalysed h) {
                byRequest.put(h.requestOffset(), h.analysis());
            }
        });
        return List.copyOf(byRequest.values());
    }

    /** Hands every unit to {@code sink} as it is dissected, in order. */
    void units(Consumer<Unit> sink) {
        dissect(e -> {
            if (e instanceof DissectionEvent.UnitDissected u) {
                sink.accept(u.unit());
            }
        });
    }

    private void dissect(Consumer<DissectionEvent> sink) {
        ConnectionDissector dissector = new ConnectionDissector();
        feed(dissector, Direction.C2S, c2s, sink);
        feed(dissector, Direction.S2C, s2c, sink);
        dissector.end(Direction.C2S).forEach(sink);
        dissector.end(Direction.S2C).forEach(sink);
    }

    private static void feed(ConnectionDissector dissector, Direction dir, Path file, Consumer<DissectionEvent> sink) {
        try (InputStream in = Files.newInputStream(file)) {
            long offset = 0;
            for (byte[] piece = in.readNBytes(PIECE); piece.length > 0; piece = in.readNBytes(PIECE)) {
                dissector.feed(dir, offset, piece).forEach(sink);
                offset += piece.length;
            }
        } catch (NoSuchFileException e) {
            throw new CommandFailure("no such file: " + file);
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + file + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw e; // the output failed, not the input: the caller reports it
        }
    }
}
