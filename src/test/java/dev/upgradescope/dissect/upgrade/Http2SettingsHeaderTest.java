package dev.upgradescope.dissect.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.upgradescope.dissect.http1.HeaderField;
import dev.upgradescope.dissect.http2.Setting;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class Http2SettingsHeaderTest {

    private static final long AT = 100;

    private static Http2SettingsHeader.Decoded decode(String value) {
        return Http2SettingsHeader.decode(TestFields.field(Direction.C2S, AT, "HTTP2-Settings", value));
    }

    private static List<String> codes(Http2SettingsHeader.Decoded d) {
        return d.findings().stream().map(Finding::code).toList();
    }

    @Test
    void jdk17HttpClientSettings() {
        String value = "AAEAAEAAAAIAAAAAAAMAAAAAAAQBAAAAAAUAAEAAAAYABgAA";
        HeaderField f = TestFields.field(Direction.C2S, AT, "HTTP2-Settings", value);
        Http2SettingsHeader.Decoded d = Http2SettingsHeader.decode(f);
        assertThat(d.findings()).isEmpty();
        assertThat(d.settings()).extracting(Setting::name, Setting::value).containsExactly(
                tuple("SETTINGS_HEADER_TABLE_SIZE", 16384L),
                tuple("SETTINGS_ENABLE_PUSH", 0L),
                tuple("SETTINGS_MAX_CONCURRENT_STREAMS", 0L),
                tuple("SETTINGS_INITIAL_WINDOW_SIZE", 16777216L),
                tuple("SETTINGS_MAX_FRAME_SIZE", 16384L),
                tuple("SETTINGS_MAX_HEADER_LIST_SIZE", 393216L));
        ByteRange.InStream valueRange = ByteRange.of(Direction.C2S, AT + 16, value.length());
        assertThat(f.valueRange()).isEqualTo(valueRange);
        for (int i = 0; i < 6; i++) {
            assertThat(d.settings().get(i).range())
                    .isEqualTo(new ByteRange.InDecoded("HTTP2-Settings (decoded)", 6L * i, 6, valueRange));
        }
    }

    @Test
    void settingChildrenCarryIdentifierNameAndValueRanges() {
        Http2SettingsHeader.Decoded d = decode("AAMAAABkAAQCAAAAAAIAAAAA");
        ByteRange.InStream valueRange = ByteRange.of(Direction.C2S, AT + 16, 24);
        assertThat(d.children()).extracting(Field::label).containsExactly("Decoded length", "Setting", "Setting", "Setting");
        assertThat(d.children().get(0).value()).isEqualTo("18 bytes (3 settings)");
        Field second = d.children().get(2);
        assertThat(second.value()).isEqualTo("SETTINGS_INITIAL_WINDOW_SIZE = 33554432");
        assertThat(second.range()).isEqualTo(new ByteRange.InDecoded("HTTP2-Settings (decoded)", 6, 6, valueRange));
        assertThat(second.child("Identifier").orElseThrow().value()).isEqualTo("0x0004");
        assertThat(second.child("Identifier").orElseThrow().range())
                .isEqualTo(new ByteRange.InDecoded("HTTP2-Settings (decoded)", 6, 2, valueRange));
        assertThat(second.child("Value").orElseThrow().range())
                .isEqualTo(new ByteRange.InDecoded("HTTP2-Settings (decoded)", 8, 4, valueRange));
        assertThat(second.range().streamRange()).isEqualTo(valueRange);
    }

    @Test
    void curl788Settings() {
        Http2SettingsHeader.Decoded d = decode("AAMAAABkAAQCAAAAAAIAAAAA");
        assertThat(d.findings()).isEmpty();
        assertThat(d.settings()).extracting(Setting::name, Setting::value).containsExactly(
                tuple("SETTINGS_MAX_CONCURRENT_STREAMS", 100L),
                tuple("SETTINGS_INITIAL_WINDOW_SIZE", 33554432L),
                tuple("SETTINGS_ENABLE_PUSH", 0L));
    }

    @Test
    void paddingIsReportedAndStillDecoded() {
        // 12 bytes encode to 16 characters with no padding; 3 settings of 18 bytes need none either, so pad by hand
        Http2SettingsHeader.Decoded d = decode("AAMAAABk==");
        assertThat(codes(d)).containsExactly("h2c.settings.padding");
        assertThat(d.findings().get(0).range()).isEqualTo(ByteRange.of(Direction.C2S, AT + 16 + 8, 2));
        assertThat(d.settings()).extracting(Setting::value).containsExactly(100L);
    }

    @Test
    void plainBase64AlphabetIsReportedAndDecodedAsBase64Url() {
        Http2SettingsHeader.Decoded d = decode("AAMAAABkAAQAAP//");
        assertThat(codes(d)).containsExactly("h2c.settings.alphabet");
        assertThat(d.findings().get(0).args()).containsExactly("/");
        assertThat(d.settings()).extracting(Setting::value).containsExactly(100L, 65535L);
    }

    @Test
    void undecodableValue() {
        Http2SettingsHeader.Decoded d = decode("A");
        assertThat(codes(d)).containsExactly("h2c.settings.undecodable");
        assertThat(d.payload()).isEmpty();
        assertThat(d.settings()).isEmpty();
    }

    @Test
    void lengthNotAMultipleOfSix() {
        Http2SettingsHeader.Decoded d = decode("AAMAAABkAA");
        assertThat(codes(d)).containsExactly("h2c.settings.length");
        assertThat(d.findings().get(0).args()).containsExactly("7");
        assertThat(d.settings()).hasSize(1);
    }

    @Test
    void valuesOutOfRangeAndUnknownIdentifiers() {
        // ENABLE_PUSH = 2, MAX_FRAME_SIZE = 100, unknown 0x0a = 1, ENABLE_CONNECT_PROTOCOL = 1, NO_RFC7540_PRIORITIES = 1
        byte[] raw = {0, 2, 0, 0, 0, 2, 0, 5, 0, 0, 0, 100, 0, 10, 0, 0, 0, 1, 0, 8, 0, 0, 0, 1, 0, 9, 0, 0, 0, 1};
        String value = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Http2SettingsHeader.Decoded d = decode(value);
        assertThat(codes(d)).containsExactly("h2c.settings.value", "h2c.settings.value", "h2c.settings.unknown");
        assertThat(d.findings().get(0).args()).containsExactly("SETTINGS_ENABLE_PUSH", "2", "0", "1");
        assertThat(d.findings().get(2).args()).containsExactly("0xa");
        assertThat(d.findings().get(2).range())
                .isEqualTo(new ByteRange.InDecoded("HTTP2-Settings (decoded)", 12, 6, ByteRange.of(Direction.C2S, AT + 16, value.length())));
        assertThat(d.settings()).extracting(Setting::name).containsExactly("SETTINGS_ENABLE_PUSH",
                "SETTINGS_MAX_FRAME_SIZE", "UNKNOWN (0xa)", "SETTINGS_ENABLE_CONNECT_PROTOCOL",
                "SETTINGS_NO_RFC7540_PRIORITIES");
    }

    @Test
    void emptyValueIsAnEmptyPayload() {
        Http2SettingsHeader.Decoded d = decode("");
        assertThat(d.findings()).isEmpty();
        assertThat(d.settings()).isEmpty();
    }
}
