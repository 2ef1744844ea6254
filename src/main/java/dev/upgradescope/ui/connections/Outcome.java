package dev.upgradescope.ui.connections;

import dev.upgradescope.capture.ConnectionRow;

/**
 * The outcome badge of a connection: each has a glyph, a style class (its colour) and a text key,
 * so the outcome never depends on colour alone. {@link #NONE} is a connection that asked for no
 * upgrade; {@link #PENDING} one whose answer has not come yet.
 */
public enum Outcome {
    UPGRADED("upgraded", "✔"),
    REFUSED("refused", "⊘"),
    IGNORED("ignored", "↷"),
    FAILED("failed", "✖"),
    INCOMPLETE("incomplete", "…"),
    PENDING("pending", "⋯"),
    NONE("none", "–");

    private final String code;
    private final String glyph;

    Outcome(String code, String glyph) {
        this.code = code;
        this.glyph = glyph;
    }

    public String glyph() {
        return glyph;
    }

    /** The style class carrying the badge's colour. */
    public String styleClass() {
        return "outcome-" + code;
    }

    /** The key of the badge's text in the UI bundle. */
    public String textKey() {
        return "outcome." + code;
    }

    public static Outcome of(ConnectionRow row) {
        for (Outcome o : values()) {
            if (o.code.equals(row.outcome())) {
                return o;
            }
        }
        if (row.askedProtocols().isEmpty()) {
            return row.status() == 0 && !row.closed() ? PENDING : NONE;
        }
        return row.closed() ? INCOMPLETE : PENDING;
    }
}
