package dev.upgradescope.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fuzz input read as one connection: a flags byte for the target's own choices, the bytes of
 * each direction, and the points where each direction is cut into chunks, so the fuzzer controls
 * both the content and how it arrives.
 *
 * <pre>
 * [0]     flags (the target decides what they mean)
 * [1]     cut counts: low nibble for c2s, high nibble for s2c
 * [2..3]  c2s length, big-endian (clipped to what is left)
 * then    every cut as a big-endian u16 (c2s cuts first; each taken modulo its stream's length + 1)
 * then    the c2s bytes, and the rest is the s2c bytes
 * </pre>
 *
 * Missing header bytes read as zero, so every input, the empty one too, is a connection.
 */
record TwoStreams(int flags, byte[] c2s, byte[] s2c, List<byte[]> c2sChunks, List<byte[]> s2cChunks) {

    static final int HEADER = 4;

    static TwoStreams of(byte[] input) {
        int flags = at(input, 0);
        int cuts = at(input, 1);
        int c2sCuts = cuts & 0x0f;
        int s2cCuts = cuts >>> 4;
        int pos = HEADER + 2 * (c2sCuts + s2cCuts);
        int rest = Math.max(0, input.length - pos);
        int c2sLength = Math.min(rest, (at(input, 2) << 8) | at(input, 3));
        int start = Math.min(pos, input.length);
        byte[] c2s = Arrays.copyOfRange(input, start, start + c2sLength);
        byte[] s2c = Arrays.copyOfRange(input, start + c2sLength, input.length);
        int[] c2sAt = new int[c2sCuts];
        int[] s2cAt = new int[s2cCuts];
        for (int i = 0; i < c2sCuts; i++) {
            c2sAt[i] = u16(input, HEADER + 2 * i) % (c2s.length + 1);
        }
        for (int i = 0; i < s2cCuts; i++) {
            s2cAt[i] = u16(input, HEADER + 2 * (c2sCuts + i)) % (s2c.length + 1);
        }
        return new TwoStreams(flags, c2s, s2c, split(c2s, c2sAt), split(s2c, s2cAt));
    }

    /** The input that {@link #of} reads back as these streams, uncut. */
    static byte[] encode(int flags, byte[] c2s, byte[] s2c) {
        return encode(flags, c2s, s2c, new int[0], new int[0]);
    }

    /** The input that {@link #of} reads back as these streams cut at these points. */
    static byte[] encode(int flags, byte[] c2s, byte[] s2c, int[] c2sCuts, int[] s2cCuts) {
        if (c2s.length > 0xffff || c2sCuts.length > 15 || s2cCuts.length > 15) {
            throw new IllegalArgumentException("c2s over 65535 bytes or more than 15 cuts");
        }
        int cutBytes = 2 * (c2sCuts.length + s2cCuts.length);
        byte[] out = new byte[HEADER + cutBytes + c2s.length + s2c.length];
        out[0] = (byte) flags;
        out[1] = (byte) (c2sCuts.length | (s2cCuts.length << 4));
        out[2] = (byte) (c2s.length >>> 8);
        out[3] = (byte) c2s.length;
        int p = HEADER;
        for (int[] cuts : new int[][] {c2sCuts, s2cCuts}) {
            for (int c : cuts) {
                out[p++] = (byte) (c >>> 8);
                out[p++] = (byte) c;
            }
        }
        System.arraycopy(c2s, 0, out, p, c2s.length);
        System.arraycopy(s2c, 0, out, p + c2s.length, s2c.length);
        return out;
    }

    private static List<byte[]> split(byte[] stream, int[] cuts) {
        int[] sorted = cuts.clone();
        Arrays.sort(sorted);
        List<byte[]> chunks = new ArrayList<>(sorted.length + 1);
        int from = 0;
        for (int cut : sorted) {
            if (cut > from) {
                chunks.add(Arrays.copyOfRange(stream, from, cut));
                from = cut;
            }
        }
        if (from < stream.length) {
            chunks.add(Arrays.copyOfRange(stream, from, stream.length));
        }
        return chunks;
    }

    private static int at(byte[] input, int i) {
        return i < input.length ? input[i] & 0xff : 0;
    }

    private static int u16(byte[] input, int i) {
        return (at(input, i) << 8) | at(input, i + 1);
    }
}
