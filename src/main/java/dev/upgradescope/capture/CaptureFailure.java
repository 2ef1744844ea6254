package dev.upgradescope.capture;

import java.nio.file.Path;

/**
 * Why a session stopped being written: {@code code} is stable ({@value #FULL} when the disk or the
 * session size limit is full, {@value #WRITE_FAILED} for any other write error); {@code detail} is
 * the technical detail. Recording stops; sources keep relaying.
 */
public record CaptureFailure(String code, String detail, Path file) {

    public static final String FULL = "store.full";
    public static final String WRITE_FAILED = "store.write-failed";

    /** A one-line English message saying what happened, what it means and what to do. */
    public String message() {
        String what = code.equals(FULL)
                ? "the disk (or the session size limit) is full"
                : "it could not be written (" + detail + ")";
        return "Recording to " + file + " stopped because " + what
                + "; traffic is still relayed but no longer recorded. Free space or start a new capture.";
    }
}
