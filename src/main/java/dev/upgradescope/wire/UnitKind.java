package dev.upgradescope.wire;

/** The kinds of unit a connection is cut into, with the stable names used in JSON. */
public enum UnitKind {
    HTTP_REQUEST("http-request"),
    HTTP_RESPONSE("http-response"),
    WS_FRAME("ws-frame"),
    WS_MESSAGE("ws-message"),
    H2_PREFACE("h2-preface"),
    H2_FRAME("h2-frame"),
    TLS_RECORD("tls-record"),
    OPAQUE("opaque");

    private final String code;

    UnitKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The kind whose {@link #code()} is {@code code}, or null (an event that is not a unit). */
    public static UnitKind ofCode(String code) {
        for (UnitKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        return null;
    }
}
