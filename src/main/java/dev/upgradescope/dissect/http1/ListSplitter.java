package dev.upgradescope.dissect.http1;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a list-valued text at a separator that is outside quoted-strings (RFC 9110 §5.6.1,
 * §5.6.4), trimming optional whitespace around each part. Never fails: an unterminated quote runs
 * to the end and is flagged on the last part.
 */
final class ListSplitter {

    /** One part {@code [from, to)} after trimming; empty when {@code from == to}. */
    record Part(int from, int to, boolean unterminatedQuote) {
        boolean empty() {
            return from == to;
        }
    }

    private ListSplitter() {
    }

    static List<Part> split(String text, int from, int to, char separator) {
        List<Part> parts = new ArrayList<>();
        int start = from;
        boolean quoted = false;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                parts.add(trim(text, start, i, false));
                start = i + 1;
            }
            i++;
        }
        parts.add(trim(text, start, to, quoted));
        return parts;
    }

    /** The position of the first {@code c} outside quoted-strings in {@code [from, to)}, or -1. */
    static int indexOutsideQuotes(String text, int from, int to, char c) {
        boolean quoted = false;
        for (int i = from; i < to; i++) {
            char ch = text.charAt(i);
            if (quoted && ch == '\\') {
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == c) {
                return i;
            }
        }
        return -1;
    }

    static Part trim(String text, int from, int to, boolean unterminated) {
        int s = from;
        int e = to;
        while (s < e && HttpGrammar.isOws(text.charAt(s))) {
            s++;
        }
        while (e > s && HttpGrammar.isOws(text.charAt(e - 1))) {
            e--;
        }
        return new Part(s, e, unterminated);
    }
}
