package dev.upgradescope.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The header fields that carry credentials and session state, whose values a sanitized HAR replaces
 * with {@link #MARKER} while keeping the field itself, as Chrome DevTools' default HAR export leaves
 * them out: {@code Authorization} and {@code Proxy-Authorization} (RFC 9110 §11.6.2, §11.7.2),
 * {@code Cookie} and {@code Set-Cookie} (RFC 6265 §5.4, §4.1).
 */
public final class SensitiveHeaders {

    /** What a sanitized value reads. */
    public static final String MARKER = "[redacted]";

    private static final Set<String> NAMES = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

    private SensitiveHeaders() {
    }

    public static boolean isSensitive(String name) {
        return NAMES.contains(name.trim().toLowerCase(Locale.ROOT));
    }

    /** {@code headers} ({@code [name, value]} pairs) with every sensitive value replaced by the marker. */
    static List<List<String>> sanitize(List<List<String>> headers) {
        List<List<String>> out = new ArrayList<>(headers.size());
        for (List<String> h : headers) {
            out.add(isSensitive(h.get(0)) ? List.of(h.get(0), MARKER) : h);
        }
        return out;
    }
}
