package dev.upgradescope.dissect.upgrade;

import dev.upgradescope.wire.FindingKind;
import dev.upgradescope.wire.Severity;
import dev.upgradescope.wire.SpecRef;

/** The general checks of the HTTP Upgrade mechanism (RFC 9110 §7.6.1, §7.8, §15.2.2, §15.5.22): family {@code upgrade}. */
public enum UpgradeFinding implements FindingKind.Defined {
    REQUEST_CONNECTION_MISSING("upgrade.request.connection-missing", Severity.ERROR, SpecRef.rfc(9110, "7.8")),
    RESPONSE_CONNECTION_MISSING("upgrade.101.connection-missing", Severity.ERROR, SpecRef.rfc(9110, "7.8")),
    SWITCH_WITHOUT_UPGRADE("upgrade.101.upgrade-missing", Severity.ERROR, SpecRef.rfc(9110, "15.2.2")),
    SWITCH_NOT_OFFERED("upgrade.101.not-offered", Severity.ERROR, SpecRef.rfc(9110, "7.8")),
    SWITCH_UNASKED("upgrade.101.unasked", Severity.ERROR, SpecRef.rfc(9110, "7.8")),
    SWITCH_LAYERED("upgrade.101.layered", Severity.INFO, SpecRef.rfc(9110, "7.8")),
    SWITCH_HTTP10("upgrade.101.http10", Severity.ERROR, SpecRef.rfc(9110, "7.8")),
    SWITCH_BEFORE_CONTINUE("upgrade.101.continue-missing", Severity.ERROR, SpecRef.rfc(9110, "7.8")),
    REQUEST_HTTP10("upgrade.request.http10", Severity.WARNING, SpecRef.rfc(9110, "7.8")),
    REQUIRED_WITHOUT_UPGRADE("upgrade.426.upgrade-missing", Severity.ERROR, SpecRef.rfc(9110, "15.5.22")),
    SERVER_REQUIRED("upgrade.426.server-initiated", Severity.INFO, SpecRef.rfc(9110, "15.5.22")),
    IGNORED("upgrade.response.ignored", Severity.INFO, SpecRef.rfc(9110, "7.8")),
    ADVERTISED("upgrade.response.advertised", Severity.INFO, SpecRef.rfc(9110, "7.8")),
    CONNECTION_END_TO_END("upgrade.connection.end-to-end", Severity.WARNING, SpecRef.rfc(9110, "7.6.1")),
    CONNECTION_WITHOUT_UPGRADE("upgrade.connection.upgrade-without-field", Severity.INFO, SpecRef.rfc(9110, "7.6.1"));

    private final Definition definition;

    UpgradeFinding(String code, Severity severity, SpecRef spec) {
        this.definition = new Definition(code, severity, spec);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
