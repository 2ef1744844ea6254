package dev.upgradescope.capture;

/** A stored {@link ConnectionNote} of connection {@code conn}, with its wall-clock time. */
public record NoteRow(long id, long conn, String code, String detail, long nanos, long wallMicros) {

    public NoteRow {
        detail = detail == null ? "" : detail;
    }
}
