package dev.upgradescope.ui.timeline;

import dev.upgradescope.capture.EventRow;
import dev.upgradescope.capture.SessionReader;
import dev.upgradescope.ui.fx.Background;
import dev.upgradescope.ui.session.SessionSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The timeline's own reader of the session file on its own worker thread, so that reading a large
 * session's marks never delays the detail panes, which read on the window's worker.
 */
final class SessionPages implements StoredEvents, AutoCloseable {

    private final ExecutorService worker = Background.daemonWorker("upgradescope-timeline");
    private final SessionSource source = new SessionSource();

    ExecutorService worker() {
        return worker;
    }

    /** Reads from {@code file} from now on (queued behind reads already asked for). */
    void use(Path file) {
        worker.execute(() -> {
            try {
                source.use(file);
            } catch (IOException e) {
                // the next read reports it
            }
        });
    }

    @Override
    public List<EventRow> events(long conn, long afterId, int limit) throws IOException {
        if (source.file() == null) {
            return List.of();
        }
        return source.reader().events(conn, afterId, limit);
    }

    @Override
    public Optional<EventRow> event(long eventId) throws IOException {
        if (source.file() == null) {
            return Optional.empty();
        }
        return source.reader().event(eventId);
    }

    @Override
    public int marks(long conn, long afterId, int limit, SessionReader.MarkVisitor visitor) throws IOException {
        if (source.file() == null) {
            return 0;
        }
        return source.reader().forEachMark(conn, afterId, limit, visitor);
    }

    @Override
    public void close() {
        worker.execute(() -> {
            try {
                source.close();
            } catch (IOException e) {
                // closing anyway
            }
        });
        worker.shutdown();
    }
}
