package dev.upgradescope.ui.ladder;

import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.ui.ViewContext;
import dev.upgradescope.ui.session.InspectedSession;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;

/**
 * Controller of {@code LadderView.fxml}: the sequence diagram client ↔ UpgradeScope ↔ server of the
 * selected connection as a virtualised list (only visible rows exist), read a page at a time as the
 * user scrolls. Clicking a row (or Enter on it) selects its event in the session.
 */
public final class LadderView {

    /** The ladder's texts ({@code dev/upgradescope/ui/ladder/ladder*.properties}). */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("dev.upgradescope.ui.ladder.ladder", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private final LadderViewModel vm;
    private final ResourceBundle texts;
    private final LadderSessionLink link;

    @FXML private VBox root;
    @FXML private Pane header;
    @FXML private Label clientLabel;
    @FXML private Label proxyLabel;
    @FXML private Label serverLabel;
    @FXML private Line clientHeadLine;
    @FXML private Line proxyHeadLine;
    @FXML private Line serverHeadLine;
    @FXML private ListView<LadderStep> list;
    @FXML private Label footer;

    public LadderView(ViewContext context) {
        this(context.session(), context.language().locale());
    }

    public LadderView(InspectedSession session, Locale locale) {
        this.texts = bundle(locale);
        ResourceBundle ui = dev.upgradescope.ui.Messages.bundle(locale);
        this.vm = new LadderViewModel(new SessionEvents(session), session.background(), texts,
                n -> dev.upgradescope.ui.session.NoteText.line(ui, n));
        this.link = new LadderSessionLink(session, vm);
    }

    /** A ladder over any view model (tests). */
    public LadderView(LadderViewModel vm, ResourceBundle texts) {
        this.vm = vm;
        this.texts = texts;
        this.link = null;
    }

    public LadderViewModel viewModel() {
        return vm;
    }

    @FXML
    void initialize() {
        list.setItems(vm.steps());
        list.setCellFactory(lv -> new LadderCell(vm));
        list.setFixedCellSize(LadderLayout.ROW_HEIGHT);
        list.setAccessibleText(texts.getString("ladder.accessible"));
        list.setAccessibleHelp(texts.getString("ladder.help"));
        Label empty = new Label(texts.getString("ladder.empty"));
        empty.getStyleClass().add("placeholder");
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        proxyLabel.setText(texts.getString("ladder.proxy"));
        header.widthProperty().addListener(o -> layoutHeader());
        vm.steps().addListener((javafx.collections.ListChangeListener<LadderStep>) c ->
                javafx.application.Platform.runLater(this::layoutHeader)); // once the list shows or hides its bar
        vm.connectionProperty().addListener((obs, was, now) -> names(now));
        names(vm.connectionProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null && now != vm.selectedProperty().get()) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((obs, was, now) -> {
            if (now != null && list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
                list.scrollTo(Math.max(0, list.getSelectionModel().getSelectedIndex() - 3));
            } else if (now == null) {
                list.getSelectionModel().clearSelection();
            }
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                vm.selectedProperty().set(null);
                vm.selectedProperty().set(list.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        footer.textProperty().bind(javafx.beans.binding.Bindings.when(vm.loadingProperty())
                .then(texts.getString("ladder.loading")).otherwise(javafx.beans.binding.Bindings.createStringBinding(
                        () -> vm.completeProperty().get() ? "" : texts.getString("ladder.more"),
                        vm.completeProperty())));
        footer.visibleProperty().bind(footer.textProperty().isNotEmpty());
        footer.managedProperty().bind(footer.visibleProperty());
        root.sceneProperty().addListener((obs, was, now) -> {
            if (link != null) {
                if (now == null) {
                    link.unbind();
                } else {
                    link.bind();
                }
            }
        });
        if (link != null && root.getScene() != null) {
            link.bind();
        }
    }

    private void names(ConnectionRow row) {
        clientLabel.setText(texts.getString("ladder.client") + (row == null ? "" : "\n" + row.client()));
        serverLabel.setText(texts.getString("ladder.server") + (row == null || row.target().isEmpty() ? ""
                : "\n" + row.target()));
        proxyLabel.setText(texts.getString("ladder.proxy") + (row == null ? "" : "\n" + row.listener()));
        layoutHeader();
    }

    private void layoutHeader() {
        double scrollBar = 0;
        for (Node n : list.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL && bar.isVisible()) {
                scrollBar = bar.getWidth();
            }
        }
        LadderLayout l = LadderLayout.of(header.getWidth() - scrollBar);
        double h = header.getHeight() > 0 ? header.getHeight() : header.prefHeight(-1);
        place(clientLabel, clientHeadLine, l.client(), h);
        place(proxyLabel, proxyHeadLine, l.proxy(), h);
        place(serverLabel, serverHeadLine, l.server(), h);
    }

    private static void place(Label label, Line line, double x, double h) {
        double w = 190;
        label.resizeRelocate(x - w / 2, 4, w, h - 12);
        double lx = Math.round(x) + 0.5;
        line.setStartX(lx);
        line.setEndX(lx);
        line.setStartY(h - 8);
        line.setEndY(h);
    }
}
