package dev.upgradescope.fuzz;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.StreamDissector;
import dev.upgradescope.wire.Unit;
import java.util.List;

/** Feeds a {@link StreamDissector} the two streams of a fuzz input, chunk by chunk, and checks each unit. */
final class Streams {

    private Streams() {
    }

    /**
     * Alternates one chunk of each direction (starting with the server's when {@code s2cFirst}),
     * then ends both directions, checking every unit produced against {@code bounds}.
     */
    static void feedInterleaved(StreamDissector d, TwoStreams in, long c2sStart, long s2cStart, boolean s2cFirst,
                                Bounds bounds) {
        long c2sAt = c2sStart;
        long s2cAt = s2cStart;
        List<byte[]> c2s = in.c2sChunks();
        List<byte[]> s2c = in.s2cChunks();
        for (int i = 0; i < Math.max(c2s.size(), s2c.size()); i++) {
            for (int turn = 0; turn < 2; turn++) {
                boolean server = (turn == 0) == s2cFirst;
                List<byte[]> chunks = server ? s2c : c2s;
                if (i < chunks.size()) {
                    byte[] chunk = chunks.get(i);
                    long at = server ? s2cAt : c2sAt;
                    check(d.feed(server ? Direction.S2C : Direction.C2S, at, chunk), bounds);
                    if (server) {
                        s2cAt += chunk.length;
                    } else {
                        c2sAt += chunk.length;
                    }
                }
            }
        }
        Direction first = s2cFirst ? Direction.S2C : Direction.C2S;
        check(d.end(first), bounds);
        check(d.end(first == Direction.C2S ? Direction.S2C : Direction.C2S), bounds);
    }

    static void check(List<Unit> units, Bounds bounds) {
        for (Unit u : units) {
            bounds.unit(u);
        }
    }
}
