package dev.upgradescope.dissect.http2;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds HTTP/2 byte streams for tests, frame by frame, with plain literal HPACK blocks. */
final class H2Bytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static H2Bytes clientWithPreface() {
        H2Bytes b = new H2Bytes();
        b.raw(FrameStream.PREFACE);
        return b;
    }

    H2Bytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    H2Bytes frame(int type, int flags, int stream, byte[] payload) {
        out.write(payload.length >>> 16);
        out.write(payload.length >>> 8);
        out.write(payload.length);
        out.write(type);
        out.write(flags);
        writeInt(stream);
        out.writeBytes(payload);
        return this;
    }

    H2Bytes frame(FrameType type, int flags, int stream, byte[] payload) {
        return frame(type.code(), flags, stream, payload);
    }

    /** SETTINGS with id/value pairs. */
    H2Bytes settings(long... idValue) {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        for (int i = 0; i < idValue.length; i += 2) {
            p.write((int) (idValue[i] >>> 8));
            p.write((int) idValue[i]);
            writeInt(p, idValue[i + 1]);
        }
        return frame(FrameType.SETTINGS, 0, 0, p.toByteArray());
    }

    H2Bytes settingsAck() {
        return frame(FrameType.SETTINGS, 0x1, 0, new byte[0]);
    }

    H2Bytes windowUpdate(int stream, long increment) {
        return frame(FrameType.WINDOW_UPDATE, 0, stream, int32(increment));
    }

    H2Bytes headers(int stream, int flags, String... nameValue) {
        return frame(FrameType.HEADERS, flags, stream, literalBlock(nameValue));
    }

    H2Bytes data(int stream, int flags, String text) {
        return frame(FrameType.DATA, flags, stream, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** Literal header fields without indexing, new names, no Huffman (RFC 7541 §6.2.2). */
    static byte[] literalBlock(String... nameValue) {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        for (int i = 0; i < nameValue.length; i += 2) {
            p.write(0x00);
            string(p, nameValue[i]);
            string(p, nameValue[i + 1]);
        }
        return p.toByteArray();
    }

    private static void string(ByteArrayOutputStream p, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length >= 127) {
            p.write(0x7F);
            int rest = b.length - 127;
            while (rest >= 128) {
                p.write((rest & 0x7F) | 0x80);
                rest >>>= 7;
            }
            p.write(rest);
        } else {
            p.write(b.length);
        }
        p.writeBytes(b);
    }

    static byte[] int32(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private void writeInt(long v) {
        writeInt(out, v);
    }

    private static void writeInt(ByteArrayOutputStream o, long v) {
        o.writeBytes(int32(v));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }
}
