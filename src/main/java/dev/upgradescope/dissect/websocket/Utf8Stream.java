package dev.upgradescope.dissect.websocket;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A streaming UTF-8 validator (RFC 3629 well-formed sequences, as RFC 6455 §8.1 requires of text
 * messages): bytes may arrive in any number of pieces, a sequence may straddle two pieces.
 */
final class Utf8Stream {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private int need;
    private int lower = 0x80;
    private int upper = 0xBF;
    private boolean failed;

    /**
     * Checks {@code b[from, to)}; the index of the first byte that cannot be valid UTF-8 here, or
     * -1. After a failure the stream stays failed and reports nothing more.
     */
    int update(byte[] b, int from, int to) {
        if (failed) {
            return -1;
        }
        int i = from;
        while (i < to) {
            if (need == 0) {
                while (i + 8 <= to && ((long) LONGS.get(b, i) & 0x8080_8080_8080_8080L) == 0) {
                    i += 8; // eight ASCII bytes at once
                }
                while (i < to && b[i] >= 0) {
                    i++;
                }
                if (i == to) {
                    break;
                }
                if (!lead(b[i] & 0xFF)) {
                    failed = true;
                    return i;
                }
            } else {
                int c = b[i] & 0xFF;
                if (c < lower || c > upper) {
                    failed = true;
                    return i;
                }
                lower = 0x80;
                upper = 0xBF;
                need--;
            }
            i++;
        }
        return -1;
    }

    private boolean lead(int c) {
        if (c >= 0xC2 && c <= 0xDF) {
            return expect(1, 0x80, 0xBF);
        } else if (c == 0xE0) {
            return expect(2, 0xA0, 0xBF); // no overlong 3-byte forms
        } else if (c == 0xED) {
            return expect(2, 0x80, 0x9F); // no UTF-16 surrogates
        } else if (c >= 0xE1 && c <= 0xEF) {
            return expect(2, 0x80, 0xBF);
        } else if (c == 0xF0) {
            return expect(3, 0x90, 0xBF); // no overlong 4-byte forms
        } else if (c >= 0xF1 && c <= 0xF3) {
            return expect(3, 0x80, 0xBF);
        } else if (c == 0xF4) {
            return expect(3, 0x80, 0x8F); // nothing above U+10FFFF
        }
        return false;
    }

    private boolean expect(int count, int lo, int hi) {
        need = count;
        lower = lo;
        upper = hi;
        return true;
    }

    /** True when a failure was reported. */
    boolean failed() {
        return failed;
    }

    /** True when the bytes so far end on a character boundary (a message may end here). */
    boolean atBoundary() {
        return need == 0;
    }
}
