package dev.upgradescope.dissect.http2;

import java.util.List;
import java.util.Objects;

/**
 * How an HTTP/2 connection started, which decides what the dissector expects first: after an h2c
 * upgrade (RFC 7540 §3.2) the client's preface follows the 101 and stream 1 already carries the
 * upgraded request; with prior knowledge or inside TLS after ALPN {@code h2} (RFC 9113 §3.3, §3.4)
 * the connection starts with the preface.
 *
 * @param mode how the connection began
 * @param settingsFromUpgradeHeader the decoded {@code HTTP2-Settings} of the upgrade request
 *        (empty when there was none); compared with the client's first SETTINGS frame
 */
public record H2Config(Mode mode, List<Setting> settingsFromUpgradeHeader) {

    /** How the connection came to speak HTTP/2. */
    public enum Mode {
        /** After {@code 101 Switching Protocols} to {@code h2c}: stream 1 is the upgraded request. */
        AFTER_H2C_UPGRADE,
        /** Cleartext HTTP/2 started without an upgrade. */
        PRIOR_KNOWLEDGE,
        /** HTTP/2 inside a TLS tunnel negotiated with ALPN {@code h2}; framed as prior knowledge. */
        TLS_ALPN
    }

    public H2Config {
        Objects.requireNonNull(mode, "mode");
        settingsFromUpgradeHeader = List.copyOf(settingsFromUpgradeHeader);
    }

    public static H2Config afterUpgrade(List<Setting> settingsFromUpgradeHeader) {
        return new H2Config(Mode.AFTER_H2C_UPGRADE, settingsFromUpgradeHeader);
    }

    public static H2Config priorKnowledge() {
        return new H2Config(Mode.PRIOR_KNOWLEDGE, List.of());
    }
}
