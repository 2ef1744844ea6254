package dev.upgradescope.dissect;

import dev.upgradescope.dissect.upgrade.AskedProtocol;
import dev.upgradescope.dissect.upgrade.HandshakeAnalysis;
import dev.upgradescope.wire.Attribute;
import dev.upgradescope.wire.Unit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What dissecting a connection's bytes produced, in the order it was produced: the one model every
 * reader of a dissection (the recorder, the re-dissection of a stored connection, the command line)
 * takes as it is.
 */
public sealed interface DissectionEvent {

    /** A unit was completed: an HTTP message, a frame, a message, a record, or unreadable bytes. */
    record UnitDissected(Unit unit) implements DissectionEvent {
    }

    /**
     * An exchange that asked to switch (or was answered 101/426) was analysed. Emitted once when
     * the request is complete (outcome incomplete) and again when its final answer arrives or the
     * stream ends; a later event for the same {@code requestOffset} replaces the earlier one.
     */
    record HandshakeAnalysed(long requestOffset, HandshakeAnalysis analysis) implements DissectionEvent {

        /** The kind of the stored event that carries an analysis. */
        public static final String KIND = "handshake";
        /** Where the request starts in the c2s stream. */
        public static final Attribute<Long> REQUEST_OFFSET = Attribute.number("requestOffset");
        /** The protocols the client asked for, as written. */
        public static final Attribute<List<String>> ASKED_PROTOCOLS = Attribute.texts("askedProtocols");

        /** The protocols the client asked for, as written. */
        public List<String> askedProtocols() {
            List<String> asked = new ArrayList<>(analysis.asked().size());
            for (AskedProtocol p : analysis.asked()) {
                asked.add(p.raw());
            }
            return asked;
        }

        /**
         * The event's attributes as stored: {@code requestOffset}, {@code askedProtocols}, then the
         * analysis' own ({@link HandshakeAnalysis#attributes()}).
         */
        public LinkedHashMap<String, Object> attributes(List<String> askedProtocols) {
            LinkedHashMap<String, Object> m = new LinkedHashMap<>();
            REQUEST_OFFSET.put(m, requestOffset);
            ASKED_PROTOCOLS.put(m, askedProtocols);
            m.putAll(analysis.attributes());
            return m;
        }
    }

    /**
     * The connection stopped speaking HTTP/1.1: from {@code c2sOffset} and {@code s2cOffset} on,
     * each direction speaks {@code protocol} ({@code websocket}, {@code h2c}, {@code tls},
     * {@code tunnel}, or the token the server switched to).
     */
    record ProtocolSwitched(String protocol, long c2sOffset, long s2cOffset) implements DissectionEvent {

        /** The kind of the stored event that marks the switch. */
        public static final String KIND = "protocol-switch";
        public static final Attribute<String> PROTOCOL = Attribute.text("protocol");
        public static final Attribute<Long> C2S_OFFSET = Attribute.number("c2sOffset");
        public static final Attribute<Long> S2C_OFFSET = Attribute.number("s2cOffset");
        /** The protocol name a switch to WebSocket carries. */
        public static final String WEBSOCKET = "websocket";
        /** The protocol name of the inside of a CONNECT tunnel (dissected as a connection of its own). */
        public static final String TUNNEL = "tunnel";

        /** {@code protocol}, {@code c2sOffset}, {@code s2cOffset}. */
        public LinkedHashMap<String, Object> attributes() {
            LinkedHashMap<String, Object> m = new LinkedHashMap<>();
            PROTOCOL.put(m, protocol);
            C2S_OFFSET.put(m, c2sOffset);
            S2C_OFFSET.put(m, s2cOffset);
            return m;
        }

        /** {@code switched to websocket at c2s 180, s2c 129}. */
        public String summary() {
            return "switched to " + protocol + " at c2s " + c2sOffset + ", s2c " + s2cOffset;
        }

        /** Whether the connection became a CONNECT tunnel. */
        public boolean tunnel() {
            return TUNNEL.equals(protocol);
        }

        /** Whether the connection now speaks WebSocket. */
        public boolean websocket() {
            return WEBSOCKET.equalsIgnoreCase(protocol);
        }
    }
}
