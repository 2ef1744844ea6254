package dev.upgradescope.ui.findings;

import dev.upgradescope.ui.session.ConnectionDetail;
import dev.upgradescope.ui.session.Selection;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Finding;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The findings panel: the selected connection's findings, most serious first, with their message
 * in the window's language; choosing one selects the field (or bytes) it points at.
 */
public final class FindingsViewModel {

    private final Selection selection;
    private final Locale locale;
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();

    public FindingsViewModel(Selection selection, Locale locale) {
        this.selection = selection;
        this.locale = locale;
        selection.detailProperty().addListener((obs, old, now) -> load(now));
        load(selection.detailProperty().get());
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public String message(Finding f) {
        return f.message(locale);
    }

    private void load(ConnectionDetail detail) {
        if (detail == null) {
            findings.clear();
            return;
        }
        List<Finding> sorted = detail.findings().stream()
                .sorted(Comparator.comparing(Finding::severity)).toList();
        findings.setAll(sorted);
    }

    /** Selects the deepest field at the finding's first byte, or highlights its bytes. */
    public void choose(Finding f) {
        ConnectionDetail detail = selection.detailProperty().get();
        if (f == null || f.range() == null || detail == null) {
            return;
        }
        ByteRange.InStream r = f.range().streamRange();
        detail.deepestAt(r.dir(), r.offset()).ifPresentOrElse(field -> {
            selection.selectField(field);
            selection.highlightProperty().set(r);
        }, () -> {
            selection.fieldProperty().set(null);
            selection.highlightProperty().set(r);
        });
    }
}
