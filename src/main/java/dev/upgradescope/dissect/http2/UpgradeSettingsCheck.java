package dev.upgradescope.dissect.http2;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * RFC 7540 §3.2.1: the settings a client sent in its HTTP2-Settings upgrade header and those of its
 * first SETTINGS frame after the 101 normally agree; the comparison is shown as a field, with a
 * finding when they differ.
 */
final class UpgradeSettingsCheck {

    private UpgradeSettingsCheck() {
    }

    /** The comparison field over the frame's payload bytes {@code at}. */
    static Field compare(List<Setting> upgradeHeader, List<Setting> frame, ByteRange.InStream at) {
        Map<Integer, Long> header = effective(upgradeHeader);
        Map<Integer, Long> sent = effective(frame);
        TreeSet<Integer> ids = new TreeSet<>(header.keySet());
        ids.addAll(sent.keySet());
        Field.Builder cmp = Field.builder("HTTP2-Settings comparison", header.equals(sent) ? "same values" : "different",
                at);
        for (int id : ids) {
            Long h = header.get(id);
            Long f = sent.get(id);
            cmp.leaf(SettingsParameter.nameOf(id), "header " + (h == null ? "-" : h) + ", frame " + (f == null ? "-" : f)
                    + (Objects.equals(h, f) ? "" : " (differs)"), null);
        }
        if (!header.equals(sent)) {
            cmp.finding(H2Finding.SETTINGS_UPGRADE_MISMATCH.at(at, describe(header), describe(sent)));
        }
        return cmp.build();
    }

    /** The value each setting ends with (a later entry of the same id overrides, RFC 9113 §6.5). */
    private static Map<Integer, Long> effective(List<Setting> settings) {
        Map<Integer, Long> m = new TreeMap<>();
        for (Setting s : settings) {
            m.put(s.id(), s.value());
        }
        return m;
    }

    private static String describe(Map<Integer, Long> m) {
        if (m.isEmpty()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        m.forEach((id, v) -> parts.add(SettingsParameter.nameOf(id) + "=" + v));
        return String.join(", ", parts);
    }
}
