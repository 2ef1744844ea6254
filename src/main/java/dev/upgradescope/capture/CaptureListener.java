package dev.upgradescope.capture;

/**
 * The change feed of a session being recorded, for the UI and the command line. Calls come on the
 * store's feed thread (never the caller's, never the writer's), in commit order, only after the
 * change is committed, so a reader opened on the file sees it. A listener must return quickly; if
 * listeners fall far behind, changes are skipped and {@link #changesLost} says how many, so the
 * listener can re-read the session.
 */
public interface CaptureListener {

    default void connectionOpened(ConnectionRow connection) {
    }

    default void eventAdded(EventRow event) {
    }

    /** The connection's summary changed (target, bytes, status, outcome, frame count…). */
    default void connectionUpdated(ConnectionRow connection) {
    }

    default void connectionClosed(ConnectionRow connection) {
    }

    default void noteAdded(NoteRow note) {
    }

    /** The session can no longer be written; recording has stopped. */
    default void storeFailed(CaptureFailure failure) {
    }

    /** {@code count} changes were not delivered because listeners fell behind. */
    default void changesLost(long count) {
    }
}
