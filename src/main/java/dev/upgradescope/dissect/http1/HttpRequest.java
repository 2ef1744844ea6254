package dev.upgradescope.dissect.http1;

import dev.upgradescope.wire.Attribute;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.UnitKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request: method, request-target and version, each with the bytes it came from. */
public record HttpRequest(String method, String target, String version,
                          ByteRange.InStream methodRange, ByteRange.InStream targetRange,
                          ByteRange.InStream versionRange, ByteRange.InStream startLine,
                          Headers headers, ByteRange.InStream head, Body body, boolean complete,
                          Field tree, List<Finding> findings) implements HttpMessage {

    public static final Attribute<String> METHOD = Attribute.text("method");
    /** The request-target as written. */
    public static final Attribute<String> TARGET = Attribute.text("target");

    public HttpRequest {
        findings = List.copyOf(findings);
    }

    @Override
    public UnitKind kind() {
        return UnitKind.HTTP_REQUEST;
    }

    @Override
    public String summary() {
        return method + " " + target + " " + version;
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> m = new LinkedHashMap<>();
        METHOD.put(m, method);
        TARGET.put(m, target);
        VERSION.put(m, version);
        HEADERS.put(m, headers.namesAndValues());
        return m;
    }
}
