package dev.upgradescope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.upgradescope.dissect.http2.H2Config;
import dev.upgradescope.dissect.http2.H2Dissector;
import dev.upgradescope.dissect.http2.Setting;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import java.util.List;

/**
 * HTTP/2 frames with HPACK header blocks in both directions (one dynamic table per direction).
 * Flags: bits 0-1 how the connection began (after an h2c upgrade without and with the settings of
 * an {@code HTTP2-Settings} header, prior knowledge, TLS with ALPN h2); bit 2 the server's bytes
 * first.
 */
class Http2FuzzTest {

    /** Where the dissected streams start; the upgrade request's header lies before, from byte 0. */
    private static final long C2S_START = 200;
    private static final long S2C_START = 120;

    /** {@code HTTP2-Settings: AAMAAABkAAQAAP__} as the JDK client sends it, at c2s bytes 40..52. */
    private static final List<Setting> FROM_HEADER = List.of(
            new Setting(3, 100, ByteRange.of(Direction.C2S, 40, 6)),
            new Setting(4, 65535, ByteRange.of(Direction.C2S, 46, 6)));

    @FuzzTest
    void framesAndHpack(byte[] input) throws Exception {
        MemoryBudget.run("HTTP/2", input.length, () -> dissect(TwoStreams.of(input)));
    }

    private static void dissect(TwoStreams in) {
        H2Dissector dissector = new H2Dissector(config(in.flags()));
        Bounds bounds = new Bounds(0, C2S_START + in.c2s().length, S2C_START, in.s2c().length);
        Streams.feedInterleaved(dissector, in, C2S_START, S2C_START, (in.flags() & 4) != 0, bounds);
    }

    static H2Config config(int flags) {
        return switch (flags & 3) {
            case 0 -> H2Config.afterUpgrade(List.of());
            case 1 -> H2Config.afterUpgrade(FROM_HEADER);
            case 2 -> H2Config.priorKnowledge();
            default -> new H2Config(H2Config.Mode.TLS_ALPN, List.of());
        };
    }
}
