package dev.upgradescope.capture;

import dev.upgradescope.dissect.websocket.WsDissector;
import dev.upgradescope.dissect.websocket.WsFrame;
import dev.upgradescope.dissect.websocket.WsNegotiation;
import dev.upgradescope.wire.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * The payload of one stored WebSocket frame event, unmasked: the frame dissector read again over the
 * frame's own bytes (RFC 6455 §5.2, §5.3). A frame stands alone, so a compressed frame's payload
 * stays compressed, as on the wire; a frame cut short (by a display cap or the end of the capture)
 * gives what arrived.
 */
public final class StoredFramePayload {

    private StoredFramePayload() {
    }

    /** The payload of {@code frame}, whose bytes from its offset on are {@code wire}; null if none is found. */
    public static byte[] of(EventRow frame, byte[] wire) {
        WsDissector frameReader = new WsDissector(WsNegotiation.NONE);
        List<Unit> units = new ArrayList<>(frameReader.feed(frame.dir(), frame.offset(), wire));
        units.addAll(frameReader.end(frame.dir()));
        for (Unit u : units) {
            if (u instanceof WsFrame f) {
                return f.payload();
            }
        }
        return null;
    }
}
