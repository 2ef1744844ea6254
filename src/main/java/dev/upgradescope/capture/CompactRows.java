package dev.upgradescope.capture;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The rows of a connection's compact events, rebuilt ({@link CompactUnits#row}) and merged with
 * its rows of their own in the order a read asks for.
 */
final class CompactRows {

    /** The most stream bytes read at once to rebuild the text of several compact messages. */
    private static final int SPAN_READ = 1 << 20;

    private CompactRows() {
    }

    /** The rows and the compact events together, in {@code order}, the first {@code limit}. */
    static List<EventRow> merge(SessionReader reader, long conn, List<EventRow> plain, List<CompactEvent> compact,
                                 Comparator<EventRow> order, int limit) throws IOException {
        if (compact.isEmpty()) {
            return plain;
        }
        List<EventRow> all = new ArrayList<>(plain.size() + compact.size());
        all.addAll(plain);
        all.addAll(rows(reader, conn, compact));
        all.sort(order);
        return all.size() > limit ? new ArrayList<>(all.subList(0, Math.max(0, limit))) : all;
    }

    /**
     * The rows of compact events, rebuilt; the stream bytes that text messages need are read in
     * spans of up to {@value #SPAN_READ} bytes covering several messages at once.
     */
    static List<EventRow> rows(SessionReader reader, long conn, List<CompactEvent> events) throws IOException {
        List<EventRow> out = new ArrayList<>(events.size());
        byte[][] span = new byte[2][];
        long[] spanAt = new long[2];
        for (int i = 0; i < events.size(); i++) {
            CompactEvent e = events.get(i);
            byte[] bytes = null;
            if (CompactUnits.needsBytes(e)) {
                int d = e.dir().ordinal();
                if (span[d] == null || e.offset() < spanAt[d] || e.end() > spanAt[d] + span[d].length) {
                    long end = e.end();
                    for (int k = i + 1; k < events.size(); k++) { // widen over the next messages of this direction
                        CompactEvent next = events.get(k);
                        if (next.dir() == e.dir() && CompactUnits.needsBytes(next) && next.offset() >= e.offset()
                                && next.end() - e.offset() <= SPAN_READ) {
                            end = Math.max(end, next.end());
                        }
                    }
                    span[d] = reader.bytes(conn, e.dir(), e.offset(), (int) Math.min(Integer.MAX_VALUE - 8, end - e.offset()));
                    spanAt[d] = e.offset();
                }
                int from = (int) (e.offset() - spanAt[d]);
                int to = (int) Math.min(span[d].length, e.end() - spanAt[d]);
                bytes = Arrays.copyOfRange(span[d], Math.min(from, to), to);
            }
            try {
                out.add(CompactUnits.row(conn, e, bytes));
            } catch (RuntimeException damage) {
                throw SqlReads.damaged(reader.file(), damage);
            }
        }
        return out;
    }
}
