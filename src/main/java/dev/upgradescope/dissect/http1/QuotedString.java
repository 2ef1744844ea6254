package dev.upgradescope.dissect.http1;

/** quoted-string with quoted-pair escapes (RFC 9110 §5.6.4). */
final class QuotedString {

    private QuotedString() {
    }

    /**
     * The content of the quoted-string that starts {@code raw}, escapes removed; an unterminated
     * one runs to the end (a trailing lone backslash is dropped). Text after the closing quote is
     * ignored here and reported by {@link #isWhole}.
     */
    static String unquote(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                if (i + 1 < raw.length()) {
                    sb.append(raw.charAt(++i));
                }
            } else if (c == '"') {
                break;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** True when {@code raw} is exactly one terminated quoted-string. */
    static boolean isWhole(String raw) {
        if (raw.length() < 2 || raw.charAt(0) != '"') {
            return false;
        }
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i == raw.length() - 1;
            }
        }
        return false;
    }
}
