package dev.upgradescope.ui.connections;

import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.ui.ViewContext;
import dev.upgradescope.ui.session.ConnectionItem;
import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * Controller of {@code ConnectionsView.fxml}: the sortable, filtered table of connections with an
 * outcome badge (glyph, text and colour) per row. Selecting a row selects the connection.
 */
public final class ConnectionsView {

    private final ConnectionsViewModel viewModel;
    private final ViewContext context;

    @FXML private TableView<ConnectionItem> connectionsTable;
    @FXML private Label connectionsTitle;
    @FXML private TableColumn<ConnectionItem, Long> timeColumn;
    @FXML private TableColumn<ConnectionItem, String> clientColumn;
    @FXML private TableColumn<ConnectionItem, String> targetColumn;
    @FXML private TableColumn<ConnectionItem, String> askedColumn;
    @FXML private TableColumn<ConnectionItem, Integer> statusColumn;
    @FXML private TableColumn<ConnectionItem, OutcomeBadge> outcomeColumn;
    @FXML private TableColumn<ConnectionItem, Long> framesColumn;
    @FXML private TableColumn<ConnectionItem, Long> bytesColumn;

    public ConnectionsView(ConnectionsViewModel viewModel, ViewContext context) {
        this.viewModel = viewModel;
        this.context = context;
    }

    @FXML
    void initialize() {
        column(timeColumn, ConnectionRow::openedWallMicros, Formats::time);
        column(clientColumn, ConnectionRow::client, s -> s);
        column(targetColumn, ConnectionRow::target, s -> s);
        column(askedColumn, r -> String.join(", ", r.askedProtocols()), s -> s);
        column(statusColumn, ConnectionRow::status, s -> s == 0 ? "—" : Integer.toString(s));
        column(framesColumn, ConnectionRow::frames, n -> Long.toString(n));
        column(bytesColumn, r -> r.c2sBytes() + r.s2cBytes(), Formats::bytes);
        outcomeColumn.setCellValueFactory(c -> value(c.getValue(), OutcomeBadge::of));
        outcomeColumn.setCellFactory(col -> new BadgeCell());
        outcomeColumn.setComparator(Comparator.comparingInt(OutcomeBadge::rank));
        viewModel.rows().comparatorProperty().bind(connectionsTable.comparatorProperty());
        connectionsTable.setItems(viewModel.rows());
        connectionsTable.setFixedCellSize(26);
        connectionsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        connectionsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            viewModel.selectedProperty().set(now);
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            if (connectionsTable.getSelectionModel().getSelectedItem() != now) {
                connectionsTable.getSelectionModel().select(now);
            }
        });
        if (viewModel.selectedProperty().get() != null) {
            connectionsTable.getSelectionModel().select(viewModel.selectedProperty().get());
        }
        connectionsTitle.textProperty().bind(Bindings.createStringBinding(
                () -> context.text("connections.count", viewModel.rows().size(),
                        viewModel.hidden()), viewModel.rows()));
    }

    /** Gives the connectionsTable the keyboard focus (selecting the first row if none is). */
    public void focus() {
        connectionsTable.requestFocus();
        if (connectionsTable.getSelectionModel().isEmpty() && !connectionsTable.getItems().isEmpty()) {
            connectionsTable.getSelectionModel().select(0);
        }
    }

    private static <T> ObservableValue<T> value(ConnectionItem item, Function<ConnectionRow, T> get) {
        return Bindings.createObjectBinding(() -> get.apply(item.row()), item.rowProperty());
    }

    private static <T extends Comparable<T>> void column(TableColumn<ConnectionItem, T> col,
                                                         Function<ConnectionRow, T> get, Function<T, String> text) {
        col.setCellValueFactory(c -> value(c.getValue(), get));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
    }

    /** The outcome badge: glyph and text in the outcome's colour, with a tooltip. */
    private final class BadgeCell extends TableCell<ConnectionItem, OutcomeBadge> {
        private final Label badge = new Label();
        private final Tooltip tooltip = new Tooltip();
        private OutcomeBadge shown;

        BadgeCell() {
            badge.getStyleClass().add("badge");
            setGraphic(null);
        }

        /** Touches the label's style and the tooltip only when the outcome changes: a style change re-applies CSS. */
        @Override
        protected void updateItem(OutcomeBadge item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            if (!item.equals(shown)) {
                if (shown != null) {
                    badge.getStyleClass().remove(shown.styleClass());
                }
                shown = item;
                String text = context.text(item.textKey());
                badge.setText(item.glyph() + " " + text);
                badge.getStyleClass().add(item.styleClass());
                badge.setAccessibleText(text);
                tooltip.setText(context.text(item.textKey() + ".tooltip"));
            }
            setGraphic(badge);
            setTooltip(tooltip);
        }
    }
}
