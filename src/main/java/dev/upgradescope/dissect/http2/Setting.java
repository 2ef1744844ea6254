package dev.upgradescope.dissect.http2;

import dev.upgradescope.wire.ByteRange;
import java.util.Optional;

/** One identifier/value pair of a SETTINGS payload, with the 6 bytes it was read from. */
public record Setting(int id, long value, ByteRange range) {

    public Optional<SettingsParameter> parameter() {
        return SettingsParameter.byId(id);
    }

    /** The spec name, or {@code UNKNOWN (0xNN)}. */
    public String name() {
        return SettingsParameter.nameOf(id);
    }
}
