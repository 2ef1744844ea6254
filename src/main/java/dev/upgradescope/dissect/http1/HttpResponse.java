package dev.upgradescope.dissect.http1;

import dev.upgradescope.wire.Attribute;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.UnitKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A response: version, status code and reason phrase, each with the bytes it came from. */
public record HttpResponse(String version, int status, String reason,
                           ByteRange.InStream versionRange, ByteRange.InStream statusRange,
                           ByteRange.InStream reasonRange, ByteRange.InStream startLine,
                           Headers headers, ByteRange.InStream head, Body body, boolean complete,
                           Field tree, List<Finding> findings) implements HttpMessage {

    /** The status code. */
    public static final Attribute<Integer> STATUS = Attribute.integer("status");
    /** The reason phrase as written. */
    public static final Attribute<String> REASON = Attribute.text("reason");

    public HttpResponse {
        findings = List.copyOf(findings);
    }

    /** 1xx: an interim response; another follows (except 101, after which the protocol changes). */
    public boolean isInformational() {
        return status >= 100 && status < 200;
    }

    @Override
    public UnitKind kind() {
        return UnitKind.HTTP_RESPONSE;
    }

    @Override
    public String summary() {
        return version + " " + status + (reason.isEmpty() ? "" : " " + reason);
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> m = new LinkedHashMap<>();
        VERSION.put(m, version);
        STATUS.put(m, status);
        REASON.put(m, reason);
        HEADERS.put(m, headers.namesAndValues());
        return m;
    }
}
