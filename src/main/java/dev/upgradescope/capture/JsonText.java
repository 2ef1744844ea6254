package dev.upgradescope.capture;

import java.util.List;
import java.util.Map;

/**
 * Writes plain attribute values (strings, numbers, booleans, null, lists and maps of them) as JSON
 * text directly, which costs far less per event than a general serializer. Returns {@code false}
 * for any other value so the caller can fall back to one.
 */
final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    static boolean value(StringBuilder out, Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(out, s);
        } else if (v instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            out.append(((Number) v).longValue());
        } else if (v instanceof Double d && Double.isFinite(d)) {
            out.append(d.doubleValue());
        } else if (v instanceof Map<?, ?> m) {
            return object(out, m);
        } else if (v instanceof List<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                if (!value(out, item)) {
                    return false;
                }
            }
            out.append(']');
        } else {
            return false;
        }
        return true;
    }

    static boolean object(StringBuilder out, Map<?, ?> map) {
        Map<?, ?> m = map instanceof FrozenAttributes frozen ? frozen.unwrapped() : map;
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                return false;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, key);
            out.append(':');
            if (!value(out, e.getValue())) {
                return false;
            }
        }
        out.append('}');
        return true;
    }

    /** RFC 8259 §7: quotation mark, reverse solidus and control characters are escaped. */
    static void string(StringBuilder out, String s) {
        out.append('"');
        int plain = 0; // start of the characters not yet written, none of which needs escaping
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, plain, i);
            plain = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        out.append(s, plain, s.length());
        out.append('"');
    }
}
