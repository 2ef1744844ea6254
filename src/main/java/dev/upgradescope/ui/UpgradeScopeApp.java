package dev.upgradescope.ui;

import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.ResourceBundle;

/** The JavaFX application: builds the main window. */
public final class UpgradeScopeApp extends Application {

    static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256, 512};

    public static void main(String[] args) {
        launch(UpgradeScopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        ResourceBundle bundle = Messages.bundle(Locale.getDefault());
        stage.setTitle(bundle.getString("app.title"));
        stage.getIcons().addAll(icons());
        stage.setScene(new Scene(load(bundle), 1200, 800));
        stage.show();
    }

    static Parent load(ResourceBundle bundle) {
        FXMLLoader loader = new FXMLLoader(UpgradeScopeApp.class.getResource("MainWindow.fxml"), bundle);
        loader.setControllerFactory(type -> new MainWindow(new MainWindowViewModel(bundle)));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the main window", e);
        }
    }

    static java.util.List<Image> icons() {
        java.util.List<Image> out = new java.util.ArrayList<>();
        for (int size : ICON_SIZES) {
            InputStream in = UpgradeScopeApp.class.getResourceAsStream(
                    "/dev/upgradescope/icons/upgradescope-" + size + ".png");
            if (in != null) {
                out.add(new Image(in));
            }
        }
        return out;
    }
}
