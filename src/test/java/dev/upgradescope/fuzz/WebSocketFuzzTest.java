package dev.upgradescope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.upgradescope.dissect.websocket.PerMessageDeflate;
import dev.upgradescope.dissect.websocket.WsDissector;
import dev.upgradescope.dissect.websocket.WsNegotiation;
import java.util.List;
import java.util.Optional;

/**
 * WebSocket frames in both directions after a handshake whose negotiation the flags choose, so
 * permessage-deflate contexts (with and without context takeover, every window size) are fed
 * fuzzed compressed data.
 *
 * <p>Flags: bits 0-1 the deflate agreement (none, RFC 7692 defaults, no context takeover on both
 * sides, no server context takeover); bits 2-4 the window bits (8 + n); bits 5-6 the payload kept
 * per frame (1 MiB, 0, 16, 125 bytes); bit 7 an extra extension the dissector does not know.
 */
class WebSocketFuzzTest {

    private static final long C2S_START = 129;
    private static final long S2C_START = 31;
    private static final int[] KEEP = {WsDissector.DEFAULT_KEEP_LIMIT, 0, 16, 125};

    @FuzzTest
    void framesMessagesAndDeflate(byte[] input) throws Exception {
        MemoryBudget.run("WebSocket", input.length, () -> dissect(TwoStreams.of(input)));
    }

    private static void dissect(TwoStreams in) {
        WsDissector dissector = new WsDissector(negotiation(in.flags()), KEEP[(in.flags() >>> 5) & 3]);
        Streams.feedInterleaved(dissector, in, C2S_START, S2C_START, false,
                new Bounds(C2S_START, in.c2s().length, S2C_START, in.s2c().length));
    }

    static WsNegotiation negotiation(int flags) {
        int bits = 8 + ((flags >>> 2) & 7);
        Optional<PerMessageDeflate> deflate = switch (flags & 3) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(PerMessageDeflate.DEFAULTS);
            case 2 -> Optional.of(new PerMessageDeflate(true, true, bits, bits));
            default -> Optional.of(new PerMessageDeflate(true, false, bits, 15));
        };
        List<String> extensions = deflate.isPresent() ? List.of("permessage-deflate") : List.of();
        if ((flags & 0x80) != 0) {
            extensions = deflate.isPresent() ? List.of("permessage-deflate", "x-webkit-test") : List.of("x-webkit-test");
        }
        return new WsNegotiation(Optional.of("chat"), extensions, deflate);
    }
}
