package dev.upgradescope.ui.timeline;

import dev.upgradescope.capture.EventRow;
import dev.upgradescope.capture.NoteRow;
import dev.upgradescope.capture.SessionReader;
import dev.upgradescope.dissect.http2.H2Frame;
import dev.upgradescope.dissect.websocket.WsFrame;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The stored events of a session as the timeline and the ladder read them, on their worker thread
 * only: pages of a connection's events in recording order, single events for hover texts and
 * selection, the marks of a page, and the proxy's notes.
 */
public interface StoredEvents {

    List<EventRow> events(long conn, long afterId, int limit) throws IOException;

    Optional<EventRow> event(long eventId) throws IOException;

    /**
     * The marks of up to {@code limit} events of {@code conn} after {@code afterId}, handed to
     * {@code visitor}; returns how many events were read. The default reads whole events; a reader
     * of the session file reads only what a mark needs.
     */
    default int marks(long conn, long afterId, int limit, SessionReader.MarkVisitor visitor) throws IOException {
        List<EventRow> events = events(conn, afterId, limit);
        for (EventRow e : events) {
            visitor.mark(e.id(), e.kind(), e.dir(), e.nanos(), e.get(WsFrame.OPCODE, -1), e.get(H2Frame.TYPE, null));
        }
        return events.size();
    }

    /** The proxy's notes about {@code conn}, in the order they were made. */
    default List<NoteRow> notes(long conn) throws IOException {
        return List.of();
    }
}
