package dev.upgradescope.ui.connections;

import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.ui.session.ConnectionItem;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The connections filter: every whitespace-separated word must occur (ignoring case) in the
 * connection's target, client, asked or switched protocol, status, outcome, or in a header name or
 * value or finding code of its handshake. A word starting with {@code -} must not occur.
 */
public record ConnectionFilter(List<String> words) implements Predicate<ConnectionItem> {

    public static ConnectionFilter parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return new ConnectionFilter(t.isEmpty() ? List.of() : Arrays.asList(t.split("\\s+")));
    }

    @Override
    public boolean test(ConnectionItem item) {
        for (String w : words) {
            boolean negated = w.startsWith("-") && w.length() > 1;
            String word = negated ? w.substring(1) : w;
            if (matches(item, word) == negated) {
                return false;
            }
        }
        return true;
    }

    static boolean matches(ConnectionItem item, String word) {
        ConnectionRow r = item.row();
        if (contains(r.target(), word) || contains(r.client(), word) || contains(r.protocol(), word)
                || contains(r.outcomeCode(), word) || (r.status() != 0 && contains(Integer.toString(r.status()), word))
                || contains(r.mode().code(), word)) {
            return true;
        }
        for (String p : r.askedProtocols()) {
            if (contains(p, word)) {
                return true;
            }
        }
        for (String k : item.keywords()) {
            if (k.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String haystack, String word) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(word);
    }
}
