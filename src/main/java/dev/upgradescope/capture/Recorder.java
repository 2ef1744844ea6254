package dev.upgradescope.capture;

import dev.upgradescope.wire.Direction;
import java.io.IOException;
import java.util.ArrayList;
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

    private final CaptureStore store;
    private final Options options;
    /** The dissection thread's own state and work. */
    private final DissectionLoop loop;
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

    public Recorder(CaptureStore store, ConnectionDissection.Factory dissections) {
        this(store, dissections, Options.DEFAULTS);
    }

    public Recorder(CaptureStore store, ConnectionDissection.Factory dissections, Options options) {
        this(store, dissections, options, SessionClock.now());
    }

    /** A recorder whose wall-clock times come from {@code clock} (tests that compare two recordings). */
    Recorder(CaptureStore store, ConnectionDissection.Factory dissections, Options options, SessionClock clock) {
        this.store = store;
        this.options = options;
        this.loop = new DissectionLoop(store, dissections, options, clock, this::connectionClosed);
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

    /** Both directions of {@code conn} ended: its source needs no more flow control. */
    private void connectionClosed(long conn) {
        ConnectionFlow flow = flows.remove(conn);
        if (flow != null) {
            resume(flow);
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
                        loop.publishDirty(true);
                        b.done().complete(null);
                        last |= b.last();
                    } else {
                        applySafely(op);
                    }
                }
                loop.publishDirty(false);
                if (store.failure().isPresent()) {
                    stop();
                    loop.clear();
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
            loop.apply(op);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "recording " + op.getClass().getSimpleName() + " failed", e);
        } finally {
            if (op instanceof RecorderOp.ChunkIn chunk) {
                chunk.flow().pending.addAndGet(-chunk.weight());
                pending.addAndGet(-chunk.weight());
            }
        }
    }
}
