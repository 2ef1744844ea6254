package dev.upgradescope.ui.toolbar;

import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.ui.ViewContext;
import dev.upgradescope.ui.session.InspectedSession;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * Controller of {@code ToolbarView.fxml}: start/stop, mode, listen address, upstream, open, save,
 * clear, the filter box and the hint saying where to point a client. File choosers only pick a
 * path; the session reads and writes off the FX thread.
 */
public final class ToolbarView {

    private final ToolbarViewModel viewModel;
    private final ViewContext context;

    @FXML private Button captureButton;
    @FXML private ChoiceBox<ListenerMode> modeChoice;
    @FXML private TextField listenField;
    @FXML private Label upstreamLabel;
    @FXML private TextField upstreamField;
    @FXML private Button openButton;
    @FXML private Button saveButton;
    @FXML private Button exportButton;
    @FXML private Button clearButton;
    @FXML private TextField filterField;
    @FXML private Label hintLabel;
    @FXML private Label hintGlyph;
    @FXML private HBox accessRow;
    @FXML private Label exposureLabel;
    @FXML private Label tokenLabel;
    @FXML private Button copyTokenButton;

    public ToolbarView(ToolbarViewModel viewModel, ViewContext context) {
        this.viewModel = viewModel;
        this.context = context;
    }

    @FXML
    void initialize() {
        InspectedSession session = context.session();
        modeChoice.getItems().setAll(ListenerMode.FORWARD, ListenerMode.REVERSE);
        modeChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(ListenerMode m) {
                return m == null ? "" : context.text("mode." + m.code());
            }

            @Override
            public ListenerMode fromString(String s) {
                return null;
            }
        });
        modeChoice.valueProperty().bindBidirectional(viewModel.modeProperty());
        listenField.textProperty().bindBidirectional(viewModel.listenProperty());
        upstreamField.textProperty().bindBidirectional(viewModel.upstreamProperty());
        var reverse = viewModel.modeProperty().isEqualTo(ListenerMode.REVERSE);
        upstreamField.visibleProperty().bind(reverse);
        upstreamField.managedProperty().bind(reverse);
        upstreamLabel.visibleProperty().bind(reverse);
        upstreamLabel.managedProperty().bind(reverse);
        var editable = session.capturingProperty().or(session.busyProperty());
        modeChoice.disableProperty().bind(editable);
        listenField.disableProperty().bind(editable);
        upstreamField.disableProperty().bind(editable);
        captureButton.textProperty().bind(Bindings.when(session.capturingProperty())
                .then(context.text("action.stop")).otherwise(context.text("action.start")));
        captureButton.accessibleTextProperty().bind(captureButton.textProperty());
        captureButton.disableProperty().bind(session.capturingProperty().not().and(viewModel.canStart().not()));
        session.capturingProperty().addListener((obs, was, now) -> styleCapture(now));
        styleCapture(session.capturingProperty().get());
        saveButton.disableProperty().bind(session.capturingProperty().or(session.fileProperty().isNull())
                .or(session.busyProperty()));
        exportButton.disableProperty().bind(session.fileProperty().isNull().or(session.busyProperty()));
        openButton.disableProperty().bind(session.busyProperty());
        FolderPrompt folders = new FolderPrompt(context);
        session.folderRefusalProperty().addListener((obs, old, refusal) -> {
            if (refusal != null) {
                javafx.application.Platform.runLater(() -> {
                    if (folders.refused(refusal) && !session.capturingProperty().get()) {
                        viewModel.toggleCapture(); // again, into the folder just chosen
                    }
                });
            }
        });
        filterField.textProperty().bindBidirectional(session.model().filterProperty());
        hintLabel.textProperty().bind(viewModel.hint());
        bindAccess(session);
        hintGlyph.textProperty().bind(Bindings.when(session.capturingProperty()).then("●").otherwise("○"));
        hintGlyph.getStyleClass().add("hint-glyph");
        session.capturingProperty().addListener((obs, was, now) -> hintGlyph.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("live"), now));
    }

    /** The exposure warning and the access token, each shown only when there is one. */
    private void bindAccess(InspectedSession session) {
        exposureLabel.textProperty().bind(viewModel.exposure());
        tokenLabel.textProperty().bind(viewModel.tokenText());
        BooleanBinding exposed = viewModel.exposure().isNotEmpty();
        BooleanBinding tokenShown = viewModel.tokenText().isNotEmpty();
        exposureLabel.visibleProperty().bind(exposed);
        exposureLabel.managedProperty().bind(exposureLabel.visibleProperty());
        tokenLabel.visibleProperty().bind(tokenShown);
        tokenLabel.managedProperty().bind(tokenShown);
        copyTokenButton.visibleProperty().bind(tokenShown);
        copyTokenButton.managedProperty().bind(tokenShown);
        accessRow.visibleProperty().bind(exposed.or(tokenShown));
        accessRow.managedProperty().bind(accessRow.visibleProperty());
    }

    @FXML
    void copyToken() {
        String token = viewModel.token();
        if (token != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(token);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private void styleCapture(boolean capturing) {
        captureButton.getStyleClass().removeAll("start", "stop");
        captureButton.getStyleClass().add(capturing ? "stop" : "start");
    }

    @FXML
    public void toggleCapture() {
        viewModel.toggleCapture();
    }

    @FXML
    public void open() {
        FileChooser chooser = chooser("dialog.open.title");
        File f = chooser.showOpenDialog(context.actions().window());
        if (f != null) {
            remember(f);
            context.session().open(f.toPath());
        }
    }

    @FXML
    public void save() {
        FileChooser chooser = chooser("dialog.save.title");
        Path current = context.session().fileProperty().get();
        if (current != null) {
            chooser.setInitialFileName(current.getFileName().toString());
        }
        File f = chooser.showSaveDialog(context.actions().window());
        if (f != null) {
            remember(f);
            Path target = f.getName().contains(".") ? f.toPath() : f.toPath().resolveSibling(f.getName()
                    + ".upgradescope");
            context.session().saveAs(target);
        }
    }

    /** Asks whether to keep sensitive headers, then where, and exports the shown session as HAR. */
    @FXML
    public void exportHar() {
        Path current = context.session().fileProperty().get();
        if (current == null) {
            return;
        }
        Optional<Boolean> includeSensitive = HarExportDialog.ask(context);
        if (includeSensitive.isEmpty()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(context.text("dialog.har.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(context.text("dialog.filter.har"), "*.har"));
        context.settings().lastFolder().map(File::new).filter(File::isDirectory).ifPresent(chooser::setInitialDirectory);
        String name = current.getFileName().toString();
        chooser.setInitialFileName((name.endsWith(".upgradescope") ? name.substring(0, name.length() - 13) : name)
                + ".har");
        File f = chooser.showSaveDialog(context.actions().window());
        if (f != null) {
            remember(f);
            Path target = f.getName().contains(".") ? f.toPath() : f.toPath().resolveSibling(f.getName() + ".har");
            context.session().exportHar(target, includeSensitive.get());
        }
    }

    /** Lets the user choose the folder new captures are recorded into. */
    public void chooseCaptureFolder() {
        new FolderPrompt(context).choose();
    }

    @FXML
    void clear() {
        context.session().clear();
    }

    public void focusFilter() {
        filterField.requestFocus();
        filterField.selectAll();
    }

    private FileChooser chooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(context.text(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(context.text("dialog.filter.session"),
                "*.upgradescope"));
        context.settings().lastFolder().map(File::new).filter(File::isDirectory)
                .ifPresent(chooser::setInitialDirectory);
        return chooser;
    }

    private void remember(File f) {
        File dir = f.getParentFile();
        if (dir != null) {
            context.settings().lastFolder(dir.getPath());
        }
    }
}
