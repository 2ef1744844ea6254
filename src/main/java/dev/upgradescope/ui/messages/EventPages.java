package dev.upgradescope.ui.messages;

import dev.upgradescope.capture.EventRow;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ObservableListBase;

/**
 * The messages list as a lazily filled list: its size is the number of indexed event ids; a row
 * whose event is not cached shows as not loaded and asks the {@link Fetcher} for its whole page;
 * when the page arrives the rows are reported as updated. Holds at most {@link #CACHED} events.
 * FX thread only.
 */
public final class EventPages extends ObservableListBase<EventSlot> {

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
    private Fetcher fetcher = (page, ids, contiguous) -> { };
    private boolean contiguous = true;

    public void fetcher(Fetcher f) {
        this.fetcher = f;
    }

    @Override
    public EventSlot get(int i) {
        long id = index.get(i);
        EventRow row = cache.get(id);
        if (row == null) {
            request(i / PAGE);
        }
        return new EventSlot(i, id, row);
    }

    @Override
    public int size() {
        return index.size();
    }

    /** The event at row {@code i} if it is cached. */
    public EventRow cached(int i) {
        return cache.get(index.get(i));
    }

    /** Starts over, empty; {@code allEvents} says whether rows will be every event of the connection in order. */
    public void reset(boolean allEvents) {
        int old = index.size();
        index.clear();
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
        int from = index.size();
        for (EventRow r : rows) {
            if (r.id() > index.last()) {
                index.add(r.id());
                cache.put(r.id(), r);
            }
        }
        if (index.size() > from) {
            beginChange();
            nextAdd(from, index.size());
            endChange();
        }
    }

    public int indexOf(long eventId) {
        return index.indexOf(eventId);
    }

    /** A fetched page: caches its events and reports its rows as updated. */
    public void arrived(int page, List<EventRow> rows) {
        requested.remove(page);
        for (EventRow r : rows) {
            cache.put(r.id(), r);
        }
        int from = page * PAGE;
        int to = Math.min(index.size(), from + PAGE);
        if (from >= to) {
            return;
        }
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
