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

class MessageRowsTest {

    private final MessageRows pages = new MessageRows();
    private final List<Integer> fetched = new ArrayList<>();

    MessageRowsTest() {
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
        pages.arrived(1, rows(201, MessageRows.PAGE));
        assertThat(updated).containsExactly(200, 400);
        assertThat(pages.get(250).row().id()).isEqualTo(251);
    }

    private static dev.upgradescope.capture.NoteRow note(long id) {
        return new dev.upgradescope.capture.NoteRow(id, 1, "upstream.refused", "", id, id);
    }

    @Test
    void idsAloneAreListedAndTheirRowsFetchedWhenShown() {
        pages.reset(true);
        pages.appendIds(new long[] {4, 5, 9});
        pages.appendIds(new long[] {9, 12});
        assertThat(pages).hasSize(4);
        assertThat(pages.get(3).loaded()).isFalse();
        assertThat(pages.get(3).id()).isEqualTo(12);
        assertThat(fetched).containsExactly(0);
    }

    @Test
    void notesAreRowsOfTheirOwnAfterTheEventRecordedBeforeThem() {
        pages.reset(true);
        pages.append(rows(1, 5));
        List<String> changes = new ArrayList<>();
        pages.addListener((ListChangeListener<EventSlot>) c -> {
            while (c.next()) {
                changes.add((c.wasAdded() ? "+" : c.wasUpdated() ? "~" : "?") + c.getFrom() + ".." + c.getTo());
            }
        });
        pages.addNote(note(2), 3); // after event 3: row 3
        pages.addNote(note(1), 0); // before every event: row 0
        pages.addNote(note(1), 0); // listed already
        assertThat(changes).containsExactly("+3..4", "+0..1");
        assertThat(pages).hasSize(7);
        assertThat(pages).extracting(s -> s.isNote() ? "n" + s.note().id() : "e" + s.id())
                .containsExactly("n1", "e1", "e2", "e3", "n2", "e4", "e5");
        assertThat(pages.indexOf(4)).isEqualTo(5);
        assertThat(pages.cached(0)).isNull();
        assertThat(pages.cached(5).id()).isEqualTo(4);
        assertThat(pages.noteCount()).isEqualTo(2);

        pages.addNote(note(3), Long.MAX_VALUE); // made just now: at the end
        pages.append(rows(6, 2)); // later events come after it
        assertThat(pages).extracting(s -> s.isNote() ? "n" + s.note().id() : "e" + s.id())
                .containsExactly("n1", "e1", "e2", "e3", "n2", "e4", "e5", "n3", "e6", "e7");
        assertThat(changes).endsWith("+7..8", "+8..10");
    }

    @Test
    void aPageArrivingReportsTheRowsOfItsEventsAroundTheNotes() {
        pages.reset(true);
        pages.appendIds(java.util.stream.LongStream.rangeClosed(1, 3 * MessageRows.PAGE).toArray());
        pages.addNote(note(1), 0);
        pages.addNote(note(2), 2L * MessageRows.PAGE);
        assertThat(pages.get(1).id()).isEqualTo(1);
        assertThat(pages.get(2 * MessageRows.PAGE + 1).isNote()).isTrue();
        assertThat(pages.get(2 * MessageRows.PAGE + 2).id()).isEqualTo(2L * MessageRows.PAGE + 1);
        assertThat(fetched).containsExactly(0, 2);
        List<Integer> updated = new ArrayList<>();
        pages.addListener((ListChangeListener<EventSlot>) c -> {
            while (c.next()) {
                if (c.wasUpdated()) {
                    updated.add(c.getFrom());
                    updated.add(c.getTo());
                }
            }
        });
        pages.arrived(2, rows(2L * MessageRows.PAGE + 1, MessageRows.PAGE));
        assertThat(updated).containsExactly(2 * MessageRows.PAGE + 2, 3 * MessageRows.PAGE + 2);
        assertThat(pages.get(3 * MessageRows.PAGE + 1).row().id()).isEqualTo(3L * MessageRows.PAGE);
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
