package dev.upgradescope.ui.connections;

import dev.upgradescope.ui.session.ConnectionItem;
import dev.upgradescope.ui.session.SessionModel;
import javafx.beans.property.ObjectProperty;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The connections table's rows: the session's connections through the filter, sortable, and the
 * selected one. Rows are updated in place, so live updates neither move the selection nor scroll.
 */
public final class ConnectionsViewModel {

    private final SessionModel model;
    private final FilteredList<ConnectionItem> filtered;
    private final SortedList<ConnectionItem> sorted;

    public ConnectionsViewModel(SessionModel model) {
        this.model = model;
        this.filtered = new FilteredList<>(model.connections());
        this.sorted = new SortedList<>(filtered);
        filtered.setPredicate(ConnectionFilter.parse(model.filterProperty().get()));
        model.filterProperty().addListener((obs, old, now) -> filtered.setPredicate(ConnectionFilter.parse(now)));
    }

    public SortedList<ConnectionItem> rows() {
        return sorted;
    }

    public ObjectProperty<ConnectionItem> selectedProperty() {
        return model.selectedProperty();
    }

    /** How many connections the filter hides. */
    public int hidden() {
        return model.connections().size() - filtered.size();
    }
}
