package dev.upgradescope.ui.findings;

import dev.upgradescope.capture.NoteRow;
import dev.upgradescope.ui.session.ConnectionDetail;
import dev.upgradescope.ui.session.NoteText;
import dev.upgradescope.ui.session.Selection;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The findings panel: the selected connection's findings and the proxy's notes that report a
 * failure (refused upstream, timeout, unrecorded bytes), most serious first, with their message in
 * the window's language; choosing a finding selects the field (or bytes) it points at.
 */
public final class FindingsViewModel {

    private final Selection selection;
    private final Locale locale;
    private final ResourceBundle texts;
    private final ObservableList<FindingRow> findings = FXCollections.observableArrayList();

    /** {@code texts} is the UI bundle, where the notes' texts are. */
    public FindingsViewModel(Selection selection, Locale locale, ResourceBundle texts) {
        this.selection = selection;
        this.locale = locale;
        this.texts = texts;
        selection.detailProperty().addListener((obs, old, now) -> load(now));
        load(selection.detailProperty().get());
    }

    public ObservableList<FindingRow> findings() {
        return findings;
    }

    private void load(ConnectionDetail detail) {
        if (detail == null) {
            findings.clear();
            return;
        }
        List<FindingRow> rows = new ArrayList<>();
        for (Finding f : detail.findings()) {
            rows.add(FindingRow.of(f, f.message(locale)));
        }
        for (NoteRow n : detail.notes()) {
            NoteText.severity(n.code()).ifPresent(s -> rows.add(FindingRow.of(n, s, NoteText.line(texts, n))));
        }
        rows.sort(Comparator.comparing(FindingRow::severity)); // stable: findings before notes of a severity
        findings.setAll(rows);
    }

    /** Selects the deepest field at the finding's first byte, or highlights its bytes. */
    public void choose(FindingRow f) {
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
