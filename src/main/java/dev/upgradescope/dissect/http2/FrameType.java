package dev.upgradescope.dissect.http2;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP/2 frame types of RFC 9113 §6 with their wire codes and the flags each defines. Frames of
 * any other type are shown as {@code UNKNOWN(0xNN)} and otherwise ignored (RFC 9113 §4.1, §5.5).
 */
public enum FrameType {
    DATA(0x0, Flag.END_STREAM, Flag.PADDED),
    HEADERS(0x1, Flag.END_STREAM, Flag.END_HEADERS, Flag.PADDED, Flag.PRIORITY),
    PRIORITY(0x2),
    RST_STREAM(0x3),
    SETTINGS(0x4, Flag.ACK),
    PUSH_PROMISE(0x5, Flag.END_HEADERS, Flag.PADDED),
    PING(0x6, Flag.ACK),
    GOAWAY(0x7),
    WINDOW_UPDATE(0x8),
    CONTINUATION(0x9, Flag.END_HEADERS);

    /** The flag bits defined by RFC 9113 §6, named as the spec names them. */
    public enum Flag {
        END_STREAM(0x1), ACK(0x1), END_HEADERS(0x4), PADDED(0x8), PRIORITY(0x20);

        private final int bit;

        Flag(int bit) {
            this.bit = bit;
        }

        public int bit() {
            return bit;
        }
    }

    private static final FrameType[] BY_CODE = values();

    private final int code;
    private final Flag[] flags;

    FrameType(int code, Flag... flags) {
        this.code = code;
        this.flags = flags;
    }

    /** The 8-bit type code on the wire. */
    public int code() {
        return code;
    }

    /** The defined type with this code, or null. */
    public static FrameType byCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** The defined type with this spec name ({@code DATA}…), or null ({@code UNKNOWN(0xNN)}). */
    public static FrameType byName(String name) {
        for (FrameType t : BY_CODE) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** The spec name of a type code, {@code UNKNOWN(0xNN)} for an undefined one. */
    public static String nameOf(int code) {
        FrameType t = byCode(code);
        return t != null ? t.name() : String.format("UNKNOWN(0x%02x)", code);
    }

    /**
     * The names of the flags set in {@code flagBits}, lowest bit first; bits the type does not define
     * are shown in hex ({@code 0x10}), as they must be ignored (RFC 9113 §4.1).
     */
    public static List<String> flagNames(int typeCode, int flagBits) {
        List<String> out = new ArrayList<>(2);
        FrameType t = byCode(typeCode);
        for (int bit = 1; bit <= 0x80; bit <<= 1) {
            if ((flagBits & bit) == 0) {
                continue;
            }
            String name = null;
            if (t != null) {
                for (Flag f : t.flags) {
                    if (f.bit == bit) {
                        name = f.name();
                    }
                }
            }
            out.add(name != null ? name : String.format("0x%02x", bit));
        }
        return out;
    }
}
