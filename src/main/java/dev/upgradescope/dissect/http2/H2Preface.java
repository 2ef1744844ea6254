package dev.upgradescope.dissect.http2;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Unit;
import dev.upgradescope.wire.UnitKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The client connection preface {@code PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n} (RFC 9113 §3.4). */
public record H2Preface(Direction dir, long offset) implements Unit {

    @Override
    public UnitKind kind() {
        return UnitKind.H2_PREFACE;
    }

    @Override
    public long length() {
        return FrameStream.PREFACE.length;
    }

    @Override
    public String summary() {
        return "PRI * HTTP/2.0 (connection preface)";
    }

    @Override
    public Field tree() {
        return Field.builder("Connection Preface", "PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n", range())
                .leaf("Request line", "PRI * HTTP/2.0", range().slice(0, 16))
                .leaf("Empty line", "", range().slice(16, 2))
                .leaf("Body", "SM", range().slice(18, 6))
                .build();
    }

    @Override
    public List<Finding> findings() {
        return List.of();
    }

    @Override
    public Map<String, Object> attributes() {
        return new LinkedHashMap<>();
    }
}
