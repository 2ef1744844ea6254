package dev.upgradescope.ui.messages;

import dev.upgradescope.capture.EventRow;
import dev.upgradescope.ui.ViewContext;
import dev.upgradescope.ui.raw.HexLayout;
import dev.upgradescope.ui.session.NoteText;
import dev.upgradescope.wire.Direction;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/**
 * Controller of {@code MessagesView.fxml}: the paged list of events (direction, time, type, length,
 * preview) with its filters, and the selected event's detail: attributes, the bytes on the wire,
 * and the decoded payload as text, JSON or hex side by side with them.
 */
public final class MessagesView {

    private static final String BOTH = "both";

    private final MessagesViewModel viewModel;
    private final ViewContext context;

    @FXML private ChoiceBox<String> directionChoice;
    @FXML private TextField textField;
    @FXML private Label countLabel;
    @FXML private TableView<EventSlot> messagesTable;
    @FXML private TableColumn<EventSlot, String> indexColumn;
    @FXML private TableColumn<EventSlot, String> dirColumn;
    @FXML private TableColumn<EventSlot, String> timeColumn;
    @FXML private TableColumn<EventSlot, String> kindColumn;
    @FXML private TableColumn<EventSlot, String> lengthColumn;
    @FXML private TableColumn<EventSlot, String> previewColumn;
    @FXML private Label summaryLabel;
    @FXML private TextArea attributesArea;
    @FXML private TextArea wireArea;
    @FXML private TextArea payloadArea;
    @FXML private ChoiceBox<PayloadFormat> formatChoice;

    public MessagesView(MessagesViewModel viewModel, ViewContext context) {
        this.viewModel = viewModel;
        this.context = context;
    }

    @FXML
    void initialize() {
        directionChoice.getItems().setAll(BOTH, Direction.C2S.code(), Direction.S2C.code());
        directionChoice.setConverter(converter(s -> context.text("direction." + s)));
        directionChoice.setValue(viewModel.directionProperty().get() == null ? BOTH
                : viewModel.directionProperty().get().code());
        directionChoice.valueProperty().addListener((obs, old, now) -> viewModel.directionProperty().set(
                now == null || now.equals(BOTH) ? null : Direction.fromCode(now)));
        textField.textProperty().bindBidirectional(viewModel.textProperty());
        formatChoice.getItems().setAll(PayloadFormat.values());
        formatChoice.setConverter(converter(f -> context.text("format." + f.name().toLowerCase(java.util.Locale.ROOT))));
        formatChoice.valueProperty().addListener((obs, old, now) -> showPayload(viewModel.detailProperty().get()));

        messagesTable.setItems(viewModel.rows());
        messagesTable.setFixedCellSize(24);
        messagesTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(indexColumn, s -> Integer.toString(s.index() + 1), false);
        column(dirColumn, s -> s.isNote() || s.row().dir() == null ? "" : arrow(s.row().dir()), true);
        column(timeColumn, s -> s.isNote() ? viewModel.time(s.note().nanos()) : viewModel.time(s.row()), true);
        column(kindColumn, s -> s.isNote() ? NoteText.KIND : s.row().kind(), true);
        column(lengthColumn, s -> s.isNote() || s.row().dir() == null ? "" : Long.toString(s.row().length()), true);
        column(previewColumn, s -> s.isNote() ? viewModel.noteText(s.note()) : s.row().summary(), true);
        messagesTable.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(EventSlot item, boolean empty) {
                super.updateItem(item, empty);
                boolean event = !empty && item != null && item.row() != null;
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("c2s"),
                        event && item.row().dir() == Direction.C2S);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("s2c"),
                        event && item.row().dir() == Direction.S2C);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("note"),
                        !empty && item != null && item.isNote());
            }
        });
        messagesTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now.isNote()) {
                viewModel.select(null);
                showNote(now.note());
                return;
            }
            viewModel.select(now == null ? null : now.row() != null ? now.row()
                    : viewModel.rows().cached(now.index()));
        });
        countLabel.textProperty().bind(Bindings.createStringBinding(() -> context.text(
                viewModel.scanningProperty().get() ? "messages.count.scanning" : "messages.count",
                viewModel.rows().size()), viewModel.rows(), viewModel.scanningProperty()));
        viewModel.detailProperty().addListener((obs, old, now) -> show(now));
        show(null);
    }

    private static String arrow(Direction d) {
        return d == Direction.C2S ? "C → S" : "S → C";
    }

    private void column(TableColumn<EventSlot, String> col, Function<EventSlot, String> text, boolean needsRow) {
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                needsRow && !c.getValue().loaded() ? "…" : text.apply(c.getValue())));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
    }

    private void showNote(dev.upgradescope.capture.NoteRow n) {
        summaryLabel.setText(NoteText.KIND + " — " + viewModel.noteText(n));
        attributesArea.setText("code: " + n.code() + "\ndetail: " + n.detail() + "\n\n"
                + context.text("messages.note.detail") + "\n");
        wireArea.clear();
        payloadArea.clear();
    }

    private void show(EventDetail d) {
        if (d == null) {
            summaryLabel.setText(context.text("messages.detail.none"));
            attributesArea.clear();
            wireArea.clear();
            payloadArea.clear();
            return;
        }
        EventRow e = d.event();
        summaryLabel.setText(e.kind() + " — " + e.summary());
        attributesArea.setText(MessagesViewModel.attributes(e));
        wireArea.setText(HexLayout.text(d.wire(), e.offset()));
        byte[] shown = d.payload() != null ? d.payload() : d.wire();
        PayloadFormat auto = PayloadFormat.auto(shown);
        if (formatChoice.getValue() != auto) {
            formatChoice.setValue(auto); // shows the payload through the listener
        } else {
            showPayload(d);
        }
    }

    private void showPayload(EventDetail d) {
        if (d == null) {
            payloadArea.clear();
            return;
        }
        byte[] shown = d.payload() != null ? d.payload() : d.wire();
        PayloadFormat f = formatChoice.getValue() == null ? PayloadFormat.HEX : formatChoice.getValue();
        payloadArea.setText(f.render(shown));
    }

    private static <T> StringConverter<T> converter(Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
