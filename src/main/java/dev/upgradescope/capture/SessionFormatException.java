package dev.upgradescope.capture;

import java.io.IOException;

/** The file exists but is not an UpgradeScope session (or one of a newer, unknown version). */
public final class SessionFormatException extends IOException {

    public SessionFormatException(String message) {
        super(message);
    }

    public SessionFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
