package dev.upgradescope.ui.messages;

import dev.upgradescope.capture.EventRow;
import dev.upgradescope.wire.Direction;
import java.util.Locale;

/**
 * The messages list's filter: one direction or both, and a text that must occur (ignoring case) in
 * the event's kind, summary or attribute values.
 */
public record EventFilter(Direction dir, String text) {

    public static final EventFilter NONE = new EventFilter(null, "");

    public EventFilter {
        text = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }

    public boolean isEmpty() {
        return dir == null && text.isEmpty();
    }

    public boolean test(EventRow e) {
        if (dir != null && e.dir() != dir) {
            return false;
        }
        if (text.isEmpty()) {
            return true;
        }
        return e.kind().toLowerCase(Locale.ROOT).contains(text) || e.summary().toLowerCase(Locale.ROOT).contains(text)
                || e.attributes().toString().toLowerCase(Locale.ROOT).contains(text);
    }
}
