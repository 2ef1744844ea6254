package dev.upgradescope.dissect.upgrade;

import dev.upgradescope.wire.FindingKind;
import dev.upgradescope.wire.Severity;
import dev.upgradescope.wire.SpecRef;

/** The checks of the upgrade to TLS within HTTP/1.1 (RFC 2817): family {@code tlsupgrade}. */
public enum TlsUpgradeFinding implements FindingKind.Defined {
    OPTIONAL("tlsupgrade.request.optional", Severity.INFO, SpecRef.rfc(2817, "3.1")),
    MANDATORY("tlsupgrade.request.mandatory", Severity.INFO, SpecRef.rfc(2817, "3.2")),
    STACK("tlsupgrade.101.stack", Severity.WARNING, SpecRef.rfc(2817, "3.3")),
    REQUIRED("tlsupgrade.426.required", Severity.INFO, SpecRef.rfc(2817, "4.2")),
    ADVERTISED("tlsupgrade.response.advertised", Severity.INFO, SpecRef.rfc(2817, "4.1")),
    HOP_BY_HOP("tlsupgrade.proxy.hop-by-hop", Severity.INFO, SpecRef.rfc(2817, "5.1"));

    private final Definition definition;

    TlsUpgradeFinding(String code, Severity severity, SpecRef spec) {
        this.definition = new Definition(code, severity, spec);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
