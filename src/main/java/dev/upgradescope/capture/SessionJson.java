package dev.upgradescope.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Severity;
import dev.upgradescope.wire.SpecRef;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON columns of a session file: unit attributes, findings, lists of strings. */
final class SessionJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private SessionJson() {
    }

    static String attributes(Map<String, Object> attributes) {
        if (attributes.isEmpty()) {
            return "{}";
        }
        StringBuilder out = new StringBuilder(96);
        return JsonText.object(out, attributes) ? out.toString() : write(attributes);
    }

    static Map<String, Object> attributes(String json) {
        return read(json, MAP);
    }

    static String strings(List<String> values) {
        if (values.isEmpty()) {
            return "[]";
        }
        StringBuilder out = new StringBuilder(16 * values.size());
        return JsonText.value(out, values) ? out.toString() : write(values);
    }

    static List<String> strings(String json) {
        return json == null || json.isEmpty() ? List.of() : read(json, STRINGS);
    }

    static String findings(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "[]";
        }
        StringBuilder out = new StringBuilder(128 * findings.size());
        out.append('[');
        for (Finding f : findings) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append("{\"code\":");
            JsonText.string(out, f.code());
            out.append(",\"severity\":");
            JsonText.string(out, f.severity().code());
            out.append(",\"rfc\":").append(f.spec().rfc()).append(",\"section\":");
            JsonText.string(out, f.spec().section());
            out.append(",\"args\":[");
            for (int i = 0; i < f.args().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                JsonText.string(out, String.valueOf(f.args().get(i)));
            }
            out.append("],\"range\":");
            range(out, f.range());
            out.append('}');
        }
        return out.append(']').toString();
    }

    private static void range(StringBuilder out, ByteRange range) {
        if (range == null) {
            out.append("null");
        } else if (range instanceof ByteRange.InDecoded d) {
            out.append("{\"buffer\":");
            JsonText.string(out, d.buffer());
            out.append(",\"offset\":").append(d.offset()).append(",\"length\":").append(d.length())
                    .append(",\"origin\":");
            range(out, d.origin());
            out.append('}');
        } else {
            ByteRange.InStream s = range.streamRange();
            out.append("{\"dir\":");
            JsonText.string(out, s.dir().code());
            out.append(",\"offset\":").append(s.offset()).append(",\"length\":").append(s.length()).append('}');
        }
    }

    static List<Finding> findings(String json) {
        JsonNode array = readTree(json);
        List<Finding> out = new ArrayList<>(array.size());
        for (JsonNode o : array) {
            List<String> args = new ArrayList<>();
            o.path("args").forEach(a -> args.add(a.asText()));
            out.add(new Finding(o.path("code").asText(), severity(o.path("severity").asText()),
                    SpecRef.rfc(o.path("rfc").asInt(), o.path("section").asText()), args, range(o.path("range"))));
        }
        return out;
    }

    private static JsonNode range(ByteRange range) {
        if (range == null) {
            return NODES.nullNode();
        }
        ObjectNode o = NODES.objectNode();
        if (range instanceof ByteRange.InDecoded d) {
            o.put("buffer", d.buffer());
            o.put("offset", d.offset());
            o.put("length", d.length());
            o.set("origin", range(d.origin()));
        } else {
            ByteRange.InStream s = range.streamRange();
            o.put("dir", s.dir().code());
            o.put("offset", s.offset());
            o.put("length", s.length());
        }
        return o;
    }

    private static ByteRange range(JsonNode o) {
        if (o == null || o.isNull() || o.isMissingNode()) {
            return null;
        }
        if (o.has("buffer")) {
            return new ByteRange.InDecoded(o.get("buffer").asText(), o.path("offset").asLong(),
                    o.path("length").asLong(), (ByteRange.InStream) range(o.get("origin")));
        }
        return ByteRange.of(Direction.fromCode(o.path("dir").asText()), o.path("offset").asLong(),
                o.path("length").asLong());
    }

    private static Severity severity(String code) {
        for (Severity s : Severity.values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        return Severity.INFO;
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
