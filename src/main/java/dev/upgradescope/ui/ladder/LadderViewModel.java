package dev.upgradescope.ui.ladder;

import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.capture.EventRow;
import dev.upgradescope.ui.timeline.EventPages;
import dev.upgradescope.ui.timeline.MarkKind;
import dev.upgradescope.ui.timeline.TimeText;
import dev.upgradescope.ui.timeline.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the ladder diagram of one connection, independent of its controls: the steps read so far
 * (the opening, each event with a mark, the closing once everything is read), read {@link #PAGE} at
 * a time as the user scrolls towards the end, and the selected step. FX thread only; reads run on
 * the given worker.
 */
public final class LadderViewModel {

    /** Events read per page. */
    public static final int PAGE = 200;

    private final EventPages pages;
    private final Executor worker;
    private final Executor fx;
    private final ResourceBundle texts;
    private final ObservableList<LadderStep> steps = FXCollections.observableArrayList();
    private final ObservableList<LadderStep> readOnlySteps = FXCollections.unmodifiableObservableList(steps);
    private final ReadOnlyObjectWrapper<ConnectionRow> connection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<LadderStep> selected = new SimpleObjectProperty<>();
    private long generation;
    private long lastEventId;
    private long eventsRead;
    private long wanted = -1;

    public LadderViewModel(EventPages pages, Executor worker, Executor fx, ResourceBundle texts) {
        this.pages = pages;
        this.worker = worker;
        this.fx = fx;
        this.texts = texts;
    }

    public ObservableList<LadderStep> steps() {
        return readOnlySteps;
    }

    public ReadOnlyObjectProperty<ConnectionRow> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True when every event of the connection has been read (and, if it closed, its closing shown). */
    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    public ObjectProperty<LadderStep> selectedProperty() {
        return selected;
    }

    /** Shows connection {@code row} (null: none), reading its first page. */
    public void show(ConnectionRow row) {
        generation++;
        steps.clear();
        selected.set(null);
        lastEventId = 0;
        eventsRead = 0;
        wanted = -1;
        loading.set(false);
        complete.set(row == null);
        connection.set(row);
        if (row != null) {
            steps.add(new LadderStep(-1, MarkKind.CONNECT, Track.C2S, 0, texts.getString("ladder.opened")));
            loadMore();
        }
    }

    /** The connection's summary changed (more events, closed): reads on if the end was shown. */
    public void updated(ConnectionRow row) {
        ConnectionRow cur = connection.get();
        if (cur == null || row == null || cur.id() != row.id()) {
            return;
        }
        connection.set(row);
        if (complete.get() && (eventsRead < row.events() || row.closed() && !hasClosing())) {
            complete.set(false);
            loadMore();
        }
    }

    /** Reads the next page (the view calls this when the last rows come into view). */
    public void loadMore() {
        ConnectionRow row = connection.get();
        if (row == null || loading.get() || complete.get()) {
            return;
        }
        loading.set(true);
        long gen = generation;
        long conn = row.id();
        long after = lastEventId;
        worker.execute(() -> {
            List<EventRow> page;
            try {
                page = pages.events(conn, after, PAGE);
            } catch (Exception e) {
                page = null;
            }
            List<EventRow> p = page;
            fx.execute(() -> read(gen, p));
        });
    }

    private void read(long gen, List<EventRow> page) {
        if (gen != generation) {
            return;
        }
        loading.set(false);
        ConnectionRow row = connection.get();
        if (page == null) {
            complete.set(true);
            return;
        }
        List<LadderStep> add = new ArrayList<>(page.size() + 1);
        for (EventRow e : page) {
            lastEventId = Math.max(lastEventId, e.id());
            MarkKind k = MarkKind.of(e);
            if (k != null) {
                add.add(new LadderStep(e.id(), k, Track.of(e.dir()), e.nanos() - row.openedNanos(), e.summary()));
            }
        }
        eventsRead += page.size();
        boolean end = page.size() < PAGE;
        if (end && row.closed() && !hasClosing()) {
            add.add(new LadderStep(-1, MarkKind.CLOSED, Track.CENTRE, row.closedNanos() - row.openedNanos(),
                    texts.getString("ladder.closed")));
        }
        steps.addAll(add);
        if (end) {
            complete.set(true);
        }
        if (wanted >= 0) {
            select(wanted);
        }
    }

    private boolean hasClosing() {
        return !steps.isEmpty() && steps.get(steps.size() - 1).kind() == MarkKind.CLOSED;
    }

    /** Selects the step of event {@code eventId}, reading on until it is found or the end is reached. */
    public void select(long eventId) {
        for (LadderStep s : steps) {
            if (s.eventId() == eventId) {
                wanted = -1;
                selected.set(s);
                return;
            }
        }
        wanted = complete.get() ? -1 : eventId;
        if (wanted >= 0) {
            loadMore();
        }
    }

    /** The time column's text of a step: milliseconds since the connection opened. */
    public static String time(LadderStep s) {
        return "+" + TimeText.of(s.sinceOpenNanos());
    }

    /** What a screen reader says for a step: direction, summary, time. */
    public String spoken(LadderStep s) {
        String dir = texts.getString("ladder.dir." + s.track().name().toLowerCase(java.util.Locale.ROOT));
        return dir + ": " + s.summary() + ", " + time(s);
    }
}
