package dev.upgradescope.dissect.websocket;

/** Short printable renderings of payloads for summaries and tree values. */
final class TextPreview {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TextPreview() {
    }

    /** {@code s} in double quotes, control characters escaped, cut after {@code max} characters. */
    static String quote(String s, int max) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), max) + 4).append('"');
        int n = Math.min(s.length(), max);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        if (s.length() > max) {
            out.append('…');
        }
        return out.toString();
    }

    /** Space-separated lower-case hex of {@code b[0, len)}, cut after {@code max} bytes. */
    static String hex(byte[] b, int len, int max) {
        int n = Math.min(len, max);
        StringBuilder out = new StringBuilder(n * 3 + 2);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(HEX[(b[i] >> 4) & 0xF]).append(HEX[b[i] & 0xF]);
        }
        if (len > max) {
            out.append(" …");
        }
        return out.toString();
    }
}
