package dev.upgradescope.cli;

/** A reason a command cannot run (a missing file, an unreadable value), shown as one line. */
final class CommandFailure extends RuntimeException {

    CommandFailure(String message) {
        super(message, null, false, false);
    }
}
