package dev.upgradescope.capture;

/** How the connection reached UpgradeScope, or which source produced it. */
public enum ListenerMode {
    /** A client configured with UpgradeScope as its HTTP proxy (absolute-form or CONNECT). */
    FORWARD("forward"),
    /** A listener that forwards everything to one upstream. */
    REVERSE("reverse"),
    /** A recording imported from files. */
    IMPORT("import");

    private final String code;

    ListenerMode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
