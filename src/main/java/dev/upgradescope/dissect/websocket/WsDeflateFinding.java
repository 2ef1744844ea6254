package dev.upgradescope.dissect.websocket;

import dev.upgradescope.wire.FindingKind;
import dev.upgradescope.wire.Severity;
import dev.upgradescope.wire.SpecRef;

/** Checks of permessage-deflate compressed messages (RFC 7692). */
public enum WsDeflateFinding implements FindingKind.Defined {
    RSV1_CONTINUATION("wsdeflate.rsv1.continuation", Severity.ERROR, "6.1"),
    RSV1_CONTROL("wsdeflate.rsv1.control", Severity.ERROR, "6.1"),
    INFLATE_FAILED("wsdeflate.inflate.failed", Severity.ERROR, "7.2.2"),
    CONTEXT_LOST("wsdeflate.context.lost", Severity.WARNING, "7.2.2");

    private final Definition definition;

    WsDeflateFinding(String code, Severity severity, String section) {
        this.definition = new Definition(code, severity, SpecRef.rfc(7692, section));
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
