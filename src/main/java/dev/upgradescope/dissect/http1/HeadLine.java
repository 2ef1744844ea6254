package dev.upgradescope.dissect.http1;

/**
 * One line of a head inside a buffer: its content {@code [from, to)} without the line ending, and
 * {@code end}, the index after its line ending ({@code to} when the stream ended inside the line).
 */
record HeadLine(int from, int to, int end, boolean bareLf) {

    boolean empty() {
        return from == to;
    }

    boolean terminated() {
        return end > to;
    }

    /** The line starting at {@code from}, or null when no LF is there before {@code limit}. */
    static HeadLine at(byte[] buf, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (buf[i] == '\n') {
                boolean cr = i > from && buf[i - 1] == '\r';
                return new HeadLine(from, cr ? i - 1 : i, i + 1, !cr);
            }
        }
        return null;
    }

    /** The line starting at {@code from}, unterminated if the bytes end before an LF. */
    static HeadLine atOrToEnd(byte[] buf, int from, int limit) {
        HeadLine line = at(buf, from, limit);
        if (line != null) {
            return line;
        }
        int to = limit > from && buf[limit - 1] == '\r' ? limit - 1 : limit;
        return new HeadLine(from, to, limit, false);
    }
}
