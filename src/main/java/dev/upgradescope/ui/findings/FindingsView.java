package dev.upgradescope.ui.findings;

import dev.upgradescope.ui.ViewContext;
import dev.upgradescope.ui.handshake.Severities;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * Controller of {@code FindingsView.fxml}: severity (glyph, text, colour), message, code, and the
 * RFC section as a link opened in the browser (for a note of the proxy, "UpgradeScope" instead);
 * selecting a row selects the field it concerns.
 */
public final class FindingsView {

    private final FindingsViewModel viewModel;
    private final ViewContext context;

    @FXML private Label findingsTitle;
    @FXML private TableView<FindingRow> findingsTable;
    @FXML private TableColumn<FindingRow, FindingRow> severityColumn;
    @FXML private TableColumn<FindingRow, String> messageColumn;
    @FXML private TableColumn<FindingRow, String> codeColumn;
    @FXML private TableColumn<FindingRow, FindingRow> specColumn;

    public FindingsView(FindingsViewModel viewModel, ViewContext context) {
        this.viewModel = viewModel;
        this.context = context;
    }

    @FXML
    void initialize() {
        findingsTable.setItems(viewModel.findings());
        findingsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        severityColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        severityColumn.setCellFactory(c -> new SeverityCell());
        severityColumn.setComparator((a, b) -> a.severity().compareTo(b.severity()));
        messageColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().message()));
        messageColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
        codeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().code()));
        specColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        specColumn.setCellFactory(c -> new SpecCell());
        specColumn.setSortable(false);
        findingsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> viewModel.choose(now));
        findingsTitle.textProperty().bind(Bindings.createStringBinding(
                () -> context.text("findings.count", viewModel.findings().size()), viewModel.findings()));
    }

    private final class SeverityCell extends TableCell<FindingRow, FindingRow> {
        private final Label label = new Label();

        @Override
        protected void updateItem(FindingRow f, boolean empty) {
            super.updateItem(f, empty);
            label.getStyleClass().removeIf(s -> s.startsWith("severity-"));
            if (empty || f == null) {
                setGraphic(null);
                return;
            }
            String text = context.text(Severities.textKey(f.severity()));
            label.setText(Severities.glyph(f.severity()) + " " + text);
            label.getStyleClass().addAll("severity", Severities.styleClass(f.severity()));
            setGraphic(label);
        }
    }

    private final class SpecCell extends TableCell<FindingRow, FindingRow> {
        private final Hyperlink link = new Hyperlink();
        private final Label ours = new Label("UpgradeScope");

        @Override
        protected void updateItem(FindingRow f, boolean empty) {
            super.updateItem(f, empty);
            if (empty || f == null) {
                setGraphic(null);
                return;
            }
            if (f.spec() == null) {
                // a note of the proxy: no RFC says it, UpgradeScope does
                ours.getStyleClass().setAll("label", "finding-source");
                ours.setTooltip(new Tooltip(context.text("messages.note.detail")));
                setGraphic(ours);
                return;
            }
            String url = f.spec().url();
            link.setText(f.spec().toString());
            link.setAccessibleText(context.text("findings.spec.accessible", f.spec().toString()));
            link.setTooltip(new Tooltip(url));
            link.setOnAction(e -> context.actions().openUrl(url));
            setGraphic(link);
        }
    }
}
