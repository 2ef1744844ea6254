package dev.upgradescope.dissect.upgrade;

import dev.upgradescope.dissect.http1.HeaderField;
import dev.upgradescope.dissect.http2.Setting;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Finding;
import java.util.List;

/**
 * An {@code HTTP2-Settings} value decoded on its own, outside any message (the command line's
 * {@code decode h2-settings}): the settings it carries and the findings of the same checks a
 * handshake gets (RFC 7540 §3.2.1, §6.5.2). Ranges count from the value's first character, as if
 * it were a client stream starting there.
 */
public record Http2SettingsValue(List<Setting> settings, List<Finding> findings) {

    public Http2SettingsValue {
        settings = List.copyOf(settings);
        findings = List.copyOf(findings);
    }

    public static Http2SettingsValue decode(String value) {
        ByteRange.InStream whole = ByteRange.of(Direction.C2S, 0, value.length());
        HeaderField field = new HeaderField("HTTP2-Settings", value, whole, ByteRange.of(Direction.C2S, 0, 0), whole,
                List.of());
        Http2SettingsHeader.Decoded decoded = Http2SettingsHeader.decode(field);
        return new Http2SettingsValue(decoded.settings(), decoded.findings());
    }
}
