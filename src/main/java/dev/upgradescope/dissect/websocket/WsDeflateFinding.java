package dev.upgradescope.dissect.websocket;

import dev.upgradescope.wire.FindingKind;
import dev.upgradescope.wire.Severity;
import dev.upgradescope.wire.SpecRef;

/** Checks of permessage-deflate compressed messages (RFC 7692). */
public enum WsDeflateFinding implements FindingKind {
    RSV1_CONTINUATION("wsdeflate.rsv1.continuation", Severity.ERROR, "6.1"),
    RSV1_CONTROL("wsdeflate.rsv1.control", Severity.ERROR, "6.1"),
    INFLATE_FAILED("wsdeflate.inflate.failed", Severity.ERROR, "7.2.2"),
    CONTEXT_LOST("wsdeflate.context.lost", Severity.WARNING, "7.2.2");

    private final String code;
    private final Severity severity;
    private final SpecRef spec;

    WsDeflateFinding(String code, Severity severity, String section) {
        this.code = code;
        this.severity = severity;
        this.spec = SpecRef.rfc(7692, section);
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public SpecRef spec() {
        return spec;
    }
}
