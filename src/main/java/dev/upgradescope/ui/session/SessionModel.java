package dev.upgradescope.ui.session;

import dev.upgradescope.capture.CaptureFailure;
import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.capture.EventRow;
import dev.upgradescope.capture.NoteRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The UI's picture of the session, on the FX thread only: one {@link ConnectionItem} per connection
 * (updated in place), the selected connection, live events of the selected connection for whoever
 * shows them, and what went wrong with the recording.
 */
public final class SessionModel {

    private final ObservableList<ConnectionItem> connections =
            FXCollections.observableArrayList(item -> new Observable[] {item.rowProperty()});
    private final Map<Long, ConnectionItem> byId = new HashMap<>();
    private final ObjectProperty<ConnectionItem> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<CaptureFailure> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper lostChanges = new ReadOnlyLongWrapper();
    private final javafx.beans.property.StringProperty filter = new javafx.beans.property.SimpleStringProperty("");
    private Consumer<List<EventRow>> liveEvents = events -> { };
    private Consumer<List<NoteRow>> liveNotes = notes -> { };
    private long hiddenUpTo;

    public ObservableList<ConnectionItem> connections() {
        return connections;
    }

    public ObjectProperty<ConnectionItem> selectedProperty() {
        return selected;
    }

    /** The text of the connections filter (edited in the toolbar, applied by the connections table). */
    public javafx.beans.property.StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyObjectProperty<CaptureFailure> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Changes the change feed dropped (the table may be missing updates; reopen the session). */
    public ReadOnlyLongProperty lostChangesProperty() {
        return lostChanges.getReadOnlyProperty();
    }

    /** Who receives the events of the selected connection as they are recorded. */
    public void onLiveEvents(Consumer<List<EventRow>> consumer) {
        this.liveEvents = consumer;
    }

    /** Who receives the notes the proxy makes about the selected connection as they are recorded. */
    public void onLiveNotes(Consumer<List<NoteRow>> consumer) {
        this.liveNotes = consumer;
    }

    /** Applies one merged batch from the feed. */
    public void apply(SessionChanges changes) {
        for (ConnectionRow row : changes.rows()) {
            upsert(row);
        }
        for (Map.Entry<Long, Set<String>> e : changes.keywords().entrySet()) {
            ConnectionItem item = byId.get(e.getKey());
            if (item != null) {
                item.addKeywords(e.getValue());
            }
        }
        ConnectionItem sel = selected.get();
        if (sel != null && !changes.watchedEvents().isEmpty()) {
            List<EventRow> mine = changes.watchedEvents().stream().filter(ev -> ev.conn() == sel.id()).toList();
            if (!mine.isEmpty()) {
                liveEvents.accept(mine);
            }
        }
        if (sel != null && !changes.watchedNotes().isEmpty()) {
            List<NoteRow> mine = changes.watchedNotes().stream().filter(n -> n.conn() == sel.id()).toList();
            if (!mine.isEmpty()) {
                liveNotes.accept(mine);
            }
        }
        if (changes.failure() != null) {
            failure.set(changes.failure());
        }
        if (changes.lost() > 0) {
            lostChanges.set(lostChanges.get() + changes.lost());
        }
    }

    /** Replaces everything with the connections of an opened session. */
    public void replaceAll(List<ConnectionRow> rows, Map<Long, Set<String>> keywords) {
        selected.set(null);
        byId.clear();
        connections.clear();
        hiddenUpTo = 0;
        failure.set(null);
        lostChanges.set(0);
        for (ConnectionRow row : rows) {
            upsert(row);
        }
        keywords.forEach((id, words) -> {
            ConnectionItem item = byId.get(id);
            if (item != null) {
                item.addKeywords(words);
            }
        });
    }

    /** Hides every connection seen so far; later updates of those connections stay hidden. */
    public void clear() {
        selected.set(null);
        for (Long id : byId.keySet()) {
            hiddenUpTo = Math.max(hiddenUpTo, id);
        }
        byId.clear();
        connections.clear();
        lostChanges.set(0);
    }

    private void upsert(ConnectionRow row) {
        if (row.id() <= hiddenUpTo) {
            return;
        }
        ConnectionItem item = byId.get(row.id());
        if (item == null) {
            item = new ConnectionItem(row);
            byId.put(row.id(), item);
            connections.add(item);
        } else {
            item.update(row);
        }
    }

    public ConnectionItem item(long id) {
        return byId.get(id);
    }
}
