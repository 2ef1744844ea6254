package dev.upgradescope.dissect.http1;

/** Character classes of the HTTP grammar (RFC 9110 §5.6). */
final class HttpGrammar {

    private static final String TCHAR_SPECIALS = "!#$%&'*+-.^_`|~";

    private HttpGrammar() {
    }

    /** tchar: a visible character that is not a delimiter (RFC 9110 §5.6.2). */
    static boolean isTchar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || (c < 128 && c > 0 && TCHAR_SPECIALS.indexOf(c) >= 0);
    }

    /** token = 1*tchar (RFC 9110 §5.6.2). */
    static boolean isToken(CharSequence s) {
        if (s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTchar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** OWS characters: SP and HTAB (RFC 9110 §5.6.3). */
    static boolean isOws(int c) {
        return c == ' ' || c == '\t';
    }
}
