package dev.upgradescope.ui.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.capture.EventRow;
import dev.upgradescope.ui.session.SessionRows;
import dev.upgradescope.wire.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class EventPagesTest {

    private final EventPages pages = new EventPages();
    private final List<Integer> fetched = new ArrayList<>();

    EventPagesTest() {
        pages.fetcher((page, ids, contiguous) -> fetched.add(page));
    }

    private static List<EventRow> rows(long from, int n) {
        List<EventRow> out = new ArrayList<>(n);
        for (long id = from; id < from + n; id++) {
            out.add(SessionRows.event(id, 1, "ws-frame", Direction.C2S, Map.of(), List.of()));
        }
        return out;
    }

    @Test
    void appendedRowsAreShownWithoutFetching() {
        pages.reset(true);
        pages.append(rows(1, 10));
        assertThat(pages).hasSize(10);
        assertThat(pages.get(3).row().id()).isEqualTo(4);
        assertThat(fetched).isEmpty();
    }

    @Test
    void aRowNoLongerCachedFetchesItsPageOnceAndIsUpdatedWhenItArrives() {
        pages.reset(true);
        for (int step = 0; step < 100; step++) {
            pages.append(rows(1 + step * 10_000L, 10_000)); // a million ids; only the newest rows stay cached
        }
        assertThat(pages).hasSize(1_000_000);
        EventSlot slot = pages.get(250);
        assertThat(slot.loaded()).isFalse();
        pages.get(251);
        assertThat(fetched).containsExactly(1);
        List<Integer> updated = new ArrayList<>();
        pages.addListener((ListChangeListener<EventSlot>) c -> {
            while (c.next()) {
                if (c.wasUpdated()) {
                    updated.add(c.getFrom());
                    updated.add(c.getTo());
                }
            }
        });
        pages.arrived(1, rows(201, EventPages.PAGE));
        assertThat(updated).containsExactly(200, 400);
        assertThat(pages.get(250).row().id()).isEqualTo(251);
    }

    @Test
    void idsAlreadyListedAreNotAddedTwice() {
        pages.reset(false);
        pages.append(rows(1, 5));
        pages.append(rows(3, 5));
        assertThat(pages).hasSize(7);
        assertThat(pages.indexOf(7)).isEqualTo(6);
    }
}
