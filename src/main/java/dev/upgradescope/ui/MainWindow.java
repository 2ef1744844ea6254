package dev.upgradescope.ui;

import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** Controller of {@code MainWindow.fxml}: binds the controls to {@link MainWindowViewModel}. */
public final class MainWindow {

    private final MainWindowViewModel viewModel;

    @FXML
    private Label statusLabel;

    public MainWindow(MainWindowViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    void initialize() {
        statusLabel.textProperty().bind(viewModel.statusProperty());
    }
}
