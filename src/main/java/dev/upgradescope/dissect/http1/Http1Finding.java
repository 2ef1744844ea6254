package dev.upgradescope.dissect.http1;

import dev.upgradescope.wire.FindingKind;
import dev.upgradescope.wire.Severity;
import dev.upgradescope.wire.SpecRef;

/** The checks of HTTP/1.1 message syntax and of the header lists the upgrade mechanism uses. */
public enum Http1Finding implements FindingKind.Defined {
    // header lists (RFC 9110 §5.6)
    LIST_EMPTY_ELEMENT("http1.list.empty-element", Severity.WARNING, 9110, "5.6.1"),
    QUOTED_STRING_UNTERMINATED("http1.quoted-string.unterminated", Severity.ERROR, 9110, "5.6.4"),
    CONNECTION_INVALID_TOKEN("http1.connection.invalid-token", Severity.ERROR, 9110, "7.6.1"),
    UPGRADE_INVALID_PROTOCOL("http1.upgrade.invalid-protocol", Severity.ERROR, 9110, "7.8"),
    WS_PROTOCOL_INVALID_TOKEN("http1.ws-protocol.invalid-token", Severity.ERROR, 6455, "4.1"),
    WS_EXTENSION_INVALID_NAME("http1.ws-extension.invalid-name", Severity.ERROR, 6455, "9.1"),
    WS_EXTENSION_INVALID_VALUE("http1.ws-extension.invalid-value", Severity.ERROR, 6455, "9.1"),
    // message syntax (RFC 9112)
    NOT_HTTP("http1.not-http", Severity.ERROR, 9112, "2.1"),
    LEADING_EMPTY_LINES("http1.line.leading-empty", Severity.INFO, 9112, "2.2"),
    BARE_LF("http1.line.bare-lf", Severity.WARNING, 9112, "2.2"),
    LINE_TOO_LONG("http1.line.too-long", Severity.ERROR, 9110, "5.4"),
    HEAD_TOO_LARGE("http1.head.too-large", Severity.ERROR, 9110, "5.4"),
    REQUEST_LINE_MALFORMED("http1.request-line.malformed", Severity.ERROR, 9112, "3"),
    METHOD_INVALID("http1.method.invalid", Severity.ERROR, 9112, "3.1"),
    STATUS_LINE_MALFORMED("http1.status-line.malformed", Severity.ERROR, 9112, "4"),
    VERSION_INVALID("http1.version.invalid", Severity.ERROR, 9112, "2.3"),
    HOST_MISSING("http1.host.missing", Severity.ERROR, 9112, "3.2"),
    HOST_DUPLICATE("http1.host.duplicate", Severity.ERROR, 9112, "3.2"),
    FIELD_NO_COLON("http1.field.no-colon", Severity.ERROR, 9112, "5"),
    FIELD_SPACE_BEFORE_COLON("http1.field.space-before-colon", Severity.ERROR, 9112, "5.1"),
    FIELD_INVALID_NAME("http1.field.invalid-name", Severity.ERROR, 9110, "5.1"),
    FIELD_INVALID_VALUE("http1.field.invalid-value", Severity.WARNING, 9110, "5.5"),
    FIELD_OBS_FOLD("http1.field.obs-fold", Severity.WARNING, 9112, "5.2"),
    FIELD_FOLD_WITHOUT_FIELD("http1.field.fold-without-field", Severity.ERROR, 9112, "2.2"),
    TE_AND_CONTENT_LENGTH("http1.framing.te-and-content-length", Severity.ERROR, 9112, "6.3"),
    TE_NOT_CHUNKED("http1.framing.te-not-chunked", Severity.ERROR, 9112, "6.3"),
    CONTENT_LENGTH_INVALID("http1.content-length.invalid", Severity.ERROR, 9112, "6.3"),
    CONTENT_LENGTH_CONFLICT("http1.content-length.conflict", Severity.ERROR, 9112, "6.3"),
    CONTENT_LENGTH_REPEATED("http1.content-length.repeated", Severity.WARNING, 9110, "8.6"),
    CONTENT_LENGTH_NOT_ALLOWED("http1.content-length.not-allowed", Severity.WARNING, 9110, "8.6"),
    CHUNK_SIZE_INVALID("http1.chunk.size-invalid", Severity.ERROR, 9112, "7.1"),
    CHUNK_MISSING_CRLF("http1.chunk.missing-crlf", Severity.ERROR, 9112, "7.1"),
    TRUNCATED_HEAD("http1.message.truncated-head", Severity.ERROR, 9112, "8"),
    TRUNCATED_BODY("http1.message.truncated-body", Severity.ERROR, 9112, "8");

    private final Definition definition;

    Http1Finding(String code, Severity severity, int rfc, String section) {
        this.definition = new Definition(code, severity, SpecRef.rfc(rfc, section));
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
