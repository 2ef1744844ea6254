package dev.upgradescope.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The document shape of units and findings shared by {@code dissect --json}, {@code capture
 * --events} and the session store: ordered maps of plain values (String, Number, Boolean, List,
 * Map) that any JSON writer can print as they are.
 */
public final class UnitDocument {

    private UnitDocument() {
    }

    /**
     * {@code dir, offset, length, kind, summary}, then the unit's own attributes, then
     * {@code findings} when there are any. Kinds whose own {@code length} means something else
     * (a message after inflation, a frame's payload, a record's fragment) keep that meaning, and
     * the stream bytes the unit spans are then given as {@code streamLength}.
     */
    public static Map<String, Object> of(Unit unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dir", unit.dir().code());
        m.put("offset", unit.offset());
        m.put("length", unit.length());
        m.put("kind", unit.kind().code());
        m.put("summary", unit.summary());
        Map<String, Object> own = unit.attributes();
        if (own.containsKey("length")) {
            m.put("streamLength", unit.length());
        }
        m.putAll(own);
        if (!unit.findings().isEmpty()) {
            m.put("findings", findings(unit.findings()));
        }
        return m;
    }

    public static List<Map<String, Object>> findings(List<Finding> findings) {
        List<Map<String, Object>> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(of(f));
        }
        return out;
    }

    /** {@code code, severity, message, rfc, section}, then {@code dir, offset, length} when placed. */
    public static Map<String, Object> of(Finding finding) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", finding.code());
        m.put("severity", finding.severity().code());
        m.put("message", finding.message(Locale.ENGLISH));
        m.put("rfc", finding.spec().rfc());
        m.put("section", finding.spec().section());
        if (finding.range() != null) {
            ByteRange.InStream at = finding.range().streamRange();
            m.put("dir", at.dir().code());
            m.put("offset", at.offset());
            m.put("length", at.length());
        }
        return m;
    }
}
