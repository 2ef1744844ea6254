package dev.upgradescope.capture;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Unit;
import dev.upgradescope.wire.UnitKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one {@link CaptureSink} every source records through (proxy, replay, demo, import): it gives
 * each connection an id, places each chunk at its stream offset, timestamps it, and hands it to one
 * dissection thread, which feeds the connection's {@link ConnectionDissection} and passes the
 * chunks, the resulting events and the connection's running summary to the {@link CaptureStore}.
 *
 * <p>Why a thread of its own rather than dissecting on the caller's thread: a proxy event loop
 * serves many connections, and the cost of dissecting one chunk is unbounded in the worst case
 * (inflating a large permessage-deflate message, a long header block), so a sink call only places
 * the chunk and queues it; one thread keeps per-connection order without any locking of dissector
 * state.
 *
 * <p>Nothing is dropped and no call waits. When the bytes waiting to be recorded pass a high-water
 * mark — {@link Options#connectionBytes} for one connection, {@link Options#queueBytes} in all —
 * the sources of the connections that keep sending are asked to pause through their
 * {@link CaptureSink.Capacity} (the capture is {@link State#DEGRADED} meanwhile), and resumed once
 * that connection and the whole queue are back under half their mark. The store holds the
 * recorder thread back the same way when it falls behind, so a slow disk slows the peers down to
 * the rate it keeps. Connection opens, targets, notes and ends always go through.
 *
 * <p>If the store fails, the recorder stops ({@link State#STOPPED}): paused sources are resumed,
 * calls return at once and record nothing, so the source keeps relaying.
 */
public final class Recorder implements CaptureSink, AutoCloseable {

    /** Whether everything is being recorded. */
    public enum State {
        /** Every byte is recorded and dissected, keeping up with the sources. */
        RECORDING,
        /**
         * Recording fell behind: some sources were asked to pause until it catches up. Every byte is
         * still recorded.
         */
        DEGRADED,
        /** The store failed; nothing more is recorded. */
        STOPPED
    }

    /**
     * Tuning: the bytes allowed to wait for dissection in all ({@code queueBytes}) and per
     * connection ({@code connectionBytes}) before sources are asked to pause (they resume under half
     * of each), the cap on a decoded message payload stored with its event, and whether plain
     * WebSocket frames and messages are kept as compact events in blocks (session format 2; the
     * rows read back are the same either way).
     */
    public record Options(long queueBytes, long connectionBytes, int payloadCap, boolean compactEvents) {
        public static final Options DEFAULTS = new Options(16L << 20, 1L << 20, 1 << 20);

        public Options {
            if (queueBytes <= 0 || connectionBytes <= 0 || payloadCap < 0) {
                throw new IllegalArgumentException("queue and connection marks must be positive");
            }
        }

        public Options(long queueBytes, long connectionBytes, int payloadCap) {
            this(queueBytes, connectionBytes, payloadCap, true);
        }

        /** The same, with every event in a row of its own. */
        public Options withoutCompactEvents() {
            return new Options(queueBytes, connectionBytes, payloadCap, false);
        }
    }

    /** Note code: bytes of the connection were not recorded. */
    public static final String NOTE_GAP = "capture.gap";
    /** Note code: the dissector failed on this connection (our bug); its bytes are still stored. */
    public static final String NOTE_DISSECTOR_FAILED = "capture.dissector-failed";

    private static final System.Logger LOG = System.getLogger(Recorder.class.getName());
    private static final int DRAIN = 1024;
    /** A connection's block of compact events is handed to the store at this many events or bytes. */
    private static final int BLOCK_EVENTS = 4096;
    private static final int BLOCK_BYTES = 64 * 1024;
    /** How long open blocks and connection summaries may wait before the store gets them. */
    private static final long PUBLISH_MILLIS = 50;

    private final CaptureStore store;
    private final ConnectionDissection.Factory dissections;
    private final Options options;
    private final SessionClock clock;
    private final BoundedHandoff<RecorderOp> queue;
    private final Map<Long, ConnectionFlow> flows = new ConcurrentHashMap<>();
    /** Chunk bytes (with their per-op overhead) handed over and not yet passed to the store. */
    private final AtomicLong pending = new AtomicLong();
    /** Connections whose source was asked to pause. */
    private final Set<ConnectionFlow> paused = ConcurrentHashMap.newKeySet();
    private final AtomicLong droppedBytes = new AtomicLong();
    private final Thread thread;
    private volatile State state = State.RECORDING;
    private volatile boolean closed;

    // Dissection-thread state.
    private final Map<Long, LiveConnection> live = new HashMap<>();
    private final Set<LiveConnection> dirty = new LinkedHashSet<>();
    /** Connections with compact events not yet handed to the store. */
    private final Set<LiveConnection> blocked = new LinkedHashSet<>();
    private long lastPublish = System.nanoTime();

    public Recorder(CaptureStore store, ConnectionDissection.Factory dissections) {
        this(store, dissections, Options.DEFAULTS);
    }

    public Recorder(CaptureStore store, ConnectionDissection.Factory dissections, Options options) {
        this(store, dissections, options, SessionClock.now());
    }

    /** A recorder whose wall-clock times come from {@code clock} (tests that compare two recordings). */
    Recorder(CaptureStore store, ConnectionDissection.Factory dissections, Options options, SessionClock clock) {
        this.clock = clock;
        this.store = store;
        this.dissections = dissections;
        this.options = options;
        this.queue = new BoundedHandoff<>(options.queueBytes());
        this.thread = new Thread(this::run, "upgradescope-recorder " + store.file().getFileName());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public State state() {
        return state;
    }

    /** Why recording stopped, if it did. */
    public Optional<CaptureFailure> failure() {
        return store.failure();
    }

    /**
     * Bytes handed to the recorder that it did not record: those given after it stopped because the
     * store failed. Falling behind never loses bytes (sources are paused instead).
     */
    public long droppedBytes() {
        return droppedBytes.get();
    }

    /** Bytes handed over that wait to be dissected and passed to the store (with a small per-chunk overhead). */
    public long pendingBytes() {
        return pending.get();
    }

    public CaptureStore store() {
        return store;
    }

    // ---------------------------------------------------------------- CaptureSink (caller threads)

    @Override
    public long open(ConnectionInfo info) {
        return open(info, Capacity.IGNORED);
    }

    @Override
    public long open(ConnectionInfo info, Capacity capacity) {
        long id = store.nextConnectionId();
        if (stopped()) {
            return id;
        }
        flows.put(id, new ConnectionFlow(capacity));
        queue.force(new RecorderOp.Open(id, info), StoreOp.SMALL);
        return id;
    }

    @Override
    public void target(long conn, String target) {
        if (!stopped()) {
            queue.force(new RecorderOp.Target(conn, target), StoreOp.SMALL);
        }
    }

    @Override
    public void chunk(long conn, Direction dir, long nanos, byte[] bytes) {
        if (stopped()) {
            droppedBytes.addAndGet(bytes.length);
            return;
        }
        ConnectionFlow flow = flows.get(conn);
        if (flow == null || bytes.length == 0) {
            return;
        }
        long offset = flow.advance(dir, bytes.length);
        long weight = StoreOp.SMALL + bytes.length;
        long mine = flow.pending.addAndGet(weight);
        long all = pending.addAndGet(weight);
        queue.force(new RecorderOp.ChunkIn(conn, dir, offset, nanos, bytes, flow, weight), weight);
        if ((mine > options.connectionBytes() || all > options.queueBytes()) && flow.pause(paused)) {
            if (state == State.RECORDING) {
                state = State.DEGRADED;
            }
            // the recorder thread may have looked at the paused sources just before: make it look again
            queue.force(new RecorderOp.Wake(), StoreOp.SMALL);
            if (stopped()) { // the store failed meanwhile: nobody will resume it
                resumeAll();
            }
        }
    }

    @Override
    public void note(long conn, ConnectionNote note) {
        if (!stopped()) {
            queue.force(new RecorderOp.NoteIn(conn, note), StoreOp.SMALL);
        }
    }

    @Override
    public void end(long conn, Direction dir, long nanos) {
        ConnectionFlow flow = flows.get(conn);
        if (flow == null || stopped()) {
            return;
        }
        queue.force(new RecorderOp.End(conn, dir, flow.end(dir), nanos), StoreOp.SMALL);
    }

    /**
     * Waits until everything handed over before this call is dissected and committed.
     *
     * @throws IOException if the store has failed
     */
    public void flush() throws IOException {
        barrier(false);
        store.flush();
    }

    /**
     * Dissects and stores what is queued, then stops the recorder thread. Connections still open
     * stay open in the session. The store is not closed: its owner closes it.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        barrier(true);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void barrier(boolean last) throws IOException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (storeStopped() || !thread.isAlive()) {
            return;
        }
        queue.force(new RecorderOp.Barrier(done, last), StoreOp.SMALL);
        try {
            while (!done.isDone()) {
                if (storeStopped() || !thread.isAlive()) {
                    return;
                }
                try {
                    done.get(100, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // look at the store's state again
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the recorder", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** True when sink calls must record nothing: closed, or the store failed. */
    private boolean stopped() {
        if (closed) {
            return true;
        }
        return storeStopped();
    }

    private boolean storeStopped() {
        if (state == State.STOPPED) {
            return true;
        }
        if (store.failure().isPresent()) {
            stop();
            return true;
        }
        return false;
    }

    private void stop() {
        state = State.STOPPED;
        queue.discard().forEach(op -> {
            if (op instanceof RecorderOp.Barrier b) {
                b.done().complete(null);
            }
        });
        resumeAll();
    }

    /** Lets every paused source go on (the recorder stopped or is closing). */
    private void resumeAll() {
        for (ConnectionFlow f : paused) {
            resume(f);
        }
        if (state == State.DEGRADED) {
            state = State.RECORDING;
        }
    }

    private void resume(ConnectionFlow f) {
        try {
            f.resume(paused);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "a capacity listener failed", e);
        }
    }

    /** Resumes the paused sources whose connection, and the whole queue, are back under half their mark. */
    private void resumeBelowLowWater() {
        if (paused.isEmpty() || pending.get() > options.queueBytes() / 2) {
            return;
        }
        long low = options.connectionBytes() / 2;
        for (ConnectionFlow f : paused) {
            if (f.pending.get() <= low) {
                resume(f);
            }
        }
        if (paused.isEmpty() && state == State.DEGRADED) {
            state = State.RECORDING;
        }
    }

    // ---------------------------------------------------------------- dissection thread

    private void run() {
        List<RecorderOp> batch = new ArrayList<>(DRAIN);
        try {
            while (true) {
                batch.clear();
                queue.drainTo(batch, DRAIN, TimeUnit.MILLISECONDS.toNanos(100));
                boolean last = false;
                for (RecorderOp op : batch) {
                    if (op instanceof RecorderOp.Barrier b) {
                        publishDirty(true);
                        b.done().complete(null);
                        last |= b.last();
                    } else {
                        applySafely(op);
                    }
                }
                publishDirty(false);
                if (store.failure().isPresent()) {
                    stop();
                    live.clear();
                    return;
                }
                resumeBelowLowWater();
                if (last) {
                    queue.discard();
                    resumeAll();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void applySafely(RecorderOp op) {
        try {
            apply(op);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "recording " + op.getClass().getSimpleName() + " failed", e);
        } finally {
            if (op instanceof RecorderOp.ChunkIn chunk) {
                chunk.flow().pending.addAndGet(-chunk.weight());
                pending.addAndGet(-chunk.weight());
            }
        }
    }

    private void apply(RecorderOp op) {
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
            List<Dissected> results;
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
            ConnectionFlow flow = flows.remove(c.id);
            if (flow != null) {
                resume(flow);
            }
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
        store.note(c.id, new ConnectionNote(NOTE_GAP, detail, nanos), clock.wallMicros(nanos));
        c.dissection = null;
        c.expected[dir.ordinal()] = offset;
    }

    private void dissectorFailed(LiveConnection c, RuntimeException e, long nanos) {
        LOG.log(System.Logger.Level.ERROR, "dissector failed on connection " + c.id, e);
        c.dissection = null;
        store.note(c.id, new ConnectionNote(NOTE_DISSECTOR_FAILED, e.toString(), nanos), clock.wallMicros(nanos));
    }

    private void record(LiveConnection c, List<Dissected> results, long nanos, long wall) {
        for (Dissected r : results) {
            if (options.compactEvents() && r instanceof Dissected.UnitDone u && CompactUnits.fits(u)) {
                recordCompact(c, u, nanos, wall);
                continue;
            }
            if (options.compactEvents() && r instanceof Dissected.UnitDone u && u.payload() == null) {
                recordWritten(c, u, nanos, wall);
                continue;
            }
            EventRow draft;
            byte[] payload = null;
            if (r instanceof Dissected.UnitDone u) {
                draft = unitEvent(c, u.unit(), u.payloadSize(), nanos, wall);
                payload = cap(u.payload());
            } else if (r instanceof Dissected.Handshake h) {
                draft = handshakeEvent(c, h, nanos, wall);
            } else {
                draft = switchEvent(c, (Dissected.Switched) r, nanos, wall);
            }
            c.events++;
            if (options.compactEvents() && payload == null) { // the handshake verdict, the switch
                EventRow row = draft.withId(store.nextEventId());
                addToBlock(c, CompactUnits.written(row.id(), row), store.hasListeners() ? row : null);
            } else {
                flushBlock(c); // a reader paging by id must never see a later event before an earlier one
                store.event(draft, payload);
            }
        }
        if (!results.isEmpty()) {
            dirty.add(c);
        }
    }

    /**
     * Keeps a plain WebSocket unit in the connection's block: a dozen bytes instead of a row. Its
     * full row is built only for the change feed's listeners, when there are any.
     */
    private void recordCompact(LiveConnection c, Dissected.UnitDone u, long nanos, long wall) {
        long id = store.nextEventId();
        EventRow announced = null;
        if (store.hasListeners()) {
            announced = unitEvent(c, u.unit(), u.payloadSize(), nanos, wall).withId(id);
        } else {
            countUnit(c, u.unit().kind(), null);
        }
        c.events++;
        addToBlock(c, CompactUnits.of(id, u.unit(), nanos, wall), announced);
    }

    /**
     * Keeps any other unit without a payload to store in the connection's block as written: its
     * summary, attributes and findings as the columns of a row would hold them.
     */
    private void recordWritten(LiveConnection c, Dissected.UnitDone u, long nanos, long wall) {
        Unit unit = u.unit();
        Map<String, Object> attributes = unit.attributes();
        countUnit(c, unit.kind(), attributes);
        c.events++;
        long id = store.nextEventId();
        String summary = unit.summary();
        int payloadSize = (int) Math.min(Integer.MAX_VALUE, u.payloadSize());
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

    private EventRow unitEvent(LiveConnection c, Unit unit, long payloadSize, long nanos, long wall) {
        Map<String, Object> attributes = unit.attributes();
        countUnit(c, unit.kind(), attributes);
        return new EventRow(0, c.id, unit.kind().code(), unit.dir(), unit.offset(), unit.length(), nanos, wall,
                unit.summary(), attributes, unit.findings(), (int) Math.min(Integer.MAX_VALUE, payloadSize));
    }

    /**
     * Counts a unit in the connection's summary: frames after the switch, the final status (from
     * the attributes of a response; null for other units).
     */
    private static void countUnit(LiveConnection c, UnitKind kind, Map<String, Object> attributes) {
        if (kind == UnitKind.WS_FRAME || kind == UnitKind.H2_FRAME || kind == UnitKind.TLS_RECORD) {
            c.frames++;
        }
        if (kind == UnitKind.HTTP_RESPONSE && c.status == 0 && attributes.get("status") instanceof Number s
                && (s.intValue() >= 200 || s.intValue() == 101)) {
            c.status = s.intValue();
        }
    }

    private EventRow handshakeEvent(LiveConnection c, Dissected.Handshake h, long nanos, long wall) {
        c.asked = h.askedProtocols();
        c.status = h.status();
        c.outcome = h.outcome().code();
        LinkedHashMap<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("requestOffset", h.requestOffset());
        attributes.put("askedProtocols", h.askedProtocols());
        attributes.putAll(h.attributes());
        attributes.put("outcome", h.outcome().code());
        attributes.put("status", h.status() > 0 ? h.status() : null); // no final answer yet: null, as in dissect --json
        return new EventRow(0, c.id, EventRow.HANDSHAKE, null, 0, 0, nanos, wall, h.summary(),
                FrozenAttributes.adopt(attributes), h.findings(), -1);
    }

    private EventRow switchEvent(LiveConnection c, Dissected.Switched s, long nanos, long wall) {
        c.protocol = s.protocol();
        LinkedHashMap<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("protocol", s.protocol());
        attributes.put("c2sOffset", s.c2sOffset());
        attributes.put("s2cOffset", s.s2cOffset());
        String summary = "switched to " + s.protocol() + " at c2s " + s.c2sOffset() + ", s2c " + s.s2cOffset();
        return new EventRow(0, c.id, EventRow.PROTOCOL_SWITCH, null, 0, 0, nanos, wall, summary,
                FrozenAttributes.adopt(attributes), List.of(), -1);
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
    private void publishDirty(boolean now) {
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
