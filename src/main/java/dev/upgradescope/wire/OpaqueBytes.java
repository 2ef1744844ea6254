package dev.upgradescope.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bytes that no dissector could read (unknown protocol, or framing lost after an error). */
public record OpaqueBytes(Direction dir, long offset, long length, String reason, List<Finding> findings)
        implements Unit {

    /** Why the bytes could not be read (empty: not said). */
    public static final Attribute<String> REASON = Attribute.text("reason");

    public OpaqueBytes {
        reason = reason == null ? "" : reason;
        findings = List.copyOf(findings);
    }

    @Override
    public UnitKind kind() {
        return UnitKind.OPAQUE;
    }

    @Override
    public String summary() {
        return length + " bytes" + (reason.isEmpty() ? "" : " (" + reason + ")");
    }

    @Override
    public Field tree() {
        return new Field("Data", length + " bytes", range(), List.of(), findings);
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!reason.isEmpty()) {
            REASON.put(m, reason);
        }
        return m;
    }
}
