package dev.upgradescope.capture;

import dev.upgradescope.dissect.websocket.WsReadBack;

/**
 * The payload of one stored WebSocket frame event, unmasked, as the frame dissector reads it from
 * the frame's own bytes (RFC 6455 §5.2, §5.3). A frame stands alone, so a compressed frame's payload
 * stays compressed, as on the wire; a frame cut short (by a display cap or the end of the capture)
 * gives what arrived.
 */
public final class StoredFramePayload {

    private StoredFramePayload() {
    }

    /** The payload of {@code frame}, whose bytes from its offset on are {@code wire}; null if none is found. */
    public static byte[] of(EventRow frame, byte[] wire) {
        return WsReadBack.framePayload(frame.dir(), frame.offset(), wire);
    }
}
