package dev.upgradescope.ui.timeline;

import dev.upgradescope.capture.ConnectionRow;

/**
 * One connection's lane: its latest summary row, its three tracks of marks, and how far its events
 * have been read from the store. FX thread only.
 */
final class Lane {

    private ConnectionRow row;
    private final LaneTrack[] tracks = {new LaneTrack(), new LaneTrack(), new LaneTrack()};
    /** Id of the last event read from the store. */
    long lastEventId;
    /** Events read from the store, shown or not (comparable with {@link ConnectionRow#events()}). */
    long eventsRead;
    boolean loading;

    Lane(ConnectionRow row) {
        this.row = row;
    }

    ConnectionRow row() {
        return row;
    }

    void update(ConnectionRow next) {
        row = next;
    }

    long conn() {
        return row.id();
    }

    LaneTrack track(Track t) {
        return tracks[t.ordinal()];
    }

    boolean needsLoad() {
        return !loading && eventsRead < row.events();
    }

    int markCount() {
        return tracks[0].size() + tracks[1].size() + tracks[2].size();
    }

    /** The latest time known on this lane. */
    long lastNanos() {
        long t = Math.max(row.openedNanos(), row.closedNanos());
        for (LaneTrack tr : tracks) {
            t = Math.max(t, tr.lastNanos());
        }
        return t;
    }

    void add(MarkBatch batch) {
        for (int i = 0; i < batch.size(); i++) {
            tracks[batch.track(i).ordinal()].add(batch.nanos(i), batch.kind(i), batch.id(i));
        }
        lastEventId = Math.max(lastEventId, batch.lastEventId());
        eventsRead += batch.eventsRead();
    }
}
