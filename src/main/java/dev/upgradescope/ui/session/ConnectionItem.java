package dev.upgradescope.ui.session;

import dev.upgradescope.capture.ConnectionRow;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One row of the connections table: the latest summary of a connection, and the words a filter
 * can match beyond the summary (header names and values of its handshake, finding codes). Updated
 * in place on the FX thread so a table keeps its selection and scroll position.
 */
public final class ConnectionItem {

    private final long id;
    private final ReadOnlyObjectWrapper<ConnectionRow> row;
    private final Set<String> keywords = new LinkedHashSet<>();

    public ConnectionItem(ConnectionRow row) {
        this.id = row.id();
        this.row = new ReadOnlyObjectWrapper<>(row);
    }

    public long id() {
        return id;
    }

    public ConnectionRow row() {
        return row.get();
    }

    public ReadOnlyObjectProperty<ConnectionRow> rowProperty() {
        return row.getReadOnlyProperty();
    }

    void update(ConnectionRow next) {
        row.set(next);
    }

    /** Lower-case words: header names and values, finding codes. */
    public Set<String> keywords() {
        return Collections.unmodifiableSet(keywords);
    }

    void addKeywords(Set<String> words) {
        keywords.addAll(words);
    }
}
