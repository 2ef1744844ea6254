package dev.upgradescope.dissect.websocket;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.StreamDissector;
import dev.upgradescope.wire.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Dissects the two byte streams of a WebSocket connection after its opening handshake: every frame
 * becomes a {@link WsFrame}, every data message a {@link WsMessage} (reassembled, inflated under
 * permessage-deflate), each with the RFC 6455 / RFC 7692 findings about it. Bytes may be fed in
 * pieces of any size; if a direction's framing is lost, the rest of it is {@code OpaqueBytes}.
 */
public final class WsDissector implements StreamDissector {

    /** Payload bytes kept per frame and per message unless told otherwise: 1 MiB. */
    public static final int DEFAULT_KEEP_LIMIT = 1 << 20;

    private final DirectionReader c2s;
    private final DirectionReader s2c;

    /** A dissector for frames following a handshake that settled {@code negotiation}. */
    public WsDissector(WsNegotiation negotiation) {
        this(negotiation, DEFAULT_KEEP_LIMIT);
    }

    /**
     * @param keepLimit payload bytes kept per frame and per message (compressed and inflated each);
     *                  lengths still count every byte
     */
    public WsDissector(WsNegotiation negotiation, int keepLimit) {
        Objects.requireNonNull(negotiation, "negotiation");
        if (keepLimit < 0) {
            throw new IllegalArgumentException("keepLimit must not be negative: " + keepLimit);
        }
        c2s = new DirectionReader(Direction.C2S, negotiation, keepLimit);
        s2c = new DirectionReader(Direction.S2C, negotiation, keepLimit);
        c2s.peer = s2c;
        s2c.peer = c2s;
    }

    @Override
    public List<Unit> feed(Direction dir, long offset, byte[] bytes, int from, int to) {
        Objects.checkFromToIndex(from, to, bytes.length);
        List<Unit> out = new ArrayList<>(2);
        reader(dir).feed(offset, bytes, from, to, out);
        return out;
    }

    @Override
    public List<Unit> end(Direction dir) {
        List<Unit> out = new ArrayList<>(2);
        reader(dir).end(out);
        return out;
    }

    private DirectionReader reader(Direction dir) {
        return dir == Direction.C2S ? c2s : s2c;
    }
}
