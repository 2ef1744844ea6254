package dev.upgradescope.ui.ladder;

import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.capture.EventRow;
import dev.upgradescope.ui.fx.Background;
import dev.upgradescope.ui.timeline.StoredEvents;
import dev.upgradescope.ui.timeline.MarkKind;
import dev.upgradescope.ui.timeline.TimeText;
import dev.upgradescope.ui.timeline.Track;
import dev.upgradescope.capture.NoteRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.List;
import java.util.ResourceBundle;
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
 * (the opening, each event with a mark, the proxy's notes at its lifeline, the closing once
 * everything is read), read {@link #PAGE} at
 * a time as the user scrolls towards the end, and the selected step. FX thread only; reads run on
 * the given background, and a page still under way when another connection is shown is dropped.
 */
public final class LadderViewModel {

    /** Events read per page. */
    public static final int PAGE = 200;

    private final StoredEvents pages;
    private final Background.Generation reads;
    private final ResourceBundle texts;
    private final ObservableList<LadderStep> steps = FXCollections.observableArrayList();
    private final ObservableList<LadderStep> readOnlySteps = FXCollections.unmodifiableObservableList(steps);
    private final ReadOnlyObjectWrapper<ConnectionRow> connection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<LadderStep> selected = new SimpleObjectProperty<>();
    private long lastEventId;
    private long eventsRead;
    private long wanted = -1;
    private final Function<NoteRow, String> noteText;
    private final Set<Long> notesShown = new HashSet<>();

    /** A page of events with the connection's notes as they were when it was read. */
    private record Page(List<EventRow> events, List<NoteRow> notes) {
    }

    public LadderViewModel(StoredEvents pages, Background background, ResourceBundle texts) {
        this(pages, background, texts, n -> n.code() + (n.detail().isEmpty() ? "" : " — " + n.detail()));
    }

    /** {@code noteText} words a note of the proxy in the window's language. */
    public LadderViewModel(StoredEvents pages, Background background, ResourceBundle texts,
                           Function<NoteRow, String> noteText) {
        this.pages = pages;
        this.reads = background.generation();
        this.texts = texts;
        this.noteText = noteText;
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
        reads.next();
        steps.clear();
        selected.set(null);
        lastEventId = 0;
        eventsRead = 0;
        notesShown.clear();
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
        long conn = row.id();
        long after = lastEventId;
        reads.task(() -> new Page(pages.events(conn, after, PAGE), pages.notes(conn)))
                .onSuccess(this::read)
                .onFailure(e -> read(null))
                .start();
    }

    /** A page arrived ({@code read} null: it could not be read, the connection is shown as far as it goes). */
    private void read(Page read) {
        loading.set(false);
        ConnectionRow row = connection.get();
        if (read == null) {
            complete.set(true);
            return;
        }
        List<EventRow> page = read.events();
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
        addNotes(read.notes(), add, end, row);
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

    /**
     * Places the notes not shown yet among the new steps by time: those made up to the page's last
     * event, or all of them at the end of the connection's events.
     */
    private void addNotes(List<NoteRow> notes, List<LadderStep> add, boolean end, ConnectionRow row) {
        long upTo = add.isEmpty() ? Long.MIN_VALUE : add.get(add.size() - 1).sinceOpenNanos();
        for (NoteRow n : notes) {
            long since = n.nanos() - row.openedNanos();
            if (notesShown.contains(n.id()) || !end && since > upTo) {
                continue;
            }
            notesShown.add(n.id());
            int at = add.size();
            while (at > 0 && add.get(at - 1).sinceOpenNanos() > since) {
                at--;
            }
            add.add(at, new LadderStep(-1, MarkKind.NOTE, Track.CENTRE, since, "◆ " + noteText.apply(n)));
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
