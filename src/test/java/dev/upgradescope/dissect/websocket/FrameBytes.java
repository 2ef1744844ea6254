package dev.upgradescope.dissect.websocket;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds WebSocket frames for tests (RFC 6455 §5.2), independently of the dissector. */
final class FrameBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static FrameBytes stream() {
        return new FrameBytes();
    }

    /** A frame with the minimal length encoding; {@code mask} null for an unmasked frame. */
    FrameBytes frame(boolean fin, int rsv, int opcode, byte[] payload, byte[] mask) {
        int lengthBits = payload.length < 126 ? 7 : payload.length < 65536 ? 16 : 64;
        return frame(fin, rsv, opcode, payload, mask, lengthBits);
    }

    /** A frame with the payload length written in {@code lengthBits} (7, 16 or 64) bits. */
    FrameBytes frame(boolean fin, int rsv, int opcode, byte[] payload, byte[] mask, int lengthBits) {
        out.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
        int maskBit = mask == null ? 0 : 0x80;
        long n = payload.length;
        if (lengthBits == 7) {
            out.write(maskBit | (int) n);
        } else if (lengthBits == 16) {
            out.write(maskBit | 126);
            out.write((int) (n >> 8));
            out.write((int) n);
        } else {
            out.write(maskBit | 127);
            for (int k = 7; k >= 0; k--) {
                out.write((int) (n >> (8 * k)));
            }
        }
        if (mask != null) {
            out.write(mask, 0, 4);
            for (int k = 0; k < payload.length; k++) {
                out.write(payload[k] ^ mask[k & 3]);
            }
        } else {
            out.write(payload, 0, payload.length);
        }
        return this;
    }

    FrameBytes text(String s, byte[] mask) {
        return frame(true, 0, Opcode.TEXT, utf8(s), mask);
    }

    FrameBytes raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] close(int code, String reason) {
        byte[] r = utf8(reason);
        byte[] p = new byte[2 + r.length];
        p[0] = (byte) (code >> 8);
        p[1] = (byte) code;
        System.arraycopy(r, 0, p, 2, r.length);
        return p;
    }

    static final byte[] MASK = {0x37, (byte) 0xfa, 0x21, 0x3d};
}
