package dev.upgradescope.ui.ladder;

import dev.upgradescope.ui.timeline.MarkKind;
import dev.upgradescope.ui.timeline.Track;

/**
 * One arrow of the ladder: a stored event ({@code eventId} -1 for the connection's opening and
 * closing), its kind, which way it went ({@link Track#CENTRE}: no direction, drawn at the proxy), its
 * time in nanos since the connection opened, and its one-line summary.
 */
public record LadderStep(long eventId, MarkKind kind, Track track, long sinceOpenNanos, String summary) {

    public boolean isEvent() {
        return eventId >= 0;
    }
}
