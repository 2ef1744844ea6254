package dev.upgradescope.dissect;

import dev.upgradescope.dissect.http1.HttpRequest;

/** Which requests start an exchange worth a handshake analysis. */
final class UpgradeRequests {

    private UpgradeRequests() {
    }

    /** A request that carries an {@code Upgrade} field (RFC 9110 §7.8), whatever it names. */
    static boolean asksToSwitch(HttpRequest request) {
        return request.headers().has("Upgrade");
    }
}
