package dev.upgradescope.dissect.upgrade;

import dev.upgradescope.dissect.http1.HeaderField;
import dev.upgradescope.dissect.http2.Setting;
import dev.upgradescope.dissect.http2.SettingsParameter;
import dev.upgradescope.dissect.http2.SettingsPayload;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decodes the value of an {@code HTTP2-Settings} field: a SETTINGS frame payload encoded as
 * base64url without padding (RFC 7540 §3.2.1). Tolerant: padding and characters of the plain
 * base64 alphabet are reported and decoded anyway; each setting's range points into the decoded
 * buffer, which points back at the field value.
 */
final class Http2SettingsHeader {

    /** The name of the decoded buffer in {@link ByteRange.InDecoded} ranges. */
    static final String BUFFER = "HTTP2-Settings (decoded)";

    /** The decoded payload (empty when undecodable), its settings, the findings and the tree children. */
    record Decoded(Optional<byte[]> payload, List<Setting> settings, List<Finding> findings, List<Field> children) {
        Decoded {
            settings = List.copyOf(settings);
            findings = List.copyOf(findings);
            children = List.copyOf(children);
        }
    }

    private Http2SettingsHeader() {
    }

    static Decoded decode(HeaderField field) {
        String value = field.value();
        ByteRange.InStream valueRange = field.valueRange();
        List<Finding> findings = new ArrayList<>();
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '=') {
            end--;
        }
        if (end < value.length()) {
            // token68 as base64url "with any trailing '=' characters omitted" (RFC 7540 §3.2.1)
            findings.add(H2cFinding.SETTINGS_PADDING.at(slice(field, end, value.length())));
        }
        StringBuilder cleaned = new StringBuilder(end);
        Set<String> foreign = new LinkedHashSet<>();
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (isBase64Url(c)) {
                cleaned.append(c);
            } else if (c == '+' || c == '/') {
                foreign.add(String.valueOf(c));
                cleaned.append(c == '+' ? '-' : '_');
            } else {
                foreign.add(c == ' ' ? "SP" : (c < 0x20 || c > 0x7e) ? String.format("0x%02X", (int) c) : String.valueOf(c));
            }
        }
        if (!foreign.isEmpty()) {
            // the URL- and filename-safe alphabet of RFC 4648 §5 (RFC 7540 §3.2.1)
            findings.add(H2cFinding.SETTINGS_ALPHABET.at(valueRange, String.join(" ", foreign)));
        }
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(cleaned.toString());
        } catch (IllegalArgumentException e) {
            findings.add(H2cFinding.SETTINGS_UNDECODABLE.at(valueRange, value));
            return new Decoded(Optional.empty(), List.of(), findings, List.of());
        }
        if (payload.length % SettingsPayload.ENTRY_LENGTH != 0) {
            // a SETTINGS payload that is not a multiple of 6 octets is a FRAME_SIZE_ERROR (RFC 7540 §6.5)
            findings.add(H2cFinding.SETTINGS_LENGTH.at(valueRange, payload.length));
        }
        List<Setting> settings = SettingsPayload.read(payload, 0, payload.length,
                p -> new ByteRange.InDecoded(BUFFER, p, SettingsPayload.ENTRY_LENGTH, valueRange));
        List<Field> children = new ArrayList<>();
        children.add(Field.leaf("Decoded length", payload.length + " bytes (" + settings.size() + " settings)",
                new ByteRange.InDecoded(BUFFER, 0, payload.length, valueRange)));
        for (Setting s : settings) {
            findings.addAll(check(s));
            children.add(settingNode(s, valueRange));
        }
        return new Decoded(Optional.of(payload), settings, findings, children);
    }

    /** Values each parameter allows (RFC 7540 §6.5.2 and the specs that add parameters). */
    private static List<Finding> check(Setting s) {
        Optional<SettingsParameter> p = s.parameter();
        if (p.isEmpty()) {
            // "An endpoint that receives a SETTINGS frame with any unknown or unsupported identifier
            // MUST ignore that setting" (RFC 7540 §6.5.2)
            return List.of(H2cFinding.SETTINGS_UNKNOWN.at(s.range(), String.format("0x%x", s.id())));
        }
        if (!p.get().allows(s.value())) {
            return List.of(H2cFinding.SETTINGS_VALUE.at(s.range(), p.get().specName(), s.value(), p.get().min(),
                    p.get().max()));
        }
        return List.of();
    }

    private static Field settingNode(Setting s, ByteRange.InStream origin) {
        long at = s.range().offset();
        return Field.builder("Setting", s.name() + " = " + s.value(), s.range())
                .leaf("Identifier", String.format("0x%04x", s.id()), new ByteRange.InDecoded(BUFFER, at, 2, origin))
                .leaf("Name", s.name(), new ByteRange.InDecoded(BUFFER, at, 2, origin))
                .leaf("Value", Long.toString(s.value()), new ByteRange.InDecoded(BUFFER, at + 2, 4, origin))
                .build();
    }

    private static boolean isBase64Url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static ByteRange.InStream slice(HeaderField field, int from, int to) {
        ByteRange.InStream r = field.valueRange();
        if (field.value().length() != r.length()) {
            return r;
        }
        return r.slice(from, to - from);
    }
}
