package dev.upgradescope.ui.timeline;

import dev.upgradescope.capture.EventRow;
import dev.upgradescope.dissect.http2.FrameType;
import dev.upgradescope.wire.Direction;
import java.util.Arrays;
import java.util.List;

/**
 * Marks of one page of a connection's stored events, built off the FX thread and appended to its
 * lane on it. {@link #eventsRead()} counts every event of the page, also those without a mark.
 */
final class MarkBatch {

    private final long conn;
    private long[] nanos;
    private byte[] kinds;
    private byte[] tracks;
    private long[] ids;
    private int size;
    private long lastEventId;
    private int eventsRead;

    private MarkBatch(long conn, int capacity, int eventsRead) {
        this.conn = conn;
        this.nanos = new long[capacity];
        this.kinds = new byte[capacity];
        this.tracks = new byte[capacity];
        this.ids = new long[capacity];
        this.eventsRead = eventsRead;
    }

    /** The marks of {@code events} (all of connection {@code conn}). */
    static MarkBatch of(long conn, List<EventRow> events) {
        MarkBatch b = new MarkBatch(conn, events.size(), events.size());
        for (EventRow e : events) {
            b.lastEventId = Math.max(b.lastEventId, e.id());
            MarkKind k = MarkKind.of(e);
            if (k != null) {
                b.put(e.nanos(), k, Track.of(e.dir()), e.id());
            }
        }
        return b;
    }

    /** An empty batch for at most {@code capacity} events of {@code conn}, filled by {@link #accept}. */
    static MarkBatch reading(long conn, int capacity) {
        return new MarkBatch(conn, capacity, 0);
    }

    /** Takes one event as {@code SessionReader.forEachMark} reads it; always true (read on). */
    boolean accept(long id, String kind, Direction dir, long nanos, int opcode, FrameType type) {
        if (size == ids.length) {
            grow();
        }
        eventsRead++;
        lastEventId = Math.max(lastEventId, id);
        MarkKind k = MarkKind.of(kind, opcode, type);
        if (k != null) {
            put(nanos, k, Track.of(dir), id);
        }
        return true;
    }

    private void grow() {
        int n = Math.max(16, ids.length * 2);
        nanos = Arrays.copyOf(nanos, n);
        kinds = Arrays.copyOf(kinds, n);
        tracks = Arrays.copyOf(tracks, n);
        ids = Arrays.copyOf(ids, n);
    }

    private void put(long t, MarkKind k, Track track, long id) {
        nanos[size] = t;
        kinds[size] = k.code();
        tracks[size] = (byte) track.ordinal();
        ids[size] = id;
        size++;
    }

    long conn() {
        return conn;
    }

    int size() {
        return size;
    }

    long nanos(int i) {
        return nanos[i];
    }

    MarkKind kind(int i) {
        return MarkKind.ofCode(kinds[i]);
    }

    Track track(int i) {
        return Track.values()[tracks[i]];
    }

    long id(int i) {
        return ids[i];
    }

    long lastEventId() {
        return lastEventId;
    }

    int eventsRead() {
        return eventsRead;
    }

    @Override
    public String toString() {
        return "MarkBatch[conn=" + conn + ", marks=" + size + ", read=" + eventsRead + ", ids<="
                + lastEventId + ", t=" + Arrays.toString(Arrays.copyOf(nanos, Math.min(size, 4))) + "]";
    }
}
