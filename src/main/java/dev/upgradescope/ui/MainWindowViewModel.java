package dev.upgradescope.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import java.util.ResourceBundle;

/** State of the main window, independent of its controls. */
public final class MainWindowViewModel {

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();

    public MainWindowViewModel(ResourceBundle bundle) {
        status.set(bundle.getString("status.idle"));
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
