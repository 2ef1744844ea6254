package dev.upgradescope.dissect.tls;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.OpaqueBytes;
import dev.upgradescope.wire.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The two byte streams of a TLS connection for tests, read from an annotated hex fixture
 * ({@code # comment}, {@code > c2s}, {@code < s2c}, then hex lines) or taken from engines, and
 * dissected at a chosen chunking: the client's stream first, then the server's.
 */
record Conversation(byte[] c2s, byte[] s2c) {

    static Conversation fixture(String resource) {
        try (InputStream in = Conversation.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            ByteArrayOutputStream c = new ByteArrayOutputStream();
            ByteArrayOutputStream s = new ByteArrayOutputStream();
            ByteArrayOutputStream current = c;
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                if (t.startsWith(">")) {
                    current = c;
                } else if (t.startsWith("<")) {
                    current = s;
                } else {
                    current.writeBytes(HexFormat.of().parseHex(t.replace(" ", "")));
                }
            }
            return new Conversation(c.toByteArray(), s.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] bytes(Direction dir) {
        return dir == Direction.C2S ? c2s : s2c;
    }

    /** Feeds each direction in chunks of at most {@code chunk} bytes (0: all at once), then ends it. */
    List<Unit> dissect(int chunk) {
        TlsDissector d = new TlsDissector();
        List<Unit> out = new ArrayList<>();
        for (Direction dir : Direction.values()) {
            byte[] b = bytes(dir);
            int step = chunk <= 0 ? Math.max(1, b.length) : chunk;
            for (int i = 0; i < b.length; i += step) {
                out.addAll(d.feed(dir, i, b, i, Math.min(b.length, i + step)));
            }
            out.addAll(d.end(dir));
        }
        return coalesce(out);
    }

    /** Feeds each direction split at {@code split} (clamped), then ends it. */
    List<Unit> dissectSplit(int split) {
        TlsDissector d = new TlsDissector();
        List<Unit> out = new ArrayList<>();
        for (Direction dir : Direction.values()) {
            byte[] b = bytes(dir);
            int k = Math.min(split, b.length);
            out.addAll(d.feed(dir, 0, b, 0, k));
            out.addAll(d.feed(dir, k, b, k, b.length));
            out.addAll(d.end(dir));
        }
        return coalesce(out);
    }

    /** Joins adjacent opaque runs of one direction (live feeding emits one per chunk after framing is lost). */
    static List<Unit> coalesce(List<Unit> units) {
        List<Unit> out = new ArrayList<>();
        for (Unit u : units) {
            if (u.length() == 0 && u instanceof OpaqueBytes o && o.findings().isEmpty()) {
                continue;
            }
            if (!out.isEmpty() && out.get(out.size() - 1) instanceof OpaqueBytes prev && u instanceof OpaqueBytes next
                    && prev.dir() == next.dir() && prev.offset() + prev.length() == next.offset()
                    && next.findings().isEmpty() && prev.reason().equals(next.reason())) {
                out.set(out.size() - 1, new OpaqueBytes(prev.dir(), prev.offset(), prev.length() + next.length(),
                        prev.reason(), prev.findings()));
            } else {
                out.add(u);
            }
        }
        return out;
    }
}
