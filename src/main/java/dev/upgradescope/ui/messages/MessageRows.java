package dev.upgradescope.ui.messages;

import dev.upgradescope.capture.EventRow;
import dev.upgradescope.capture.NoteRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ObservableListBase;

/**
 * The messages list as a lazily filled list: its rows are the indexed event ids and, among them,
 * the proxy's notes (few; each placed after the last event recorded before it); a row whose event
 * is not cached shows as not loaded and asks the {@link Fetcher} for its whole page; when the page
 * arrives the rows are reported as updated. Holds at most {@link #CACHED} events. FX thread only.
 */
public final class MessageRows extends ObservableListBase<EventSlot> {

    /** Rows fetched together. */
    public static final int PAGE = 200;
    static final int CACHED = 50 * PAGE;

    /** Fetches the events with these ids (ascending) off the FX thread and hands them to {@link #arrived}. */
    @FunctionalInterface
    public interface Fetcher {
        void fetch(int page, long[] ids, boolean contiguous);
    }

    private final EventIndex index = new EventIndex();
    private final Map<Long, EventRow> cache = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, EventRow> eldest) {
            return size() > CACHED;
        }
    };
    private final Set<Integer> requested = new HashSet<>();
    /** The notes in list order, each with the id of the event it follows (0: before all). */
    private final List<PlacedNote> notes = new ArrayList<>();
    /** The list row of each note, in the order of {@link #notes}. */
    private int[] noteRows = new int[0];
    private Fetcher fetcher = (page, ids, contiguous) -> { };
    private boolean contiguous = true;

    public void fetcher(Fetcher f) {
        this.fetcher = f;
    }

    private record PlacedNote(NoteRow note, long afterEventId) {
    }

    @Override
    public EventSlot get(int i) {
        int n = noteAt(i);
        if (n >= 0) {
            return new EventSlot(i, -1, null, notes.get(n).note());
        }
        int e = eventIndex(i);
        long id = index.get(e);
        EventRow row = cache.get(id);
        if (row == null) {
            request(e / PAGE);
        }
        return new EventSlot(i, id, row);
    }

    @Override
    public int size() {
        return index.size() + notes.size();
    }

    /** The event at row {@code i} if it is cached (null for a note's row). */
    public EventRow cached(int i) {
        return noteAt(i) >= 0 ? null : cache.get(index.get(eventIndex(i)));
    }

    /** How many notes are listed. */
    public int noteCount() {
        return notes.size();
    }

    /** Which note is at row {@code row}, or -1. */
    private int noteAt(int row) {
        for (int k = 0; k < noteRows.length; k++) {
            if (noteRows[k] == row) {
                return k;
            }
            if (noteRows[k] > row) {
                return -1;
            }
        }
        return -1;
    }

    /** The position in the event index of the event at row {@code row} (not a note's row). */
    private int eventIndex(int row) {
        int before = 0;
        while (before < noteRows.length && noteRows[before] < row) {
            before++;
        }
        return row - before;
    }

    /** The row of the event at position {@code e} of the event index. */
    private int rowOfEvent(int e) {
        int row = e;
        for (int r : noteRows) {
            if (r <= row) {
                row++;
            } else {
                break;
            }
        }
        return row;
    }

    /** Events listed with an id up to {@code id}. */
    private int eventsUpTo(long id) {
        int lo = 0;
        int hi = index.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (index.get(mid) <= id) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void placeNotes() {
        noteRows = new int[notes.size()];
        for (int k = 0; k < notes.size(); k++) {
            noteRows[k] = eventsUpTo(notes.get(k).afterEventId()) + k;
        }
    }

    /**
     * Lists a note after the event {@code afterEventId} (0: before every event; an id beyond the
     * last listed event places it at the end). A note already listed is ignored.
     */
    public void addNote(NoteRow note, long afterEventId) {
        for (PlacedNote p : notes) {
            if (p.note().id() == note.id()) {
                return;
            }
        }
        long after = Math.min(afterEventId, Math.max(0, index.last()));
        int at = 0;
        while (at < notes.size() && (notes.get(at).afterEventId() < after
                || notes.get(at).afterEventId() == after && notes.get(at).note().id() < note.id())) {
            at++;
        }
        notes.add(at, new PlacedNote(note, after));
        placeNotes();
        int row = noteRows[at];
        beginChange();
        nextAdd(row, row + 1);
        endChange();
    }

    /** Starts over, empty; {@code allEvents} says whether rows will be every event of the connection in order. */
    public void reset(boolean allEvents) {
        int old = size();
        index.clear();
        notes.clear();
        noteRows = new int[0];
        cache.clear();
        requested.clear();
        contiguous = allEvents;
        if (old > 0) {
            beginChange();
            nextRemove(0, java.util.Collections.nCopies(old, (EventSlot) null));
            endChange();
        }
    }

    /** Adds events (ascending ids, after every listed one) at the end, caching them. */
    public void append(List<EventRow> rows) {
        int from = size();
        for (EventRow r : rows) {
            if (r.id() > index.last()) {
                index.add(r.id());
                cache.put(r.id(), r);
            }
        }
        addedFrom(from);
    }

    /** Adds events by id alone (ascending, after every listed one) at the end; their rows are fetched when shown. */
    public void appendIds(long[] ids) {
        int from = size();
        for (long id : ids) {
            if (id > index.last()) {
                index.add(id);
            }
        }
        addedFrom(from);
    }

    private void addedFrom(int from) {
        // notes are placed at most after the last event listed before, so new events come after them all
        if (size() > from) {
            beginChange();
            nextAdd(from, size());
            endChange();
        }
    }

    /** The row of event {@code eventId}, or a negative number if it is not listed. */
    public int indexOf(long eventId) {
        int e = index.indexOf(eventId);
        return e < 0 ? e : rowOfEvent(e);
    }

    /** A fetched page: caches its events and reports its rows as updated. */
    public void arrived(int page, List<EventRow> rows) {
        requested.remove(page);
        for (EventRow r : rows) {
            cache.put(r.id(), r);
        }
        int fromEvent = page * PAGE;
        int toEvent = Math.min(index.size(), fromEvent + PAGE);
        if (fromEvent >= toEvent) {
            return;
        }
        int from = rowOfEvent(fromEvent);
        int to = rowOfEvent(toEvent - 1) + 1;
        beginChange();
        for (int i = from; i < to; i++) {
            nextUpdate(i);
        }
        endChange();
    }

    private void request(int page) {
        if (!requested.add(page)) {
            return;
        }
        int from = page * PAGE;
        int to = Math.min(index.size(), from + PAGE);
        long[] ids = new long[Math.max(0, to - from)];
        for (int i = from; i < to; i++) {
            ids[i - from] = index.get(i);
        }
        fetcher.fetch(page, ids, contiguous);
    }
}
