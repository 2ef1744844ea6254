package dev.upgradescope.ui.timeline;

/**
 * One mark the user pointed at or selected: its connection, its stored event ({@code eventId} is -1
 * for the connection's opening and closing, which are not events), its time, kind and track.
 */
public record MarkRef(long conn, long eventId, long nanos, MarkKind kind, Track track) {

    public boolean isEvent() {
        return eventId >= 0;
    }
}
