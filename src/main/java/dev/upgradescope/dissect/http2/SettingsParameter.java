package dev.upgradescope.dissect.http2;

import dev.upgradescope.wire.SpecRef;
import java.util.Optional;

/**
 * The HTTP/2 SETTINGS parameters with a registered name, the spec that defines each, and the
 * range of values that spec allows. Shared by the SETTINGS frame dissector and the check of the
 * {@code HTTP2-Settings} header of an h2c upgrade (whose payload is a SETTINGS frame payload,
 * RFC 7540 §3.2.1).
 */
public enum SettingsParameter {
    HEADER_TABLE_SIZE(0x1, "SETTINGS_HEADER_TABLE_SIZE", SpecRef.rfc(9113, "6.5.2"), 0, 0xFFFF_FFFFL),
    ENABLE_PUSH(0x2, "SETTINGS_ENABLE_PUSH", SpecRef.rfc(9113, "6.5.2"), 0, 1),
    MAX_CONCURRENT_STREAMS(0x3, "SETTINGS_MAX_CONCURRENT_STREAMS", SpecRef.rfc(9113, "6.5.2"), 0, 0xFFFF_FFFFL),
    INITIAL_WINDOW_SIZE(0x4, "SETTINGS_INITIAL_WINDOW_SIZE", SpecRef.rfc(9113, "6.5.2"), 0, (1L << 31) - 1),
    MAX_FRAME_SIZE(0x5, "SETTINGS_MAX_FRAME_SIZE", SpecRef.rfc(9113, "6.5.2"), 1L << 14, (1L << 24) - 1),
    MAX_HEADER_LIST_SIZE(0x6, "SETTINGS_MAX_HEADER_LIST_SIZE", SpecRef.rfc(9113, "6.5.2"), 0, 0xFFFF_FFFFL),
    ENABLE_CONNECT_PROTOCOL(0x8, "SETTINGS_ENABLE_CONNECT_PROTOCOL", SpecRef.rfc(8441, "3"), 0, 1),
    NO_RFC7540_PRIORITIES(0x9, "SETTINGS_NO_RFC7540_PRIORITIES", SpecRef.rfc(9218, "2.1"), 0, 1);

    private final int id;
    private final String specName;
    private final SpecRef definedIn;
    private final long min;
    private final long max;

    SettingsParameter(int id, String specName, SpecRef definedIn, long min, long max) {
        this.id = id;
        this.specName = specName;
        this.definedIn = definedIn;
        this.min = min;
        this.max = max;
    }

    /** The 16-bit identifier on the wire. */
    public int id() {
        return id;
    }

    /** The name as the spec spells it, e.g. {@code SETTINGS_MAX_FRAME_SIZE}. */
    public String specName() {
        return specName;
    }

    /** Where the parameter and its allowed values are defined. */
    public SpecRef definedIn() {
        return definedIn;
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    public boolean allows(long value) {
        return value >= min && value <= max;
    }

    public static Optional<SettingsParameter> byId(int id) {
        for (SettingsParameter p : values()) {
            if (p.id == id) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The spec name for a known identifier, {@code UNKNOWN (0xNN)} otherwise. */
    public static String nameOf(int id) {
        return byId(id).map(SettingsParameter::specName).orElse(String.format("UNKNOWN (0x%x)", id));
    }
}
