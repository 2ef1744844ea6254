package dev.upgradescope.capture;

import dev.upgradescope.dissect.DissectionEvent;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Unit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * The recorder's dissection thread: it takes the queued ops in order, stores each chunk, feeds it to
 * its connection's dissection, and turns what the dissection emits into stored events — a plain
 * WebSocket unit into a compact event in the connection's block, any other event without a payload
 * into the block as written, the rest into rows — and hands open blocks and changed connection
 * summaries to the store at most every {@value #PUBLISH_MILLIS} ms. Used by that thread only.
 */
final class DissectionLoop {

    private static final System.Logger LOG = System.getLogger(Recorder.class.getName());
    /** A connection's block of compact events is handed to the store at this many events or bytes. */
    private static final int BLOCK_EVENTS = 4096;
    private static final int BLOCK_BYTES = 64 * 1024;
    /** How long open blocks and connection summaries may wait before the store gets them. */
    private static final long PUBLISH_MILLIS = 50;

    private final CaptureStore store;
    private final ConnectionDissection.Factory dissections;
    private final Recorder.Options options;
    private final SessionClock clock;
    /** Told the id of each connection whose two directions have ended. */
    private final LongConsumer closed;
    private final Map<Long, LiveConnection> live = new HashMap<>();
    private final Set<LiveConnection> dirty = new LinkedHashSet<>();
    /** Connections with compact events not yet handed to the store. */
    private final Set<LiveConnection> blocked = new LinkedHashSet<>();
    private long lastPublish = System.nanoTime();

    DissectionLoop(CaptureStore store, ConnectionDissection.Factory dissections, Recorder.Options options,
                   SessionClock clock, LongConsumer closed) {
        this.store = store;
        this.dissections = dissections;
        this.options = options;
        this.clock = clock;
        this.closed = closed;
    }

    /** Forgets every open connection (the store failed). */
    void clear() {
        live.clear();
    }

    /** Applies one op of the recorder's queue (not a barrier). */
    void apply(RecorderOp op) {
        if (op instanceof RecorderOp.Open open) {
            LiveConnection c = new LiveConnection(open.conn(), open.info(), newDissection(open.conn()));
            live.put(c.id, c);
            store.connectionOpened(c.row(clock));
            return;
        }
        LiveConnection c = live.get(op.conn());
        if (c == null) {
            return;
        }
        if (op instanceof RecorderOp.Target t) {
            c.target = t.target() == null ? "" : t.target();
            dirty.add(c);
        } else if (op instanceof RecorderOp.ChunkIn chunk) {
            onChunk(c, chunk);
        } else if (op instanceof RecorderOp.NoteIn n) {
            store.note(c.id, n.note(), clock.wallMicros(n.note().nanos()));
        } else if (op instanceof RecorderOp.End end) {
            onEnd(c, end);
        }
    }

    private ConnectionDissection newDissection(long conn) {
        try {
            return dissections.create();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot create a dissection for connection " + conn, e);
            return null;
        }
    }

    private void onChunk(LiveConnection c, RecorderOp.ChunkIn chunk) {
        int d = chunk.dir().ordinal();
        checkGap(c, chunk.dir(), chunk.offset(), chunk.nanos());
        c.expected[d] = chunk.offset() + chunk.bytes().length;
        long wall = clock.wallMicros(chunk.nanos());
        store.chunk(c.id, chunk.dir(), chunk.offset(), chunk.nanos(), wall, chunk.bytes());
        c.countBytes(chunk.dir(), chunk.bytes().length);
        dirty.add(c);
        if (c.dissection != null) {
            List<DissectionEvent> results;
            try {
                results = c.dissection.feed(chunk.dir(), chunk.offset(), chunk.bytes());
            } catch (RuntimeException e) {
                dissectorFailed(c, e, chunk.nanos());
                return;
            }
            record(c, results, chunk.nanos(), wall);
        }
    }

    private void onEnd(LiveConnection c, RecorderOp.End end) {
        int d = end.dir().ordinal();
        if (c.ended[d]) {
            return;
        }
        checkGap(c, end.dir(), end.offset(), end.nanos());
        c.ended[d] = true;
        if (c.dissection != null) {
            try {
                record(c, c.dissection.end(end.dir()), end.nanos(), clock.wallMicros(end.nanos()));
            } catch (RuntimeException e) {
                dissectorFailed(c, e, end.nanos());
            }
        }
        dirty.add(c);
        if (c.ended[0] && c.ended[1]) {
            c.closedNanos = end.nanos();
            c.closedWallMicros = clock.wallMicros(end.nanos());
            flushBlock(c);
            live.remove(c.id);
            closed.accept(c.id);
            dirty.remove(c);
            store.connectionClosed(c.row(clock));
        }
    }

    private void checkGap(LiveConnection c, Direction dir, long offset, long nanos) {
        long expected = c.expected[dir.ordinal()];
        if (offset == expected) {
            return;
        }
        String detail = (offset - expected) + " bytes of " + dir.code() + " from offset " + expected
                + " were not recorded because recording fell behind; dissection of this connection stopped.";
        store.note(c.id, new ConnectionNote(Recorder.NOTE_GAP, detail, nanos), clock.wallMicros(nanos));
        c.dissection = null;
        c.expected[dir.ordinal()] = offset;
    }

    private void dissectorFailed(LiveConnection c, RuntimeException e, long nanos) {
        LOG.log(System.Logger.Level.ERROR, "dissector failed on connection " + c.id, e);
        c.dissection = null;
        store.note(c.id, new ConnectionNote(Recorder.NOTE_DISSECTOR_FAILED, e.toString(), nanos),
                clock.wallMicros(nanos));
    }

    private void record(LiveConnection c, List<DissectionEvent> results, long nanos, long wall) {
        for (DissectionEvent r : results) {
            if (r instanceof DissectionEvent.UnitDissected u) {
                recordUnit(c, u.unit(), nanos, wall);
                continue;
            }
            EventRow draft = r instanceof DissectionEvent.HandshakeAnalysed h ? EventDrafts.handshake(c, h, nanos, wall)
                    : EventDrafts.protocolSwitch(c, (DissectionEvent.ProtocolSwitched) r, nanos, wall);
            c.events++;
            if (options.compactEvents()) {
                EventRow row = draft.withId(store.nextEventId());
                addToBlock(c, CompactUnits.written(row.id(), row), store.hasListeners() ? row : null);
            } else {
                flushBlock(c);
                store.event(draft, null);
            }
        }
        if (!results.isEmpty()) {
            dirty.add(c);
        }
    }

    private void recordUnit(LiveConnection c, Unit unit, long nanos, long wall) {
        byte[] payload = StoredPayloads.toStore(unit);
        if (options.compactEvents() && payload == null) {
            if (CompactUnits.fits(unit)) {
                recordCompact(c, unit, nanos, wall);
            } else {
                recordWritten(c, unit, nanos, wall);
            }
            return;
        }
        EventRow draft = EventDrafts.unit(c, unit, StoredPayloads.size(unit), nanos, wall);
        c.events++;
        flushBlock(c); // a reader paging by id must never see a later event before an earlier one
        store.event(draft, cap(payload));
    }

    /**
     * Keeps a plain WebSocket unit in the connection's block: a dozen bytes instead of a row. Its
     * full row is built only for the change feed's listeners, when there are any.
     */
    private void recordCompact(LiveConnection c, Unit unit, long nanos, long wall) {
        long id = store.nextEventId();
        EventRow announced = null;
        if (store.hasListeners()) {
            announced = EventDrafts.unit(c, unit, StoredPayloads.size(unit), nanos, wall).withId(id);
        } else {
            EventDrafts.count(c, unit);
        }
        c.events++;
        addToBlock(c, CompactUnits.of(id, unit, nanos, wall), announced);
    }

    /**
     * Keeps any other unit without a payload to store in the connection's block as written: its
     * summary, attributes and findings as the columns of a row would hold them.
     */
    private void recordWritten(LiveConnection c, Unit unit, long nanos, long wall) {
        Map<String, Object> attributes = unit.attributes();
        EventDrafts.count(c, unit);
        c.events++;
        long id = store.nextEventId();
        String summary = unit.summary();
        int payloadSize = (int) Math.min(Integer.MAX_VALUE, StoredPayloads.size(unit));
        EventRow announced = store.hasListeners() ? new EventRow(id, c.id, unit.kind().code(), unit.dir(),
                unit.offset(), unit.length(), nanos, wall, summary, attributes, unit.findings(), payloadSize) : null;
        CompactEvent.Written written = CompactEvent.Written.of(unit.kind().code(), summary, attributes,
                unit.findings(), payloadSize);
        addToBlock(c, CompactEvent.written(id, unit.dir(), unit.offset(), unit.length(), nanos, wall, written),
                announced);
    }

    /** Adds an event to the connection's block, handing the block to the store when it is full. */
    private void addToBlock(LiveConnection c, CompactEvent event, EventRow announced) {
        EventBlockCodec.Builder block = c.block();
        if (block.count() > 0 && event.id() - block.firstId() >= EventBlock.MAX_ID_SPAN) {
            flushBlock(c);
        }
        block.add(event, announced);
        if (block.count() >= BLOCK_EVENTS || block.bytes() >= BLOCK_BYTES) {
            flushBlock(c);
        } else if (block.count() == 1) {
            blocked.add(c);
        }
    }

    private void flushBlock(LiveConnection c) {
        if (c.block != null && c.block.count() > 0) {
            store.eventBlock(c.block.finish());
        }
        blocked.remove(c);
    }

    private byte[] cap(byte[] payload) {
        if (payload == null || payload.length <= options.payloadCap()) {
            return payload;
        }
        return Arrays.copyOf(payload, options.payloadCap());
    }

    /**
     * Hands the open blocks and the changed connection summaries to the store: at most every
     * {@value #PUBLISH_MILLIS} ms (a short connection's events then go in one block, its summary in
     * one update), or at once when {@code now}.
     */
    void publishDirty(boolean now) {
        long at = System.nanoTime();
        if (!now && at - lastPublish < TimeUnit.MILLISECONDS.toNanos(PUBLISH_MILLIS)) {
            return;
        }
        lastPublish = at;
        for (LiveConnection c : List.copyOf(blocked)) {
            flushBlock(c);
        }
        for (LiveConnection c : dirty) {
            store.connectionUpdated(c.row(clock));
        }
        dirty.clear();
    }
}
