package dev.upgradescope.dissect.websocket;

import java.util.Optional;

/**
 * Re-indents a text that is a JSON object or array (RFC 8259) with two spaces per level; anything
 * that is not valid JSON is left alone. Iterative, so deep nesting cannot exhaust the stack; a text
 * whose indentation would grow it beyond {@link #GROWTH} times (deeply nested) is left alone too.
 */
final class JsonPrettyPrinter {

    private static final int VALUE = 0;
    private static final int FIRST_VALUE = 1;
    private static final int FIRST_KEY = 2;
    private static final int KEY = 3;
    private static final int COLON = 4;
    private static final int AFTER_VALUE = 5;

    /** The indented text may be this many times the original, plus {@link #SLACK} characters. */
    static final int GROWTH = 8;
    private static final int SLACK = 64 * 1024;

    private final CharSequence s;
    private final long maxOut;
    private final StringBuilder out;
    private final StringBuilder open = new StringBuilder();
    private int i;

    private JsonPrettyPrinter(CharSequence s) {
        this.s = s;
        this.out = new StringBuilder(s.length() + s.length() / 2);
        this.maxOut = (long) GROWTH * s.length() + SLACK;
    }

    /** The indented text, or empty when {@code text} is not a JSON object or array. */
    static Optional<String> pretty(CharSequence text) {
        return Optional.ofNullable(new JsonPrettyPrinter(text).run());
    }

    @SuppressWarnings("fallthrough") // the first element of a container continues as any other
    private String run() {
        skipSpace();
        if (i >= s.length() || (s.charAt(i) != '{' && s.charAt(i) != '[')) {
            return null;
        }
        int state = VALUE;
        while (true) {
            if (out.length() > maxOut) {
                return null;
            }
            skipSpace();
            if (i >= s.length()) {
                return state == AFTER_VALUE && open.isEmpty() ? out.toString() : null;
            }
            char c = s.charAt(i);
            switch (state) {
                case FIRST_VALUE:
                    if (c == ']') {
                        close(c);
                        state = AFTER_VALUE;
                        break;
                    }
                    newline();
                    // fall through: the first element is an ordinary value
                case VALUE:
                    state = value(c);
                    break;
                case FIRST_KEY:
                    if (c == '}') {
                        close(c);
                        state = AFTER_VALUE;
                        break;
                    }
                    newline();
                    // fall through: the first key
                case KEY:
                    if (c != '"' || !string()) {
                        return null;
                    }
                    state = COLON;
                    break;
                case COLON:
                    if (c != ':') {
                        return null;
                    }
                    out.append(": ");
                    i++;
                    state = VALUE;
                    break;
                default: // AFTER_VALUE
                    if (open.isEmpty()) {
                        return null;
                    }
                    char top = open.charAt(open.length() - 1);
                    if (c == ',') {
                        out.append(',');
                        i++;
                        newline();
                        state = top == '{' ? KEY : VALUE;
                    } else if ((c == '}' && top == '{') || (c == ']' && top == '[')) {
                        open.setLength(open.length() - 1);
                        newline();
                        out.append(c);
                        i++;
                    } else {
                        return null;
                    }
            }
            if (state < 0) {
                return null;
            }
        }
    }

    private void close(char c) {
        open.setLength(open.length() - 1);
        out.append(c);
        i++;
    }

    /** Reads one value or opens a container; the next state, or -1 when the text is not JSON. */
    private int value(char c) {
        if (c == '{' || c == '[') {
            open.append(c);
            out.append(c);
            i++;
            return c == '{' ? FIRST_KEY : FIRST_VALUE;
        }
        boolean ok;
        if (c == '"') {
            ok = string();
        } else if (c == 't') {
            ok = literal("true");
        } else if (c == 'f') {
            ok = literal("false");
        } else if (c == 'n') {
            ok = literal("null");
        } else {
            ok = number();
        }
        return ok ? AFTER_VALUE : -1;
    }

    private boolean string() {
        int start = i++;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                out.append(s, start, i);
                return true;
            } else if (c < 0x20) {
                return false;
            } else if (c == '\\') {
                if (i >= s.length()) {
                    return false;
                }
                char e = s.charAt(i++);
                if (e == 'u') {
                    for (int k = 0; k < 4; k++) {
                        if (i >= s.length() || Character.digit(s.charAt(i++), 16) < 0) {
                            return false;
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    return false;
                }
            }
        }
        return false;
    }

    private boolean literal(String word) {
        if (i + word.length() > s.length() || !s.subSequence(i, i + word.length()).toString().equals(word)) {
            return false;
        }
        out.append(word);
        i += word.length();
        return true;
    }

    private boolean number() {
        int start = i;
        if (peek() == '-') {
            i++;
        }
        if (peek() == '0') {
            i++;
        } else if (!digits()) {
            return false;
        }
        if (peek() == '.') {
            i++;
            if (!digits()) {
                return false;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            i++;
            if (peek() == '+' || peek() == '-') {
                i++;
            }
            if (!digits()) {
                return false;
            }
        }
        out.append(s, start, i);
        return true;
    }

    private boolean digits() {
        int start = i;
        while (peek() >= '0' && peek() <= '9') {
            i++;
        }
        return i > start;
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private void skipSpace() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            i++;
        }
    }

    private void newline() {
        out.append('\n');
        for (int k = 0; k < open.length(); k++) {
            out.append("  ");
        }
    }
}
