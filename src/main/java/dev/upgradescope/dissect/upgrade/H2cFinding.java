package dev.upgradescope.dissect.upgrade;

import dev.upgradescope.wire.FindingKind;
import dev.upgradescope.wire.Severity;
import dev.upgradescope.wire.SpecRef;

/** The checks of the HTTP/2 cleartext upgrade (RFC 7540 §3.2, §3.2.1, §6.5; RFC 9113 §3.1): family {@code h2c}. */
public enum H2cFinding implements FindingKind.Defined {
    DEPRECATED("h2c.deprecated", Severity.INFO, SpecRef.rfc(9113, "3.1")),
    H2_CLEARTEXT("h2c.h2-cleartext", Severity.ERROR, SpecRef.rfc(7540, "3.2")),
    SWITCH_TO_H2("h2c.101.h2", Severity.ERROR, SpecRef.rfc(7540, "3.2")),
    REQUEST_BODY("h2c.request.body", Severity.INFO, SpecRef.rfc(7540, "3.2")),
    SETTINGS_MISSING("h2c.settings.missing", Severity.ERROR, SpecRef.rfc(7540, "3.2.1")),
    SETTINGS_DUPLICATE("h2c.settings.duplicate", Severity.ERROR, SpecRef.rfc(7540, "3.2.1")),
    SETTINGS_NOT_IN_CONNECTION("h2c.settings.connection-missing", Severity.ERROR, SpecRef.rfc(7540, "3.2.1")),
    SETTINGS_PADDING("h2c.settings.padding", Severity.WARNING, SpecRef.rfc(7540, "3.2.1")),
    SETTINGS_ALPHABET("h2c.settings.alphabet", Severity.ERROR, SpecRef.rfc(7540, "3.2.1")),
    SETTINGS_UNDECODABLE("h2c.settings.undecodable", Severity.ERROR, SpecRef.rfc(7540, "3.2.1")),
    SETTINGS_LENGTH("h2c.settings.length", Severity.ERROR, SpecRef.rfc(7540, "6.5")),
    SETTINGS_VALUE("h2c.settings.value", Severity.ERROR, SpecRef.rfc(7540, "6.5.2")),
    SETTINGS_UNKNOWN("h2c.settings.unknown", Severity.INFO, SpecRef.rfc(7540, "6.5.2")),
    SETTINGS_IN_RESPONSE("h2c.settings.in-response", Severity.ERROR, SpecRef.rfc(7540, "3.2.1"));

    private final Definition definition;

    H2cFinding(String code, Severity severity, SpecRef spec) {
        this.definition = new Definition(code, severity, spec);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
