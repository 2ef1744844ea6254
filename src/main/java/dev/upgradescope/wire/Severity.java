package dev.upgradescope.wire;

/** How serious a finding is. Ordered from most to least serious. */
public enum Severity {
    /** The peer violated a MUST of the spec, or the bytes cannot be what they claim to be. */
    ERROR("error"),
    /** A SHOULD was ignored, or something is legal but very likely a mistake. */
    WARNING("warning"),
    /** Worth knowing: a deprecated mechanism, a notable choice, a decoded fact. */
    INFO("info");

    private final String code;

    Severity(String code) {
        this.code = code;
    }

    /** The stable lower-case name used in JSON and resource-bundle keys. */
    public String code() {
        return code;
    }
}
