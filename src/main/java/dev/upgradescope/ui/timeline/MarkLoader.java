package dev.upgradescope.ui.timeline;

import dev.upgradescope.ui.fx.Background;
import java.util.function.Consumer;

/**
 * Reads the marks of the lanes from the store, a page at a time and one page in flight, lanes in
 * view first, into each lane's sorted tracks. A page that fails or finds nothing more marks the lane
 * read as far as its row says. FX thread only; reads run on the timeline's background.
 */
final class MarkLoader {

    /** Events read per page from the store. */
    static final int PAGE = 5_000;

    private final StoredEvents pages;
    private final Background.Generation reads;
    private final Lanes lanes;
    private final LaneViewport viewport;
    private final Consumer<Lane> laneRead;
    private boolean inFlight;

    /** {@code laneRead} hears of each page added to a lane (or of a lane found complete). */
    MarkLoader(StoredEvents pages, Background.Generation reads, Lanes lanes, LaneViewport viewport,
               Consumer<Lane> laneRead) {
        this.pages = pages;
        this.reads = reads;
        this.lanes = lanes;
        this.viewport = viewport;
        this.laneRead = laneRead;
    }

    /** Asks for the next page if none is in flight and some lane has events to read. */
    void pump() {
        if (inFlight) {
            return;
        }
        Lane next = lanes.nextToLoad(viewport.firstLane.get(), viewport.lastVisibleLane());
        if (next == null) {
            return;
        }
        inFlight = true;
        next.loading = true;
        long conn = next.conn();
        long after = next.lastEventId;
        reads.task(() -> {
            MarkBatch batch = MarkBatch.reading(conn, PAGE);
            pages.marks(conn, after, PAGE, batch::accept);
            return batch;
        }).onSuccess(batch -> arrived(next, batch)).onFailure(e -> arrived(next, null)).start();
    }

    /** The page in flight no longer counts (its generation is over): the next pump asks anew. */
    void clear() {
        inFlight = false;
    }

    private void arrived(Lane lane, MarkBatch batch) {
        inFlight = false;
        lane.loading = false;
        if (batch == null || batch.eventsRead() == 0) {
            lane.eventsRead = Math.max(lane.eventsRead, lane.row().events()); // nothing more to read now
        } else {
            lane.add(batch);
        }
        laneRead.accept(lane);
    }
}
