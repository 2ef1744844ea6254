package dev.upgradescope.dissect.upgrade;

/** How an exchange that asked to switch protocols ended. */
public enum UpgradeOutcome {
    /** 101 Switching Protocols, valid: the connection now speaks the new protocol. */
    UPGRADED("upgraded"),
    /** 426 Upgrade Required: the server insists on a protocol the client did not switch to. */
    REFUSED("refused"),
    /** Answered normally (2xx/3xx/4xx/5xx), without switching. */
    IGNORED("ignored"),
    /** A 101 that the client must reject (wrong accept key, protocol not offered, …). */
    FAILED("failed"),
    /** No final answer was seen. */
    INCOMPLETE("incomplete");

    private final String code;

    UpgradeOutcome(String code) {
        this.code = code;
    }

    /** The outcome whose {@link #code()} is {@code code}, or null for any other string. */
    public static UpgradeOutcome ofCode(String code) {
        for (UpgradeOutcome o : values()) {
            if (o.code.equals(code)) {
                return o;
            }
        }
        return null;
    }

    /** The stable lower-case name used in JSON. */
    public String code() {
        return code;
    }
}
