package dev.upgradescope.dissect.websocket;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** The client-to-server masking of RFC 6455 §5.3, undone eight bytes at a time. */
final class Masking {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Masking() {
    }

    /**
     * Writes {@code src[from, to)} XOR the masking key into {@code dst} from {@code at}; the first
     * byte is byte {@code position} of the payload, so the key is applied from octet
     * {@code position % 4}. {@code key} holds the four key octets, the first in the high byte.
     */
    static void unmask(byte[] src, int from, int to, byte[] dst, int at, int key, long position) {
        int n = to - from;
        int rotated = Integer.rotateLeft(key, 8 * (int) (position & 3));
        long mask = ((long) rotated << 32) | (rotated & 0xFFFF_FFFFL);
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long v = (long) LONGS.get(src, from + i);
            LONGS.set(dst, at + i, v ^ mask);
        }
        for (; i < n; i++) {
            dst[at + i] = (byte) (src[from + i] ^ (rotated >>> (24 - 8 * (i & 3))));
        }
    }
}
