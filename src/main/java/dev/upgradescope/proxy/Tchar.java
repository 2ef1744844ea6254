package dev.upgradescope.proxy;

/** The tchar set of RFC 9110 §5.6.2, for the proxy's first-byte sanity checks. */
final class Tchar {

    private Tchar() {
    }

    static boolean is(byte b) {
        int c = b & 0xff;
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return c < 0x80 && "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
