package dev.upgradescope.dissect.websocket;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Unit;
import java.util.List;
import java.util.Optional;

/**
 * What a reader of a stored WebSocket event asks the dissector for, given the stream bytes the event
 * spans: the message they hold, a message's payload, a frame's payload. The bytes are dissected
 * again as a stream of their own without extensions (RFC 6455 §5.2): this is only for frames and
 * messages that were not compressed, whose payloads are their frames' payloads unmasked.
 */
public final class WsReadBack {

    private WsReadBack() {
    }

    /**
     * The first message {@code span} holds (it starts at stream offset {@code offset} of
     * {@code dir}), keeping at most {@code cap} payload bytes; empty when it holds none. A span cut
     * short gives the message as far as it goes.
     */
    public static Optional<WsMessage> message(Direction dir, long offset, byte[] span, int cap) {
        for (Unit u : units(dir, offset, span, cap)) {
            if (u instanceof WsMessage m) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * The payload of the uncompressed message {@code span} holds: its data frames' payloads,
     * unmasked and joined, control frames between fragments (§5.4) left out; at most {@code cap}
     * bytes; empty when the span holds no message.
     */
    public static byte[] messagePayload(Direction dir, long offset, byte[] span, int cap) {
        return message(dir, offset, span, cap).map(WsMessage::payload).orElse(new byte[0]);
    }

    /**
     * The payload of the frame {@code span} holds, unmasked (a compressed frame's payload stays
     * compressed, as on the wire); null when the span holds no frame.
     */
    public static byte[] framePayload(Direction dir, long offset, byte[] span) {
        for (Unit u : units(dir, offset, span, WsDissector.DEFAULT_KEEP_LIMIT)) {
            if (u instanceof WsFrame f) {
                return f.payload();
            }
        }
        return null;
    }

    private static List<Unit> units(Direction dir, long offset, byte[] span, int cap) {
        WsDissector dissector = new WsDissector(WsNegotiation.NONE, Math.max(0, cap));
        List<Unit> units = new java.util.ArrayList<>(dissector.feed(dir, offset, span, 0, span.length));
        units.addAll(dissector.end(dir));
        return units;
    }
}
