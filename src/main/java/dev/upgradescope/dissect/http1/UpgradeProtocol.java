package dev.upgradescope.dissect.http1;

import dev.upgradescope.wire.ByteRange;
import java.util.Optional;

/**
 * One protocol of an {@code Upgrade} field: {@code protocol-name ["/" protocol-version]}
 * (RFC 9110 §7.8), with the element as sent and its bytes. A malformed element is kept (with a
 * finding) so it can still be shown.
 */
public record UpgradeProtocol(String name, Optional<String> version, String raw, ByteRange.InStream range) {

    /** Case-insensitive match on the protocol name (e.g. {@code websocket}, {@code h2c}). */
    public boolean isNamed(String protocolName) {
        return name.equalsIgnoreCase(protocolName);
    }

    /** True when the element is a token, or two tokens joined by one {@code /}. */
    public boolean valid() {
        String expected = version.map(v -> name + "/" + v).orElse(name);
        return HttpGrammar.isToken(name) && version.map(HttpGrammar::isToken).orElse(true)
                && expected.equals(raw);
    }

    /** {@code name/version} or {@code name}, as sent. */
    @Override
    public String toString() {
        return raw;
    }
}
