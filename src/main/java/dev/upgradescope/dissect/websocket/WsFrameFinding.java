package dev.upgradescope.dissect.websocket;

import dev.upgradescope.wire.FindingKind;
import dev.upgradescope.wire.Severity;
import dev.upgradescope.wire.SpecRef;

/** Checks of WebSocket framing after the handshake (RFC 6455 §5, §7, §8). */
public enum WsFrameFinding implements FindingKind.Defined {
    MASK_MISSING("wsframe.mask.missing", Severity.ERROR, "5.3"),
    MASK_UNEXPECTED("wsframe.mask.unexpected", Severity.ERROR, "5.1"),
    OPCODE_RESERVED("wsframe.opcode.reserved", Severity.ERROR, "5.2"),
    LENGTH_NON_MINIMAL("wsframe.length.non-minimal", Severity.ERROR, "5.2"),
    LENGTH_MSB_SET("wsframe.length.msb-set", Severity.ERROR, "5.2"),
    CONTROL_TOO_LONG("wsframe.control.too-long", Severity.ERROR, "5.5"),
    CONTROL_FRAGMENTED("wsframe.control.fragmented", Severity.ERROR, "5.5"),
    CONTINUATION_UNEXPECTED("wsframe.continuation.unexpected", Severity.ERROR, "5.4"),
    DATA_INTERLEAVED("wsframe.data.interleaved", Severity.ERROR, "5.4"),
    MESSAGE_INCOMPLETE("wsframe.message.incomplete", Severity.WARNING, "5.4"),
    RSV_UNNEGOTIATED("wsframe.rsv.unnegotiated", Severity.ERROR, "5.2"),
    RSV_UNKNOWN_EXTENSION("wsframe.rsv.unknown-extension", Severity.INFO, "5.2"),
    CLOSE_ONE_BYTE("wsframe.close.one-byte", Severity.ERROR, "5.5.1"),
    CLOSE_CODE_RESERVED("wsframe.close.code-reserved", Severity.ERROR, "7.4.1"),
    CLOSE_CODE_INVALID("wsframe.close.code-invalid", Severity.ERROR, "7.4.2"),
    CLOSE_CODE_UNREGISTERED("wsframe.close.code-unregistered", Severity.ERROR, "7.4.2"),
    CLOSE_REASON_UTF8("wsframe.close.reason-utf8", Severity.ERROR, "5.5.1"),
    TEXT_UTF8("wsframe.text.utf8", Severity.ERROR, "8.1"),
    AFTER_CLOSE("wsframe.after-close", Severity.ERROR, "5.5.1"),
    PONG_MISMATCH("wsframe.pong.mismatch", Severity.WARNING, "5.5.3"),
    PONG_UNSOLICITED("wsframe.pong.unsolicited", Severity.INFO, "5.5.3"),
    PING_UNANSWERED("wsframe.ping.unanswered", Severity.INFO, "5.5.2"),
    TRUNCATED("wsframe.truncated", Severity.WARNING, "5.2"),
    PAYLOAD_CAPPED("wsframe.payload.capped", Severity.INFO, "10.4");

    private final Definition definition;

    WsFrameFinding(String code, Severity severity, String section) {
        this.definition = new Definition(code, severity, SpecRef.rfc(6455, section));
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
