package dev.upgradescope.ui.handshake;

import dev.upgradescope.wire.Severity;

/** How a severity shows: a glyph and a style class, so it never relies on colour alone. */
public final class Severities {

    private Severities() {
    }

    public static String glyph(Severity s) {
        return switch (s) {
            case ERROR -> "✖";
            case WARNING -> "▲";
            case INFO -> "ℹ";
        };
    }

    public static String styleClass(Severity s) {
        return "severity-" + s.code();
    }

    public static String textKey(Severity s) {
        return "severity." + s.code();
    }
}
