package dev.upgradescope.dissect.http2;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.FindingKind;
import dev.upgradescope.wire.Severity;
import dev.upgradescope.wire.SpecRef;
import java.util.List;

/** The checks of HTTP/2 framing, streams and fields (family {@code h2}, RFC 9113 unless noted). */
public enum H2Finding implements FindingKind.Defined {
    PREFACE_INVALID("h2.preface.invalid", Severity.ERROR, "3.4"),
    PREFACE_TRUNCATED("h2.preface.truncated", Severity.ERROR, "3.4"),
    CLIENT_SETTINGS_MISSING("h2.preface.client-settings-missing", Severity.ERROR, "3.4"),
    SERVER_SETTINGS_MISSING("h2.preface.server-settings-missing", Severity.ERROR, "3.4"),
    FRAME_TOO_LARGE("h2.frame.too-large", Severity.ERROR, "4.2"),
    FRAME_TRUNCATED("h2.frame.truncated", Severity.ERROR, "4.1"),
    FRAME_UNKNOWN_TYPE("h2.frame.unknown-type", Severity.INFO, "5.5"),
    /** Section given per frame type with {@link #atSection}. */
    FRAME_LENGTH_INVALID("h2.frame.length-invalid", Severity.ERROR, "6"),
    /** Section given per frame type with {@link #atSection}. */
    FRAME_TOO_SHORT("h2.frame.too-short", Severity.ERROR, "6"),
    /** Section given per frame type with {@link #atSection}. */
    PADDING_TOO_LONG("h2.padding.too-long", Severity.ERROR, "6.1"),
    /** Section given per frame type with {@link #atSection}. */
    STREAM_ZERO_FORBIDDEN("h2.stream.zero-forbidden", Severity.ERROR, "6"),
    /** Section given per frame type with {@link #atSection}. */
    STREAM_ZERO_REQUIRED("h2.stream.zero-required", Severity.ERROR, "6"),
    CLIENT_STREAM_EVEN("h2.stream.client-id-even", Severity.ERROR, "5.1.1"),
    STREAM_ID_NOT_INCREASING("h2.stream.id-not-increasing", Severity.ERROR, "5.1.1"),
    PUSH_ID_INVALID("h2.stream.push-id-invalid", Severity.ERROR, "5.1.1"),
    PUSH_FROM_CLIENT("h2.push.from-client", Severity.ERROR, "8.4"),
    UPGRADE_STREAM_REUSED("h2.upgrade.stream1-reused", 7540, Severity.ERROR, "3.2"),
    CONTINUATION_UNEXPECTED("h2.continuation.unexpected", Severity.ERROR, "6.10"),
    CONTINUATION_INTERLEAVED("h2.continuation.interleaved", Severity.ERROR, "6.10"),
    SETTINGS_LENGTH("h2.settings.length", Severity.ERROR, "6.5"),
    SETTINGS_ACK_PAYLOAD("h2.settings.ack-payload", Severity.ERROR, "6.5"),
    /** Section given by the parameter's defining spec with {@link #atSpec}. */
    SETTINGS_VALUE_OUT_OF_RANGE("h2.settings.value-out-of-range", Severity.ERROR, "6.5.2"),
    SETTINGS_UNKNOWN("h2.settings.unknown", Severity.INFO, "6.5.2"),
    SETTINGS_UPGRADE_MISMATCH("h2.settings.upgrade-mismatch", 7540, Severity.INFO, "3.2.1"),
    WINDOW_UPDATE_ZERO("h2.window-update.zero", Severity.ERROR, "6.9"),
    COMPRESSION_ERROR("h2.header-block.compression-error", Severity.ERROR, "4.3"),
    HEADER_BLOCK_TOO_LARGE("h2.header-block.too-large", Severity.WARNING, "10.5.1"),
    FIELD_CONNECTION_SPECIFIC("h2.field.connection-specific", Severity.ERROR, "8.2.2"),
    FIELD_TE_NOT_TRAILERS("h2.field.te-not-trailers", Severity.ERROR, "8.2.2"),
    FIELD_UPPERCASE("h2.field.uppercase", Severity.ERROR, "8.2.1"),
    PSEUDO_AFTER_REGULAR("h2.pseudo.after-regular", Severity.ERROR, "8.3"),
    PSEUDO_INVALID("h2.pseudo.invalid", Severity.ERROR, "8.3"),
    PSEUDO_DUPLICATE("h2.pseudo.duplicate", Severity.ERROR, "8.3"),
    PSEUDO_MISSING("h2.pseudo.missing", Severity.ERROR, "8.3.1"),
    EXTENDED_CONNECT("h2.connect.extended", 8441, Severity.INFO, "4"),
    EXTENDED_CONNECT_NOT_ENABLED("h2.connect.extended-not-enabled", 8441, Severity.WARNING, "3");

    private final Definition definition;

    H2Finding(String code, Severity severity, String section) {
        this(code, 9113, severity, section);
    }

    H2Finding(String code, int rfc, Severity severity, String section) {
        this.definition = new Definition(code, severity, SpecRef.rfc(rfc, section));
    }

    @Override
    public Definition definition() {
        return definition;
    }

    /** A finding of this kind citing another section of RFC 9113 (a check shared by several frame types). */
    public Finding atSection(String section, ByteRange range, Object... args) {
        return atSpec(SpecRef.rfc(9113, section), range, args);
    }

    /** A finding of this kind citing {@code where} instead of the kind's default section. */
    public Finding atSpec(SpecRef where, ByteRange range, Object... args) {
        Finding f = at(range, args);
        return new Finding(f.code(), f.severity(), where, List.copyOf(f.args()), range);
    }
}
