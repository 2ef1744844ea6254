package dev.upgradescope.dissect.upgrade;

import dev.upgradescope.dissect.http1.UpgradeProtocol;
import dev.upgradescope.wire.ByteRange;
import java.util.Objects;
import java.util.Optional;

/**
 * One protocol named in an {@code Upgrade} field ({@code protocol-name ["/" protocol-version]},
 * RFC 9110 §7.8): its family, name and version, the text as sent and the bytes it came from.
 */
public record AskedProtocol(ProtocolFamily family, String name, Optional<String> version, String raw,
                            ByteRange.InStream range) {

    public AskedProtocol {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(version, "version");
    }

    static AskedProtocol of(UpgradeProtocol p) {
        return new AskedProtocol(ProtocolFamily.ofName(p.name()), p.name(), p.version(), p.raw(), p.range());
    }

    /**
     * True when {@code other} names the same protocol: names equal ignoring case, and versions equal
     * ignoring case when both carry one.
     */
    public boolean sameProtocol(AskedProtocol other) {
        return name.equalsIgnoreCase(other.name)
                && (version.isEmpty() || other.version.isEmpty()
                || version.get().equalsIgnoreCase(other.version.get()));
    }

    @Override
    public String toString() {
        return raw;
    }
}
