package dev.upgradescope.proxy;

/** Why an upstream connection could not be opened. */
public enum UpstreamFailure {
    REFUSED(NoteCode.UPSTREAM_REFUSED, "connection refused"),
    UNKNOWN_HOST(NoteCode.UPSTREAM_UNKNOWN_HOST, "unknown host"),
    OTHER(NoteCode.UPSTREAM_FAILED, "connection failed");

    private final String note;
    private final String text;

    UpstreamFailure(String note, String text) {
        this.note = note;
        this.text = text;
    }

    String note() {
        return note;
    }

    String text() {
        return text;
    }
}
