package dev.upgradescope.dissect.tls;

import java.util.Optional;

/** The record content types of RFC 8446 §5.1 and RFC 6520 (heartbeat), with their wire values. */
public enum ContentType {
    CHANGE_CIPHER_SPEC(20, "change_cipher_spec", "ChangeCipherSpec"),
    ALERT(21, "alert", "Alert"),
    HANDSHAKE(22, "handshake", "Handshake"),
    APPLICATION_DATA(23, "application_data", "ApplicationData"),
    HEARTBEAT(24, "heartbeat", "Heartbeat");

    private final int code;
    private final String specName;
    private final String title;

    ContentType(int code, String specName, String title) {
        this.code = code;
        this.specName = specName;
        this.title = title;
    }

    /** The byte on the wire. */
    public int code() {
        return code;
    }

    /** The name as RFC 8446 spells it, e.g. {@code handshake}. */
    public String specName() {
        return specName;
    }

    /** The name used in one-line summaries, e.g. {@code Handshake}. */
    public String title() {
        return title;
    }

    public static Optional<ContentType> byCode(int code) {
        for (ContentType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The spec name for a registered type, {@code unknown (N)} otherwise. */
    public static String nameOf(int code) {
        return byCode(code).map(ContentType::specName).orElse("unknown (" + code + ")");
    }
}
