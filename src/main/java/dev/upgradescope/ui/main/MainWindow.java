package dev.upgradescope.ui.main;

import dev.upgradescope.ui.Theme;
import dev.upgradescope.ui.UiLanguage;
import dev.upgradescope.ui.ViewContext;
import dev.upgradescope.ui.connections.ConnectionsView;
import dev.upgradescope.ui.toolbar.ToolbarView;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.StackPane;

/**
 * Controller of {@code MainWindow.fxml}: the menu with its accelerators, the centre tabs, the slots
 * for the timeline (above the tabs) and the ladder (a tab), and the status bar.
 */
public final class MainWindow {

    private final MainWindowViewModel viewModel;
    private final ViewContext context;

    @FXML private MenuItem openItem;
    @FXML private MenuItem saveItem;
    @FXML private MenuItem exportItem;
    @FXML private MenuItem folderItem;
    @FXML private MenuItem quitItem;
    @FXML private MenuItem captureItem;
    @FXML private MenuItem clearItem;
    @FXML private MenuItem filterItem;
    @FXML private RadioMenuItem lightItem;
    @FXML private RadioMenuItem darkItem;
    @FXML private Menu languageMenu;
    @FXML private MenuItem handshakeItem;
    @FXML private MenuItem messagesItem;
    @FXML private MenuItem rawItem;
    @FXML private MenuItem ladderItem;
    @FXML private MenuItem connectionsItem;
    @FXML private TabPane tabs;
    @FXML private Tab handshakeTab;
    @FXML private Tab messagesTab;
    @FXML private Tab rawTab;
    @FXML private Tab ladderTab;
    @FXML private StackPane timelineSlot;
    @FXML private StackPane ladderSlot;
    @FXML private Label statusLabel;
    @FXML private Label problemLabel;
    @FXML private Label fileLabel;
    @FXML private ToolbarView toolbarController;
    @FXML private ConnectionsView connectionsController;

    public MainWindow(MainWindowViewModel viewModel, ViewContext context) {
        this.viewModel = viewModel;
        this.context = context;
    }

    @FXML
    void initialize() {
        openItem.setAccelerator(shortcut(KeyCode.O));
        saveItem.setAccelerator(shortcut(KeyCode.S));
        exportItem.setAccelerator(shortcut(KeyCode.E));
        quitItem.setAccelerator(shortcut(KeyCode.Q));
        captureItem.setAccelerator(shortcut(KeyCode.R));
        clearItem.setAccelerator(shortcut(KeyCode.K));
        filterItem.setAccelerator(shortcut(KeyCode.F));
        handshakeItem.setAccelerator(shortcut(KeyCode.DIGIT1));
        messagesItem.setAccelerator(shortcut(KeyCode.DIGIT2));
        rawItem.setAccelerator(shortcut(KeyCode.DIGIT3));
        ladderItem.setAccelerator(shortcut(KeyCode.DIGIT4));
        connectionsItem.setAccelerator(shortcut(KeyCode.L));
        lightItem.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        darkItem.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        ToggleGroup themes = new ToggleGroup();
        lightItem.setToggleGroup(themes);
        darkItem.setToggleGroup(themes);
        (context.actions().theme() == Theme.DARK ? darkItem : lightItem).setSelected(true);
        ToggleGroup languages = new ToggleGroup();
        for (UiLanguage lang : UiLanguage.values()) {
            RadioMenuItem item = new RadioMenuItem(lang.nativeName());
            item.setToggleGroup(languages);
            item.setSelected(lang == context.language());
            item.setOnAction(e -> Platform.runLater(() -> context.actions().language(lang)));
            languageMenu.getItems().add(item);
        }
        captureItem.textProperty().bind(javafx.beans.binding.Bindings.when(
                context.session().capturingProperty()).then(context.text("action.stop"))
                .otherwise(context.text("action.start")));
        saveItem.disableProperty().bind(context.session().capturingProperty()
                .or(context.session().fileProperty().isNull()));
        exportItem.disableProperty().bind(context.session().fileProperty().isNull()
                .or(context.session().busyProperty()));
        folderItem.disableProperty().bind(context.session().capturingProperty());
        statusLabel.textProperty().bind(viewModel.status());
        problemLabel.textProperty().bind(viewModel.problem());
        fileLabel.textProperty().bind(viewModel.file());
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    /** Where the timeline view goes: put its root in here and make the slot visible and managed. */
    public StackPane timelineSlot() {
        return timelineSlot;
    }

    /** The ladder tab: set its content to the ladder view's root. */
    public Tab ladderTab() {
        return ladderTab;
    }

    @FXML
    void open() {
        toolbarController.open();
    }

    @FXML
    void save() {
        toolbarController.save();
    }

    @FXML
    void exportHar() {
        toolbarController.exportHar();
    }

    @FXML
    void chooseCaptureFolder() {
        toolbarController.chooseCaptureFolder();
    }

    @FXML
    void quit() {
        context.actions().quit();
    }

    @FXML
    void toggleCapture() {
        toolbarController.toggleCapture();
    }

    @FXML
    void clear() {
        context.session().clear();
    }

    @FXML
    void focusFilter() {
        toolbarController.focusFilter();
    }

    @FXML
    void focusConnections() {
        connectionsController.focus();
    }

    @FXML
    void lightTheme() {
        context.actions().theme(Theme.LIGHT);
    }

    @FXML
    void darkTheme() {
        context.actions().theme(Theme.DARK);
    }

    @FXML
    void showHandshake() {
        tabs.getSelectionModel().select(handshakeTab);
    }

    @FXML
    void showMessages() {
        tabs.getSelectionModel().select(messagesTab);
    }

    @FXML
    void showRaw() {
        tabs.getSelectionModel().select(rawTab);
    }

    @FXML
    void showLadder() {
        tabs.getSelectionModel().select(ladderTab);
    }
}
