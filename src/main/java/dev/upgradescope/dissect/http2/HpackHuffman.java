package dev.upgradescope.dissect.http2;

/**
 * The HPACK Huffman code of RFC 7541 Appendix B and a decoder for it (§5.2). The code is canonical:
 * the table below is the bit length of each symbol's code (symbols 0..255, then EOS = 256), and the
 * codes themselves follow from the lengths by assigning consecutive values in order of length, then
 * symbol — which reproduces every code of Appendix B.
 */
final class HpackHuffman {

    static final int EOS = 256;

    /** Appendix B, column "len in bits", symbol by symbol. */
    static final byte[] CODE_LENGTHS = {
            13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28,  // 0..
            28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 28,  // 16..
            6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6,  // 32..
            5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10,  // 48..
            13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,  // 64..
            7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, 13, 19, 13, 14, 6,  // 80..
            15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5,  // 96..
            6, 7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28,  // 112..
            20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23, 24, 23,  // 128..
            24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24,  // 144..
            22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23,  // 160..
            21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23,  // 176..
            26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25,  // 192..
            19, 21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27,  // 208..
            20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23,  // 224..
            26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26,  // 240..
            30,  // 256 (EOS)
    };

    /** The code of each symbol, right-aligned in an int (Appendix B, column "code as hex"). */
    static final int[] CODES = new int[257];

    /** A binary tree: {@code TREE[2 * node + bit]} is a child node (> 0) or a leaf {@code -(symbol + 1)}. */
    private static final int[] TREE = new int[2 * 257];

    static {
        Integer[] order = new Integer[257];
        for (int i = 0; i < 257; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> CODE_LENGTHS[a] != CODE_LENGTHS[b]
                ? CODE_LENGTHS[a] - CODE_LENGTHS[b] : a - b);
        int code = 0;
        int previousLength = CODE_LENGTHS[order[0]];
        for (int k = 0; k < 257; k++) {
            int sym = order[k];
            if (k > 0) {
                code = (code + 1) << (CODE_LENGTHS[sym] - previousLength);
            }
            previousLength = CODE_LENGTHS[sym];
            CODES[sym] = code;
        }
        int nodes = 1;
        for (int sym = 0; sym < 257; sym++) {
            int node = 0;
            for (int b = CODE_LENGTHS[sym] - 1; b >= 0; b--) {
                int slot = 2 * node + ((CODES[sym] >>> b) & 1);
                if (b == 0) {
                    TREE[slot] = -(sym + 1);
                } else {
                    if (TREE[slot] == 0) {
                        TREE[slot] = nodes++;
                    }
                    node = TREE[slot];
                }
            }
        }
    }

    private HpackHuffman() {
    }

    /**
     * The octets coded in {@code buf[from, to)}, or null when the string is invalid: it contains EOS,
     * or it ends with padding longer than 7 bits or not made of the most significant bits of EOS (§5.2).
     */
    static byte[] decode(byte[] buf, int from, int to) {
        byte[] out = new byte[(to - from) * 8 / 5 + 1];
        int n = 0;
        int node = 0;
        int pendingBits = 0;
        boolean pendingAllOnes = true;
        for (int i = from; i < to; i++) {
            int octet = buf[i] & 0xFF;
            for (int b = 7; b >= 0; b--) {
                int bit = (octet >>> b) & 1;
                int next = TREE[2 * node + bit];
                pendingBits++;
                pendingAllOnes &= bit == 1;
                if (next < 0) {
                    int sym = -next - 1;
                    if (sym == EOS) {
                        return null;
                    }
                    out[n++] = (byte) sym;
                    node = 0;
                    pendingBits = 0;
                    pendingAllOnes = true;
                } else {
                    node = next;
                }
            }
        }
        if (pendingBits > 7 || !pendingAllOnes) {
            return null;
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
