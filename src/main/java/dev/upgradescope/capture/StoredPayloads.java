package dev.upgradescope.capture;

import dev.upgradescope.dissect.websocket.WsMessage;
import dev.upgradescope.wire.Unit;

/**
 * Which units have a decoded payload stored beside their event. Only a binary WebSocket message
 * sent compressed does: inflating it again would need the connection's whole deflate context. An
 * uncompressed binary message's payload is its frames' payloads, which {@link SessionReader#payload}
 * has the dissector read back from the chunks; a text message carries its text in its attributes.
 */
final class StoredPayloads {

    private StoredPayloads() {
    }

    /** The payload to store with the unit's event, or null. */
    static byte[] toStore(Unit unit) {
        return unit instanceof WsMessage m && !m.text() && m.compressed() ? m.payload() : null;
    }

    /** The size of the unit's payload, stored or read back from the chunks; -1 for a unit without one. */
    static long size(Unit unit) {
        return unit instanceof WsMessage m && !m.text() ? m.payloadLength() : -1;
    }
}
