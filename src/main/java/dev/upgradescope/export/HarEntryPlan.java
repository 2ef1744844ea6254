package dev.upgradescope.export;

import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.capture.EventRow;

/**
 * One HTTP exchange of a session as it becomes a HAR entry: the request and response events (the
 * response null when none came), and for a WebSocket upgrade the event after which its messages
 * follow ({@code -1} otherwise).
 */
record HarEntryPlan(ConnectionRow connection, EventRow request, EventRow response, long messagesAfter,
                    long startedWallMicros) {

    boolean websocket() {
        return messagesAfter >= 0;
    }
}
