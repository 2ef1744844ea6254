package dev.upgradescope.ui.connections;

import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.dissect.upgrade.UpgradeOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome badge of a connection: a glyph, a style class (its colour) and a text key, so the
 * outcome never depends on colour alone. The outcome itself is the dissector's
 * {@link UpgradeOutcome}; before one is known the badge says {@link #PENDING} (no answer yet) or
 * {@link #NONE} (the connection asked for no upgrade). {@code rank} orders the badges when sorting.
 */
public record OutcomeBadge(String code, String glyph, int rank) {

    public static final OutcomeBadge PENDING = new OutcomeBadge("pending", "⋯", UpgradeOutcome.values().length);
    public static final OutcomeBadge NONE = new OutcomeBadge("none", "–", UpgradeOutcome.values().length + 1);

    private static final Map<UpgradeOutcome, OutcomeBadge> BY_OUTCOME = new EnumMap<>(UpgradeOutcome.class);

    static {
        for (UpgradeOutcome o : UpgradeOutcome.values()) {
            BY_OUTCOME.put(o, new OutcomeBadge(o.code(), glyph(o), o.ordinal()));
        }
    }

    private static String glyph(UpgradeOutcome o) {
        return switch (o) {
            case UPGRADED -> "✔";
            case REFUSED -> "⊘";
            case IGNORED -> "↷";
            case FAILED -> "✖";
            case INCOMPLETE -> "…";
        };
    }

    /** The badge of a known outcome. */
    public static OutcomeBadge of(UpgradeOutcome outcome) {
        return BY_OUTCOME.get(outcome);
    }

    /** Every badge, in rank order. */
    public static List<OutcomeBadge> all() {
        List<OutcomeBadge> all = new ArrayList<>(BY_OUTCOME.values());
        all.add(PENDING);
        all.add(NONE);
        return Collections.unmodifiableList(all);
    }

    /** The style class carrying the badge's colour. */
    public String styleClass() {
        return "outcome-" + code;
    }

    /** The key of the badge's text in the UI bundle. */
    public String textKey() {
        return "outcome." + code;
    }

    public static OutcomeBadge of(ConnectionRow row) {
        if (row.outcome() != null) {
            return of(row.outcome());
        }
        if (row.askedProtocols().isEmpty()) {
            return row.status() == 0 && !row.closed() ? PENDING : NONE;
        }
        return row.closed() ? of(UpgradeOutcome.INCOMPLETE) : PENDING;
    }
}
