package dev.upgradescope.capture;

import dev.upgradescope.wire.Direction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;

/**
 * The writing side of one capture session: a {@code .upgradescope} SQLite file in WAL mode written
 * by one writer thread. Callers hand over rows; the writer batches them into transactions committed
 * at least every {@link Options#commitMillis} (or every {@link Options#commitRows} rows), so a
 * process killed outright loses at most that much. Callers are held back (not the heap filled)
 * when the writer falls behind: {@link Options#queueBytes} bounds what waits in memory.
 *
 * <p>If the file cannot be written (disk full, session size limit, I/O error), the store stops:
 * {@link #failure()} says why, listeners hear {@link CaptureListener#storeFailed}, and from then
 * on every call returns at once and drops its data.
 */
public final class CaptureStore implements AutoCloseable {

    /**
     * Tuning of a store. {@code maxFileBytes} caps the session file (0: no cap); reaching it stops
     * the recording like a full disk.
     */
    public record Options(long queueBytes, long commitMillis, int commitRows, long maxFileBytes) {

        public static final Options DEFAULTS = new Options(32L << 20, 200, 20_000, 0);

        public Options withCommitMillis(long millis) {
            return new Options(queueBytes, millis, commitRows, maxFileBytes);
        }

        public Options withMaxFileBytes(long bytes) {
            return new Options(queueBytes, commitMillis, commitRows, bytes);
        }

        public Options withQueueBytes(long bytes) {
            return new Options(bytes, commitMillis, commitRows, maxFileBytes);
        }
    }

    private static final System.Logger LOG = System.getLogger(CaptureStore.class.getName());
    private static final int DRAIN = 512;

    private final Path file;
    private final Options options;
    private final BoundedHandoff<StoreOp> queue;
    private final ChangeFeed feed;
    private final AtomicLong connectionIds = new AtomicLong();
    private final AtomicLong eventIds = new AtomicLong();
    private final AtomicLong noteIds = new AtomicLong();
    private final Thread writer;
    private volatile CaptureFailure failure;
    private volatile boolean closed;
    /** Set by the writer once the file is closed: nothing is accepted any more. */
    private volatile boolean finished;

    // Writer-thread state.
    private final Connection db;
    private final RowBatch<ConnectionRow> connections;
    private final PreparedStatement updateConnection;
    private final RowBatch<StoreOp.ChunkWrite> chunks;
    private final RowBatch<StoreOp.EventWrite> events;
    private final PreparedStatement insertNote;
    private final PreparedStatement insertBlock;
    /**
     * Connections opened in this transaction, in their latest state: one insert at commit, however
     * often they changed (a short connection opens and closes within one transaction).
     */
    private final Map<Long, ConnectionRow> pendingOpens = new LinkedHashMap<>();
    /** Connections of {@link #pendingOpens} that changed after opening and are still open: listeners hear of it. */
    private final Set<Long> changedOpens = new LinkedHashSet<>();
    /** The latest state of older connections that changed in this transaction. */
    private final Map<Long, ConnectionRow> pendingUpdates = new LinkedHashMap<>();
    private final List<Consumer<CaptureListener>> pendingChanges = new ArrayList<>();
    private final List<CompletableFuture<Void>> pendingFlushes = new ArrayList<>();
    private int uncommittedRows;
    private long transactionStart = -1;

    private CaptureStore(Path file, Options options, Connection db) throws SQLException {
        this.file = file;
        this.options = options;
        this.db = db;
        this.connections = new RowBatch<>(db, SessionSchema.INSERT_CONNECTION, SessionSchema.CONNECTION_COLUMNS,
                CaptureStore::bindConnection);
        this.updateConnection = db.prepareStatement(SessionSchema.UPDATE_CONNECTION);
        this.chunks = new RowBatch<>(db, SessionSchema.INSERT_CHUNK, SessionSchema.CHUNK_COLUMNS,
                CaptureStore::bindChunk);
        this.events = new RowBatch<>(db, SessionSchema.INSERT_EVENT, SessionSchema.EVENT_COLUMNS,
                CaptureStore::bindEvent);
        this.insertNote = db.prepareStatement(SessionSchema.INSERT_NOTE);
        this.insertBlock = db.prepareStatement(SessionSchema.INSERT_BLOCK);
        this.queue = new BoundedHandoff<>(options.queueBytes());
        this.feed = new ChangeFeed("upgradescope-feed " + file.getFileName());
        this.writer = new Thread(this::run, "upgradescope-store " + file.getFileName());
        this.writer.setDaemon(true);
    }

    /** SQLite's page size for session files: large, as most of a file is raw bytes in blobs. */
    private static final int PAGE_SIZE = 32_768;

    public static CaptureStore create(Path file) throws IOException {
        return create(file, Options.DEFAULTS);
    }

    /**
     * Creates a new session file (it must not exist yet) and starts its writer thread.
     *
     * @throws IOException if the file exists or cannot be created, with a message saying which
     */
    public static CaptureStore create(Path file, Options options) throws IOException {
        SessionFiles.createOwnerOnly(file); // before SQLite opens it: its -wal and -shm take this mode
        Connection db = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setGetGeneratedKeys(false); // ids are ours; asking for generated keys costs a query per insert
            db = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                // the file is mostly raw bytes in large blobs: large pages cost few page
                // writes (each one a WAL frame with its own header, checksum and write) per byte stored
                s.execute("PRAGMA page_size=" + PAGE_SIZE);
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                // 16 MiB of page cache; fold the WAL back every 32 MiB rather than every 1,000 pages:
                // fewer checkpoints, each of which waits for the disk
                s.execute("PRAGMA cache_size=-16384");
                s.execute("PRAGMA wal_autocheckpoint=" + (32 << 20) / PAGE_SIZE);
                if (options.maxFileBytes() > 0) {
                    s.execute("PRAGMA max_page_count=" + Math.max(16, options.maxFileBytes() / PAGE_SIZE));
                }
                db.setAutoCommit(false);
                for (String ddl : SessionSchema.DDL) {
                    s.execute(ddl);
                }
            }
            long now = System.currentTimeMillis() * 1000;
            try (PreparedStatement meta = db.prepareStatement(SessionSchema.PUT_META)) {
                putMeta(meta, "format", SessionSchema.FORMAT);
                putMeta(meta, "schema_version", Integer.toString(SessionSchema.VERSION));
                putMeta(meta, "creator", "UpgradeScope");
                putMeta(meta, "created_wall_us", Long.toString(now));
            }
            db.commit();
            CaptureStore store = new CaptureStore(file, options, db);
            store.writer.start();
            return store;
        } catch (SQLException e) {
            closeQuietly(db);
            Files.deleteIfExists(file);
            throw new IOException("Cannot create session file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void putMeta(PreparedStatement meta, String key, String value) throws SQLException {
        meta.setString(1, key);
        meta.setString(2, value);
        meta.executeUpdate();
    }

    public Path file() {
        return file;
    }

    /** Why the store stopped writing, if it did. */
    public Optional<CaptureFailure> failure() {
        return Optional.ofNullable(failure);
    }

    public void addListener(CaptureListener listener) {
        feed.add(listener);
    }

    public void removeListener(CaptureListener listener) {
        feed.remove(listener);
    }

    /** A new connection id, unique within this session. */
    public long nextConnectionId() {
        return connectionIds.incrementAndGet();
    }

    public void connectionOpened(ConnectionRow row) {
        submit(new StoreOp.Open(row), StoreOp.SMALL);
    }

    /** The connection's summary changed; cheap to call often (only the latest per commit is written). */
    public void connectionUpdated(ConnectionRow row) {
        submit(new StoreOp.Update(row), StoreOp.SMALL);
    }

    public void connectionClosed(ConnectionRow row) {
        submit(new StoreOp.Close(row), StoreOp.SMALL);
    }

    /** Raw bytes of one direction at stream {@code offset}; the store takes ownership of {@code bytes}. */
    public void chunk(long conn, Direction dir, long offset, long nanos, long wallMicros, byte[] bytes) {
        submit(new StoreOp.ChunkWrite(conn, dir, offset, nanos, wallMicros, bytes), StoreOp.SMALL + bytes.length);
    }

    /**
     * Stores an event (its id is ignored) with the decoded payload of a message, or null; returns
     * the event with the id it was given.
     */
    public EventRow event(EventRow draft, byte[] payload) {
        EventRow row = draft.withId(eventIds.incrementAndGet());
        String attributes = attributesJson(row);
        String findings = SessionJson.findings(row.findings());
        submit(new StoreOp.EventWrite(row, payload, attributes, findings), StoreOp.SMALL
                + (row.summary().length() + attributes.length() + findings.length()) * 2L
                + (payload == null ? 0 : payload.length));
        return row;
    }

    /** The id of the next event, for an event kept in a block ({@link #eventBlock}). */
    long nextEventId() {
        return eventIds.incrementAndGet();
    }

    /** Whether the change feed has listeners, who are told of every event. */
    boolean hasListeners() {
        return feed.hasListeners();
    }

    /** Stores a block of compact events, their ids taken from {@link #nextEventId} in order. */
    void eventBlock(EventBlock block) {
        submit(new StoreOp.BlockWrite(block), StoreOp.SMALL + block.data().length
                + block.announced().size() * StoreOp.SMALL);
    }

    public NoteRow note(long conn, ConnectionNote note, long wallMicros) {
        NoteRow row = new NoteRow(noteIds.incrementAndGet(), conn, note.code(), note.detail(), note.nanos(),
                wallMicros);
        submit(new StoreOp.NoteWrite(row), StoreOp.SMALL);
        return row;
    }

    /**
     * Waits until everything handed over before this call is committed.
     *
     * @throws IOException if the store has failed
     */
    public void flush() throws IOException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        submit(new StoreOp.Flush(done), StoreOp.SMALL);
        await(done);
    }

    /** Commits what is pending, closes the file and stops the writer and the feed. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        CompletableFuture<Void> done = new CompletableFuture<>();
        submit(new StoreOp.Shutdown(done), StoreOp.SMALL);
        try {
            await(done);
        } catch (IOException e) {
            if (failure == null) {
                throw e;
            }
        } finally {
            joinWriter();
            feed.close();
        }
    }

    private void joinWriter() {
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void await(CompletableFuture<Void> done) throws IOException {
        if (failure != null) {
            throw new IOException(failure.message());
        }
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the session store", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    private void submit(StoreOp op, long weight) {
        if (failure != null || finished) {
            completeIfWaiting(op);
            return;
        }
        try {
            queue.put(op, weight);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            completeIfWaiting(op);
        }
        if (failure != null || finished) {
            completeIfWaiting(op);
        }
    }

    private void completeIfWaiting(StoreOp op) {
        CaptureFailure f = failure;
        IOException cause = new IOException(f != null ? f.message()
                : finished ? "the session " + file + " is closed" : "interrupted");
        if (op instanceof StoreOp.Flush flush) {
            flush.done().completeExceptionally(cause);
        } else if (op instanceof StoreOp.Shutdown shutdown) {
            shutdown.done().completeExceptionally(cause);
        }
    }

    // ---------------------------------------------------------------- writer thread

    private void run() {
        List<StoreOp> batch = new ArrayList<>(DRAIN);
        long commitNanos = TimeUnit.MILLISECONDS.toNanos(options.commitMillis());
        try {
            while (true) {
                long wait = transactionStart < 0 ? commitNanos
                        : Math.max(0, transactionStart + commitNanos - System.nanoTime());
                batch.clear();
                queue.drainTo(batch, DRAIN, wait);
                for (StoreOp op : batch) {
                    if (op instanceof StoreOp.Shutdown shutdown) {
                        commit();
                        shutDown();
                        finished = true;
                        queue.discard().forEach(this::completeIfWaiting);
                        shutdown.done().complete(null);
                        return;
                    }
                    apply(op);
                }
                boolean due = transactionStart >= 0 && System.nanoTime() - transactionStart >= commitNanos;
                if (due || uncommittedRows >= options.commitRows() || !pendingFlushes.isEmpty()) {
                    commit();
                }
            }
        } catch (SQLException e) {
            fail(e);
        } catch (InterruptedException e) {
            fail(new SQLException("session writer interrupted", e));
        } catch (RuntimeException e) {
            fail(new SQLException(e.toString(), e));
        }
    }

    private void apply(StoreOp op) throws SQLException {
        if (op instanceof StoreOp.Flush flush) {
            pendingFlushes.add(flush.done());
            return;
        }
        if (transactionStart < 0) {
            transactionStart = System.nanoTime();
        }
        uncommittedRows++;
        boolean tell = feed.hasListeners();
        if (op instanceof StoreOp.Open open) {
            pendingOpens.put(open.row().id(), open.row());
            if (tell) {
                pendingChanges.add(l -> l.connectionOpened(open.row()));
            }
        } else if (op instanceof StoreOp.Update update) {
            connectionChanged(update.row());
            if (pendingOpens.containsKey(update.row().id())) {
                changedOpens.add(update.row().id());
            }
        } else if (op instanceof StoreOp.Close close) {
            connectionChanged(close.row());
            changedOpens.remove(close.row().id()); // listeners hear of the close instead
            if (tell) {
                pendingChanges.add(l -> l.connectionClosed(close.row()));
            }
        } else if (op instanceof StoreOp.ChunkWrite chunk) {
            chunks.add(chunk);
        } else if (op instanceof StoreOp.EventWrite event) {
            events.add(event);
            if (tell) {
                pendingChanges.add(l -> l.eventAdded(event.row()));
            }
        } else if (op instanceof StoreOp.BlockWrite write) {
            writeBlock(write.block());
            if (tell) {
                for (EventRow row : write.block().announced()) {
                    pendingChanges.add(l -> l.eventAdded(row));
                }
            }
        } else if (op instanceof StoreOp.NoteWrite note) {
            writeNote(note.row());
            if (tell) {
                pendingChanges.add(l -> l.noteAdded(note.row()));
            }
        }
    }

    /** Keeps the latest state of a connection for the commit. */
    private void connectionChanged(ConnectionRow row) {
        if (pendingOpens.containsKey(row.id())) {
            pendingOpens.put(row.id(), row);
        } else {
            pendingUpdates.put(row.id(), row);
        }
    }

    private static void bindConnection(PreparedStatement ps, int at, ConnectionRow r) throws SQLException {
        ps.setLong(at + 1, r.id());
        ps.setString(at + 2, r.client());
        ps.setString(at + 3, r.listener());
        ps.setString(at + 4, r.mode().code());
        ps.setLong(at + 5, r.openedNanos());
        ps.setLong(at + 6, r.openedWallMicros());
        bindChanging(ps, at + 6, r);
    }

    private void writeUpdate(ConnectionRow r) throws SQLException {
        bindChanging(updateConnection, 0, r);
        updateConnection.setLong(SessionSchema.CHANGING_COLUMNS + 1, r.id());
        updateConnection.executeUpdate();
    }

    /** The columns of a connection that change while it lives, in {@link SessionSchema#CHANGING_COLUMNS} parameters. */
    private static void bindChanging(PreparedStatement ps, int at, ConnectionRow r) throws SQLException {
        ps.setString(at + 1, r.target());
        ps.setLong(at + 2, r.closedNanos());
        ps.setLong(at + 3, r.closedWallMicros());
        ps.setLong(at + 4, r.c2sBytes());
        ps.setLong(at + 5, r.s2cBytes());
        ps.setString(at + 6, SessionJson.strings(r.askedProtocols()));
        ps.setInt(at + 7, r.status());
        ps.setString(at + 8, r.outcome());
        ps.setString(at + 9, r.protocol());
        ps.setLong(at + 10, r.frames());
        ps.setLong(at + 11, r.events());
    }

    private static void bindChunk(PreparedStatement ps, int at, StoreOp.ChunkWrite c) throws SQLException {
        ps.setLong(at + 1, c.conn());
        ps.setString(at + 2, c.dir().code());
        ps.setLong(at + 3, c.offset());
        ps.setInt(at + 4, c.bytes().length);
        ps.setLong(at + 5, c.nanos());
        ps.setLong(at + 6, c.wallMicros());
        ps.setBytes(at + 7, c.bytes());
    }

    private static void bindEvent(PreparedStatement insertEvent, int at, StoreOp.EventWrite write)
            throws SQLException {
        EventRow e = write.row();
        byte[] payload = write.payload();
        insertEvent.setLong(at + 1, e.id());
        insertEvent.setLong(at + 2, e.conn());
        insertEvent.setString(at + 3, e.kind());
        if (e.dir() == null) {
            insertEvent.setNull(at + 4, Types.VARCHAR);
        } else {
            insertEvent.setString(at + 4, e.dir().code());
        }
        insertEvent.setLong(at + 5, e.offset());
        insertEvent.setLong(at + 6, e.length());
        insertEvent.setLong(at + 7, e.nanos());
        insertEvent.setLong(at + 8, e.wallMicros());
        insertEvent.setString(at + 9, e.summary());
        insertEvent.setString(at + 10, write.attributesJson());
        insertEvent.setString(at + 11, write.findingsJson());
        if (payload == null) {
            insertEvent.setNull(at + 12, Types.BLOB);
        } else {
            insertEvent.setBytes(at + 12, payload);
        }
        insertEvent.setInt(at + 13, e.payloadSize());
    }

    /** The attributes of a row as JSON. */
    static String attributesJson(EventRow e) {
        return attributesJson(e.kind(), e.attributes());
    }

    /** Attributes are plain values by contract; one that is not must not stop the recording. */
    static String attributesJson(String kind, Map<String, Object> attributes) {
        try {
            return SessionJson.attributes(attributes);
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.ERROR, "attributes of a " + kind + " are not plain JSON values", ex);
            return SessionJson.attributes(Map.of("unserializable", String.valueOf(ex.getMessage())));
        }
    }

    private void writeBlock(EventBlock b) throws SQLException {
        insertBlock.setLong(1, b.conn());
        insertBlock.setLong(2, b.firstId());
        insertBlock.setLong(3, b.lastId());
        insertBlock.setInt(4, b.count());
        insertBlock.setLong(5, b.minNanos());
        insertBlock.setLong(6, b.maxNanos());
        insertBlock.setLong(7, b.minWallMicros());
        insertBlock.setLong(8, b.maxWallMicros());
        insertBlock.setLong(9, b.c2sStart());
        insertBlock.setLong(10, b.c2sEnd());
        insertBlock.setLong(11, b.s2cStart());
        insertBlock.setLong(12, b.s2cEnd());
        insertBlock.setBytes(13, b.data());
        insertBlock.executeUpdate();
    }

    private void writeNote(NoteRow n) throws SQLException {
        insertNote.setLong(1, n.id());
        insertNote.setLong(2, n.conn());
        insertNote.setString(3, n.code());
        insertNote.setString(4, n.detail());
        insertNote.setLong(5, n.nanos());
        insertNote.setLong(6, n.wallMicros());
        insertNote.executeUpdate();
    }

    private void commit() throws SQLException {
        boolean tell = feed.hasListeners();
        for (ConnectionRow r : pendingOpens.values()) {
            connections.add(r);
        }
        if (tell) {
            for (Long id : changedOpens) {
                ConnectionRow r = pendingOpens.get(id);
                pendingChanges.add(l -> l.connectionUpdated(r));
            }
        }
        changedOpens.clear();
        pendingOpens.clear();
        connections.flush();
        chunks.flush();
        events.flush();
        for (ConnectionRow r : pendingUpdates.values()) {
            writeUpdate(r);
            if (tell) {
                pendingChanges.add(l -> l.connectionUpdated(r));
            }
        }
        pendingUpdates.clear();
        if (transactionStart >= 0) {
            db.commit();
        }
        transactionStart = -1;
        uncommittedRows = 0;
        if (!pendingChanges.isEmpty()) {
            feed.publish(List.copyOf(pendingChanges));
            pendingChanges.clear();
        }
        for (CompletableFuture<Void> f : pendingFlushes) {
            f.complete(null);
        }
        pendingFlushes.clear();
    }

    private void shutDown() throws SQLException {
        try (PreparedStatement meta = db.prepareStatement(SessionSchema.PUT_META)) {
            putMeta(meta, "closed_wall_us", Long.toString(System.currentTimeMillis() * 1000));
        }
        db.commit();
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        db.close();
    }

    private void fail(SQLException e) {
        String detail = e.getMessage() == null ? e.toString() : e.getMessage();
        boolean full = detail.contains("SQLITE_FULL") || detail.toLowerCase(java.util.Locale.ROOT).contains("full");
        CaptureFailure f = new CaptureFailure(full ? CaptureFailure.FULL : CaptureFailure.WRITE_FAILED, detail, file);
        failure = f;
        LOG.log(System.Logger.Level.ERROR, f.message(), e);
        List<StoreOp> dropped = queue.discard();
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the transaction is lost either way
        }
        closeQuietly(db);
        IOException cause = new IOException(f.message(), e);
        pendingFlushes.forEach(x -> x.completeExceptionally(cause));
        pendingFlushes.clear();
        pendingChanges.clear();
        pendingUpdates.clear();
        pendingOpens.clear();
        changedOpens.clear();
        connections.discard();
        chunks.discard();
        events.discard();
        dropped.forEach(this::completeIfWaiting);
        feed.publish(List.of(l -> l.storeFailed(f)));
    }

    private static void closeQuietly(Connection db) {
        if (db == null) {
            return;
        }
        try {
            db.close();
        } catch (SQLException ignored) {
            // nothing more to do with a connection that failed
        }
    }
}
