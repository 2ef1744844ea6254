package dev.upgradescope.ui.session;

/**
 * Something that went wrong, for the status bar: {@code key} names the message in the UI's
 * bundle (a {@code MessageFormat} pattern whose {@code {0}} is {@code detail}).
 */
public record Problem(String key, String detail) {
}
