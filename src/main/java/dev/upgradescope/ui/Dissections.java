package dev.upgradescope.ui;

import dev.upgradescope.capture.ConnectionDissection;

/**
 * The dissection the window records and re-derives trees with: the dissect layer's (HTTP/1.1, the
 * upgrade analysis, then WebSocket, HTTP/2, TLS or opaque bytes).
 */
final class Dissections {

    private Dissections() {
    }

    static ConnectionDissection.Factory factory() {
        return ConnectionDissection.standard();
    }
}
