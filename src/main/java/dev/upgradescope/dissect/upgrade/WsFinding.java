package dev.upgradescope.dissect.upgrade;

import dev.upgradescope.wire.FindingKind;
import dev.upgradescope.wire.Severity;
import dev.upgradescope.wire.SpecRef;

/** The checks of the WebSocket opening handshake (RFC 6455 §4, §11.3) and of the permessage-deflate negotiation (RFC 7692): family {@code ws}. */
public enum WsFinding implements FindingKind.Defined {
    METHOD("ws.request.method", Severity.ERROR, SpecRef.rfc(6455, "4.1")),
    HTTP_VERSION("ws.request.http-version", Severity.ERROR, SpecRef.rfc(6455, "4.1")),
    HOST_MISSING("ws.request.host-missing", Severity.ERROR, SpecRef.rfc(6455, "4.1")),
    ORIGIN_MISSING("ws.request.origin-missing", Severity.INFO, SpecRef.rfc(6455, "4.1")),
    KEY_MISSING("ws.key.missing", Severity.ERROR, SpecRef.rfc(6455, "4.1")),
    KEY_INVALID("ws.key.invalid", Severity.ERROR, SpecRef.rfc(6455, "4.1")),
    KEY_NOT_BASE64("ws.key.not-base64", Severity.ERROR, SpecRef.rfc(6455, "4.1")),
    KEY_DUPLICATE("ws.key.duplicate", Severity.ERROR, SpecRef.rfc(6455, "11.3.1")),
    VERSION_MISSING("ws.version.missing", Severity.ERROR, SpecRef.rfc(6455, "4.1")),
    VERSION_NOT_13("ws.version.not-13", Severity.WARNING, SpecRef.rfc(6455, "4.1")),
    VERSION_DUPLICATE("ws.version.duplicate", Severity.ERROR, SpecRef.rfc(6455, "11.3.5")),
    VERSION_SUPPORTED("ws.version.supported", Severity.INFO, SpecRef.rfc(6455, "4.4")),
    VERSION_LIST_MISSING("ws.version.list-missing", Severity.WARNING, SpecRef.rfc(6455, "4.2.2")),
    ACCEPT_MISSING("ws.accept.missing", Severity.ERROR, SpecRef.rfc(6455, "4.1")),
    ACCEPT_MISMATCH("ws.accept.mismatch", Severity.ERROR, SpecRef.rfc(6455, "4.1")),
    ACCEPT_DUPLICATE("ws.accept.duplicate", Severity.ERROR, SpecRef.rfc(6455, "11.3.3")),
    PROTOCOL_NOT_OFFERED("ws.protocol.not-offered", Severity.ERROR, SpecRef.rfc(6455, "4.1")),
    PROTOCOL_SEVERAL("ws.protocol.several", Severity.ERROR, SpecRef.rfc(6455, "11.3.4")),
    EXTENSION_NOT_OFFERED("ws.extension.not-offered", Severity.ERROR, SpecRef.rfc(6455, "4.1")),
    EXTENSIONS_DUPLICATE("ws.extensions.duplicate", Severity.ERROR, SpecRef.rfc(6455, "11.3.2")),
    DEFLATE_UNKNOWN_PARAM("ws.deflate.unknown-param", Severity.ERROR, SpecRef.rfc(7692, "7")),
    DEFLATE_DUPLICATE_PARAM("ws.deflate.duplicate-param", Severity.ERROR, SpecRef.rfc(7692, "7")),
    DEFLATE_WINDOW_BITS("ws.deflate.window-bits", Severity.ERROR, SpecRef.rfc(7692, "7.1.2")),
    DEFLATE_VALUE_REQUIRED("ws.deflate.value-required", Severity.ERROR, SpecRef.rfc(7692, "7.1.2")),
    DEFLATE_VALUE_NOT_ALLOWED("ws.deflate.value-not-allowed", Severity.ERROR, SpecRef.rfc(7692, "7.1.1")),
    DEFLATE_CLIENT_BITS_UNOFFERED("ws.deflate.client-bits-unoffered", Severity.ERROR, SpecRef.rfc(7692, "7.1.2.2")),
    DEFLATE_SERVER_BITS_EXCEEDED("ws.deflate.server-bits-exceeded", Severity.ERROR, SpecRef.rfc(7692, "7.1.2.1")),
    DEFLATE_SERVER_TAKEOVER_IGNORED("ws.deflate.server-takeover-ignored", Severity.ERROR, SpecRef.rfc(7692, "7.1.1.1")),
    DEFLATE_SEVERAL("ws.deflate.several", Severity.ERROR, SpecRef.rfc(7692, "5"));

    private final Definition definition;

    WsFinding(String code, Severity severity, SpecRef spec) {
        this.definition = new Definition(code, severity, spec);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
