package dev.upgradescope.ui.raw;

import java.util.ArrayList;
import java.util.List;

/**
 * The hex dump's text layout and its mapping between byte indexes and text positions. Every line
 * has the same width: an 8-digit stream offset, two spaces, 16 bytes in hex (an extra space after
 * the eighth), a space, the 16 bytes as ASCII (a dot for anything not printable), a line break.
 */
public final class HexLayout {

    public static final int BYTES_PER_LINE = 16;
    static final int HEX_COLUMN = 10;
    static final int ASCII_COLUMN = 60;
    static final int LINE_WIDTH = ASCII_COLUMN + BYTES_PER_LINE + 1;
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private HexLayout() {
    }

    /** The dump of {@code bytes}, whose first byte is at stream offset {@code base}. */
    public static String text(byte[] bytes, long base) {
        int lines = (bytes.length + BYTES_PER_LINE - 1) / BYTES_PER_LINE;
        StringBuilder sb = new StringBuilder(lines * LINE_WIDTH);
        char[] line = new char[LINE_WIDTH];
        for (int l = 0; l < lines; l++) {
            java.util.Arrays.fill(line, ' ');
            long offset = base + (long) l * BYTES_PER_LINE;
            for (int d = 7; d >= 0; d--) {
                line[7 - d] = DIGITS[(int) (offset >>> (d * 4)) & 0xf];
            }
            for (int j = 0; j < BYTES_PER_LINE; j++) {
                int i = l * BYTES_PER_LINE + j;
                if (i >= bytes.length) {
                    break;
                }
                int b = bytes[i] & 0xff;
                int h = hexColumn(j);
                line[h] = DIGITS[b >>> 4];
                line[h + 1] = DIGITS[b & 0xf];
                line[ASCII_COLUMN + j] = b >= 0x20 && b < 0x7f ? (char) b : '.';
            }
            line[LINE_WIDTH - 1] = '\n';
            sb.append(line, 0, l == lines - 1 ? LINE_WIDTH - 1 : LINE_WIDTH);
        }
        return sb.toString();
    }

    static int hexColumn(int j) {
        return HEX_COLUMN + j * 3 + (j >= 8 ? 1 : 0);
    }

    /** Text position of the first hex digit of byte {@code index}. */
    public static int hexPosition(int index) {
        return (index / BYTES_PER_LINE) * LINE_WIDTH + hexColumn(index % BYTES_PER_LINE);
    }

    /** Text position of the ASCII character of byte {@code index}. */
    public static int asciiPosition(int index) {
        return (index / BYTES_PER_LINE) * LINE_WIDTH + ASCII_COLUMN + index % BYTES_PER_LINE;
    }

    /**
     * The byte index shown at text position {@code position} (its hex digits, the space after
     * them, or its ASCII character); the line's first byte for its offset column; -1 past the end.
     */
    public static int byteAt(int position, int length) {
        if (position < 0) {
            return -1;
        }
        int line = position / LINE_WIDTH;
        int col = position % LINE_WIDTH;
        int j;
        if (col >= ASCII_COLUMN && col < ASCII_COLUMN + BYTES_PER_LINE) {
            j = col - ASCII_COLUMN;
        } else if (col >= HEX_COLUMN && col < ASCII_COLUMN - 1) {
            int c = col - HEX_COLUMN;
            j = c < 24 ? c / 3 : Math.min(BYTES_PER_LINE - 1, 8 + Math.max(0, c - 25) / 3);
        } else if (col < HEX_COLUMN) {
            j = 0;
        } else {
            j = BYTES_PER_LINE - 1;
        }
        int index = line * BYTES_PER_LINE + j;
        return index < length ? index : -1;
    }

    /**
     * The text spans {@code [start, end)} to highlight for bytes {@code [from, to)}: per line, one
     * over the hex digits and one over the ASCII characters.
     */
    public static List<int[]> spans(int from, int to) {
        List<int[]> out = new ArrayList<>();
        for (int i = from; i < to; ) {
            int lineEnd = Math.min(to, (i / BYTES_PER_LINE + 1) * BYTES_PER_LINE);
            int last = lineEnd - 1;
            out.add(new int[] {hexPosition(i), hexPosition(last) + 2});
            out.add(new int[] {asciiPosition(i), asciiPosition(last) + 1});
            i = lineEnd;
        }
        return out;
    }
}
