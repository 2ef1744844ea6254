package dev.upgradescope.ui.ladder;

import dev.upgradescope.capture.EventRow;
import dev.upgradescope.capture.NoteRow;
import dev.upgradescope.ui.session.InspectedSession;
import dev.upgradescope.ui.timeline.StoredEvents;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The ladder's pages of events, read on the window's background worker through its one session reader. */
final class SessionEvents implements StoredEvents {

    private final InspectedSession session;

    SessionEvents(InspectedSession session) {
        this.session = session;
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
