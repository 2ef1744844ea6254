package dev.upgradescope.dissect.tls;

import dev.upgradescope.wire.FindingKind;
import dev.upgradescope.wire.Severity;
import dev.upgradescope.wire.SpecRef;

/** The checks the TLS dissector performs on records and hellos (family {@code tls}). */
public enum TlsFinding implements FindingKind.Defined {
    /** A record longer than the spec allows for its protection state; args: length, limit. */
    RECORD_TOO_LONG("tls.record.too-long", Severity.ERROR, SpecRef.rfc(8446, "5.2")),
    /** A handshake or alert record with no content; args: content type. */
    RECORD_EMPTY("tls.record.empty", Severity.ERROR, SpecRef.rfc(8446, "5.1")),
    /** A record whose content type is not registered; args: type. */
    RECORD_UNKNOWN_TYPE("tls.record.unknown-type", Severity.ERROR, SpecRef.rfc(8446, "5")),
    /** Bytes that cannot be a TLS record header: record framing is lost; args: first bytes in hex. */
    RECORD_NOT_TLS("tls.record.not-tls", Severity.ERROR, SpecRef.rfc(8446, "5.1")),
    /** The stream ended inside a record; args: bytes present, bytes announced. */
    RECORD_TRUNCATED("tls.record.truncated", Severity.WARNING, SpecRef.rfc(8446, "5.1")),
    /** The stream ended inside a handshake message; args: message name, bytes present, bytes announced. */
    HANDSHAKE_TRUNCATED("tls.handshake.truncated", Severity.WARNING, SpecRef.rfc(8446, "4")),
    /** A hello whose inner lengths do not add up; args: the part that did not fit. */
    HANDSHAKE_MALFORMED("tls.handshake.malformed", Severity.ERROR, SpecRef.rfc(8446, "4")),
    /** An extension whose length or inner lengths do not fit; args: extension name. */
    EXTENSION_BAD_LENGTH("tls.extension.bad-length", Severity.ERROR, SpecRef.rfc(8446, "4.2")),
    /** The same extension twice in one message; args: extension name. */
    EXTENSION_DUPLICATE("tls.extension.duplicate", Severity.ERROR, SpecRef.rfc(8446, "4.2")),
    /** server_name carrying an IP address; args: the name. */
    SNI_IP_LITERAL("tls.sni.ip-literal", Severity.ERROR, SpecRef.rfc(6066, "3")),
    /** An ALPN extension with an empty protocol list. */
    ALPN_EMPTY_LIST("tls.alpn.empty-list", Severity.ERROR, SpecRef.rfc(7301, "3.1")),
    /** An ALPN protocol name of length zero. */
    ALPN_EMPTY_NAME("tls.alpn.empty-name", Severity.ERROR, SpecRef.rfc(7301, "3.1")),
    /** The server chose a cipher suite the client did not offer; args: suite name. */
    CIPHER_NOT_OFFERED("tls.server-hello.cipher-not-offered", Severity.ERROR, SpecRef.rfc(8446, "4.1.3")),
    /** The server chose an ALPN protocol the client did not offer; args: protocol, offered list. */
    ALPN_NOT_OFFERED("tls.server-hello.alpn-not-offered", Severity.ERROR, SpecRef.rfc(7301, "3.2")),
    /** The server answered with a HelloRetryRequest; args: selected group. */
    HELLO_RETRY_REQUEST("tls.server-hello.hello-retry-request", Severity.INFO, SpecRef.rfc(8446, "4.1.4")),
    /** TLS 1.0 or 1.1 was negotiated; args: version name. */
    VERSION_DEPRECATED("tls.version.deprecated", Severity.WARNING, SpecRef.rfc(8996, "5")),
    /** A fatal alert in plaintext: the connection is over; args: description. */
    ALERT_FATAL("tls.alert.fatal", Severity.WARNING, SpecRef.rfc(8446, "6"));

    private final Definition definition;

    TlsFinding(String code, Severity severity, SpecRef spec) {
        this.definition = new Definition(code, severity, spec);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
