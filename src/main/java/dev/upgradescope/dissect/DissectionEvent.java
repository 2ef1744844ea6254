package dev.upgradescope.dissect;

import dev.upgradescope.dissect.upgrade.HandshakeAnalysis;
import dev.upgradescope.wire.Unit;

/** What dissecting a connection's bytes produced, in the order it was produced. */
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
    }

    /**
     * The connection stopped speaking HTTP/1.1: from {@code c2sOffset} and {@code s2cOffset} on,
     * each direction speaks {@code protocol} ({@code websocket}, {@code h2c}, {@code tls},
     * {@code tunnel}, or the token the server switched to).
     */
    record ProtocolSwitched(String protocol, long c2sOffset, long s2cOffset) implements DissectionEvent {
    }
}
