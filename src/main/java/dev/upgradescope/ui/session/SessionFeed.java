package dev.upgradescope.ui.session;

import dev.upgradescope.capture.CaptureFailure;
import dev.upgradescope.capture.CaptureListener;
import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.capture.EventRow;
import dev.upgradescope.capture.NoteRow;
import dev.upgradescope.ui.fx.FxBatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Listens to a capture's change feed on the feed thread, merges what it hears, and hands the merged
 * {@link SessionChanges} to the model through one {@link FxBatcher}: however fast events come, the
 * FX thread sees one batch per period. Only the watched connection's events are kept whole; for
 * the others only their filter words are.
 */
public final class SessionFeed implements CaptureListener {

    private final Object lock = new Object();
    private final FxBatcher batcher;
    private Map<Long, ConnectionRow> rows = new LinkedHashMap<>();
    private Map<Long, Set<String>> keywords = new HashMap<>();
    private List<EventRow> watched = new ArrayList<>();
    private List<NoteRow> watchedNotes = new ArrayList<>();
    private CaptureFailure failure;
    private long lost;
    private volatile long watchedConn = -1;

    /** {@code apply} runs on the thread the batcher's FX executor runs on. */
    public SessionFeed(FxBatcher.Timer timer, java.util.concurrent.Executor fx, Consumer<SessionChanges> apply) {
        this.batcher = new FxBatcher(timer, fx, FxBatcher.PERIOD_MILLIS, () -> {
            SessionChanges c = take();
            if (!c.isEmpty()) {
                apply.accept(c);
            }
        });
    }

    /** From now on, the events of {@code conn} are delivered whole (-1: none). */
    public void watch(long conn) {
        this.watchedConn = conn;
    }

    /** Everything merged since the last call. */
    SessionChanges take() {
        synchronized (lock) {
            SessionChanges c = new SessionChanges(new ArrayList<>(rows.values()), keywords, watched, watchedNotes,
                    failure, lost);
            rows = new LinkedHashMap<>();
            keywords = new HashMap<>();
            watched = new ArrayList<>();
            watchedNotes = new ArrayList<>();
            failure = null;
            lost = 0;
            return c;
        }
    }

    @Override
    public void connectionOpened(ConnectionRow connection) {
        row(connection);
    }

    @Override
    public void connectionUpdated(ConnectionRow connection) {
        row(connection);
    }

    @Override
    public void connectionClosed(ConnectionRow connection) {
        row(connection);
    }

    @Override
    public void eventAdded(EventRow event) {
        Set<String> words = Keywords.of(event);
        boolean isWatched = event.conn() == watchedConn;
        if (words.isEmpty() && !isWatched) {
            return;
        }
        synchronized (lock) {
            if (!words.isEmpty()) {
                keywords.computeIfAbsent(event.conn(), k -> new LinkedHashSet<>()).addAll(words);
            }
            if (isWatched) {
                watched.add(event);
            }
        }
        batcher.request();
    }

    @Override
    public void noteAdded(NoteRow note) {
        if (note.conn() != watchedConn) {
            return;
        }
        synchronized (lock) {
            watchedNotes.add(note);
        }
        batcher.request();
    }

    @Override
    public void storeFailed(CaptureFailure f) {
        synchronized (lock) {
            failure = f;
        }
        batcher.request();
    }

    @Override
    public void changesLost(long count) {
        synchronized (lock) {
            lost += count;
        }
        batcher.request();
    }

    private void row(ConnectionRow connection) {
        synchronized (lock) {
            rows.put(connection.id(), connection);
        }
        batcher.request();
    }
}
