package dev.upgradescope.ui.timeline;

import dev.upgradescope.capture.EventRow;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where the timeline reads stored events from, called on its worker thread only: pages of a
 * connection's events in recording order, and single events for hover texts and selection.
 */
public interface EventPages {

    List<EventRow> events(long conn, long afterId, int limit) throws IOException;

    Optional<EventRow> event(long eventId) throws IOException;
}
