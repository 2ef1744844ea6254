package dev.upgradescope.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The {@code cookies} arrays of HAR 1.2 entries, derived from the {@code Cookie} fields of a request
 * (RFC 6265 §5.4: {@code name=value} pairs separated by {@code ;}) and the {@code Set-Cookie} fields
 * of a response (RFC 6265 §4.1: one cookie, then its attributes). A sanitized HAR keeps each
 * cookie's name and replaces its value with {@link SensitiveHeaders#MARKER}.
 */
final class HarCookies {

    private HarCookies() {
    }

    /** Writes {@code "cookies": [...]} for the request or response whose headers are {@code headers}. */
    static void write(JsonGenerator json, List<List<String>> headers, boolean response, boolean includeSensitive)
            throws IOException {
        json.writeArrayFieldStart("cookies");
        for (List<String> h : headers) {
            if (h.size() < 2) {
                continue;
            }
            String name = h.get(0).trim();
            if (!response && name.equalsIgnoreCase("cookie")) {
                for (String pair : h.get(1).split(";")) {
                    writeCookie(json, pair, List.of(), includeSensitive);
                }
            } else if (response && name.equalsIgnoreCase("set-cookie")) {
                String[] parts = h.get(1).split(";");
                writeCookie(json, parts[0], List.of(parts).subList(1, parts.length), includeSensitive);
            }
        }
        json.writeEndArray();
    }

    private static void writeCookie(JsonGenerator json, String pair, List<String> attributes,
                                    boolean includeSensitive) throws IOException {
        int eq = pair.indexOf('=');
        String name = (eq < 0 ? pair : pair.substring(0, eq)).trim();
        if (name.isEmpty()) {
            return;
        }
        json.writeStartObject();
        json.writeStringField("name", name);
        json.writeStringField("value", includeSensitive ? (eq < 0 ? "" : pair.substring(eq + 1).trim())
                : SensitiveHeaders.MARKER);
        for (String attribute : attributes) {
            int at = attribute.indexOf('=');
            String key = (at < 0 ? attribute : attribute.substring(0, at)).trim().toLowerCase(Locale.ROOT);
            String value = at < 0 ? "" : attribute.substring(at + 1).trim();
            switch (key) {
                case "path" -> json.writeStringField("path", value);
                case "domain" -> json.writeStringField("domain", value);
                case "expires" -> json.writeStringField("expires", value);
                case "httponly" -> json.writeBooleanField("httpOnly", true);
                case "secure" -> json.writeBooleanField("secure", true);
                default -> {
                    // Max-Age, SameSite and extensions have no place in HAR 1.2's cookie object
                }
            }
        }
        json.writeEndObject();
    }
}
