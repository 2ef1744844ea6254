package dev.upgradescope.ui.ladder;

import dev.upgradescope.capture.EventRow;
import dev.upgradescope.capture.NoteRow;
import dev.upgradescope.ui.session.InspectedSession;
import dev.upgradescope.ui.timeline.EventPages;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/** The ladder's pages of events, read through the window's worker and its one session reader. */
final class SessionEvents implements EventPages {

    private final InspectedSession session;

    SessionEvents(InspectedSession session) {
        this.session = session;
    }

    /** Runs work on the window's worker thread (where the session reader may be used). */
    static Executor worker(InspectedSession session) {
        return work -> session.background().task(() -> {
            work.run();
            return Boolean.TRUE;
        }).start();
    }

    @Override
    public List<EventRow> events(long conn, long afterId, int limit) throws IOException {
        if (session.source().file() == null) {
            return List.of();
        }
        return session.source().reader().events(conn, afterId, limit);
    }

    @Override
    public List<NoteRow> notes(long conn) throws IOException {
        if (session.source().file() == null) {
            return List.of();
        }
        return session.source().reader().notes(conn);
    }

    @Override
    public Optional<EventRow> event(long eventId) throws IOException {
        if (session.source().file() == null) {
            return Optional.empty();
        }
        return session.source().reader().event(eventId);
    }
}
