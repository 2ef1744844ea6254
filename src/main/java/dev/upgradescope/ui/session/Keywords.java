package dev.upgradescope.ui.session;

import dev.upgradescope.capture.EventRow;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.UnitKind;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words of an event that the connections filter matches: every finding code, and for the
 * handshake (HTTP request, response, verdict) every attribute name and value, flattened.
 */
public final class Keywords {

    private Keywords() {
    }

    public static Set<String> of(EventRow event) {
        Set<String> out = new LinkedHashSet<>();
        for (Finding f : event.findings()) {
            out.add(f.code());
        }
        if (isHandshake(event.kind())) {
            flatten(event.attributes(), out);
        }
        return out;
    }

    static boolean isHandshake(String kind) {
        return kind.equals(UnitKind.HTTP_REQUEST.code()) || kind.equals(UnitKind.HTTP_RESPONSE.code())
                || kind.equals(EventRow.HANDSHAKE);
    }

    private static void flatten(Object value, Set<String> out) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.add(String.valueOf(e.getKey()).toLowerCase(Locale.ROOT));
                flatten(e.getValue(), out);
            }
        } else if (value instanceof Iterable<?> list) {
            for (Object o : list) {
                flatten(o, out);
            }
        } else if (value != null) {
            String s = value.toString().toLowerCase(Locale.ROOT);
            if (s.length() <= 200) {
                out.add(s);
            }
        }
    }
}
