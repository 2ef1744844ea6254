package dev.upgradescope.ui.session;

import dev.upgradescope.capture.CaptureFailure;
import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.capture.EventRow;
import dev.upgradescope.capture.NoteRow;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the change feed reported during one dispatch period, merged: the latest summary of each
 * connection that changed (in first-seen order), new filter words per connection, the events and
 * notes of the watched connection, and trouble (a store failure, changes the feed dropped).
 */
public record SessionChanges(List<ConnectionRow> rows, Map<Long, Set<String>> keywords, List<EventRow> watchedEvents,
                             List<NoteRow> watchedNotes, CaptureFailure failure, long lost) {

    public SessionChanges {
        rows = List.copyOf(rows);
        keywords = Map.copyOf(keywords);
        watchedEvents = List.copyOf(watchedEvents);
        watchedNotes = List.copyOf(watchedNotes);
    }

    /** Changes without notes. */
    public SessionChanges(List<ConnectionRow> rows, Map<Long, Set<String>> keywords, List<EventRow> watchedEvents,
                          CaptureFailure failure, long lost) {
        this(rows, keywords, watchedEvents, List.of(), failure, lost);
    }

    public boolean isEmpty() {
        return rows.isEmpty() && keywords.isEmpty() && watchedEvents.isEmpty() && watchedNotes.isEmpty()
                && failure == null && lost == 0;
    }
}
