package dev.upgradescope.ui.main;

import dev.upgradescope.capture.CaptureFolder;
import dev.upgradescope.capture.ConnectionDissection;
import dev.upgradescope.ui.UiSettings;
import dev.upgradescope.ui.fx.Background;
import dev.upgradescope.ui.fx.FxBatcher;
import dev.upgradescope.ui.session.InspectedSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The JavaFX application: the inspected session, its background threads, and the main window. */
public final class UpgradeScopeApp extends Application {

    static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256, 512};

    private InspectedSession session;
    private ScheduledExecutorService timer;
    private WindowShell shell;

    public static void main(String[] args) {
        launch(UpgradeScopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        UiSettings settings = UiSettings.load();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "upgradescope-ui-timer");
            t.setDaemon(true);
            return t;
        });
        FxBatcher.Timer fxTimer = (task, delay) -> timer.schedule(task, delay, TimeUnit.MILLISECONDS);
        Background background = new Background(Background.daemonWorker("upgradescope-ui-worker"), Platform::runLater);
        session = new InspectedSession(background, fxTimer, dissections(), captureDir(settings));
        shell = new WindowShell(stage, session, settings, getHostServices()::showDocument);
        stage.getIcons().addAll(icons());
        shell.show();
    }

    @Override
    public void stop() throws IOException {
        if (shell != null) {
            shell.remember();
        }
        if (session != null) {
            session.close();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** The window's inspected session (for tests driving the real window). */
    public InspectedSession session() {
        return session;
    }

    /** The window around the views (for tests switching theme and language). */
    public WindowShell shell() {
        return shell;
    }

    /** How captured connections are dissected. */
    static ConnectionDissection.Factory dissections() {
        return ConnectionDissection.standard();
    }

    /**
     * Where captures are recorded: the folder the user chose, else one under the user's data
     * directory (never the shared temporary directory); checked when a capture starts.
     */
    static Path captureDir(UiSettings settings) {
        return settings.captureFolder().orElseGet(CaptureFolder::defaultLocation);
    }

    static List<Image> icons() {
        List<Image> out = new ArrayList<>();
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
