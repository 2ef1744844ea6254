package dev.upgradescope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.upgradescope.dissect.ConnectionDissector;
import dev.upgradescope.dissect.DissectionEvent;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import java.util.List;

/**
 * The whole {@code dissect} path: a connection's two streams, cut into chunks at fuzzed points and
 * interleaved, through {@link ConnectionDissector} (HTTP/1.1, the upgrade analysis, then
 * WebSocket, HTTP/2, TLS, a CONNECT tunnel or opaque bytes).
 *
 * <p>Flags: bits 0-1 the arrival order (alternating chunks starting with the client, alternating
 * starting with the server, all the client's bytes first, all the server's first); bit 2 the
 * server's stream ends first.
 */
class ConnectionFuzzTest {

    @FuzzTest
    void wholeConnection(byte[] input) throws Exception {
        MemoryBudget.run("the dissect path", input.length, () -> dissect(TwoStreams.of(input)));
    }

    private static void dissect(TwoStreams in) {
        Bounds bounds = new Bounds(0, in.c2s().length, 0, in.s2c().length);
        ConnectionDissector dissector = new ConnectionDissector();
        long[] at = new long[2];
        List<byte[]> c2s = in.c2sChunks();
        List<byte[]> s2c = in.s2cChunks();
        int order = in.flags() & 3;
        if (order >= 2) {
            List<byte[]> first = order == 2 ? c2s : s2c;
            feedAll(dissector, order == 2 ? Direction.C2S : Direction.S2C, first, at, bounds);
            feedAll(dissector, order == 2 ? Direction.S2C : Direction.C2S, order == 2 ? s2c : c2s, at, bounds);
        } else {
            for (int i = 0; i < Math.max(c2s.size(), s2c.size()); i++) {
                for (int turn = 0; turn < 2; turn++) {
                    Direction dir = (turn == 0) == (order == 0) ? Direction.C2S : Direction.S2C;
                    List<byte[]> chunks = dir == Direction.C2S ? c2s : s2c;
                    if (i < chunks.size()) {
                        feed(dissector, dir, chunks.get(i), at, bounds);
                    }
                }
            }
        }
        Direction endsFirst = (in.flags() & 4) != 0 ? Direction.S2C : Direction.C2S;
        check(dissector.end(endsFirst), bounds);
        check(dissector.end(endsFirst == Direction.C2S ? Direction.S2C : Direction.C2S), bounds);
    }

    private static void feedAll(ConnectionDissector d, Direction dir, List<byte[]> chunks, long[] at, Bounds bounds) {
        for (byte[] chunk : chunks) {
            feed(d, dir, chunk, at, bounds);
        }
    }

    private static void feed(ConnectionDissector d, Direction dir, byte[] chunk, long[] at, Bounds bounds) {
        int side = dir == Direction.C2S ? 0 : 1;
        List<DissectionEvent> events = d.feed(dir, at[side], chunk);
        at[side] += chunk.length;
        check(events, bounds);
    }

    private static void check(List<DissectionEvent> events, Bounds bounds) {
        for (DissectionEvent e : events) {
            if (e instanceof DissectionEvent.UnitDissected u) {
                bounds.unit(u.unit());
            } else if (e instanceof DissectionEvent.HandshakeAnalysed h) {
                Http1FuzzTest.analysis(h.analysis(), bounds);
            } else if (e instanceof DissectionEvent.ProtocolSwitched s) {
                bounds.inStream(ByteRange.of(Direction.C2S, s.c2sOffset(), 0), s);
                bounds.inStream(ByteRange.of(Direction.S2C, s.s2cOffset(), 0), s);
            }
        }
    }
}
