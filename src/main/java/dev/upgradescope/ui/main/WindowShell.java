package dev.upgradescope.ui.main;

import dev.upgradescope.ui.Messages;
import dev.upgradescope.ui.Theme;
import dev.upgradescope.ui.UiLanguage;
import dev.upgradescope.ui.UiSettings;
import dev.upgradescope.ui.ViewContext;
import dev.upgradescope.ui.WindowActions;
import dev.upgradescope.ui.session.InspectedSession;
import java.util.function.Consumer;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The stage around the main window: its title and icon, the theme stylesheets, the language (the
 * scene's root is rebuilt in the new language; the session stays), and the size and split
 * positions remembered between runs.
 */
public final class WindowShell implements WindowActions {

    private static final String[] SPLITS = {"split.main", "split.findings", "split.raw", "split.messages"};

    private final Stage stage;
    private final InspectedSession session;
    private final UiSettings settings;
    private final Consumer<String> browser;
    private Theme theme;
    private UiLanguage language;
    private Scene scene;

    public WindowShell(Stage stage, InspectedSession session, UiSettings settings, Consumer<String> browser) {
        this.stage = stage;
        this.session = session;
        this.settings = settings;
        this.browser = browser;
        this.theme = settings.theme();
        this.language = settings.language();
    }

    public void show() {
        // A size remembered on a larger monitor, or the default on a small one, never exceeds the screen.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(settings.number("window.width", 1440), screen.getWidth());
        double h = Math.min(settings.number("window.height", 880), screen.getHeight());
        scene = new Scene(build(), w, h);
        applyTheme();
        stage.setScene(scene);
        placeOnScreen();
        stage.setMaximized(settings.flag("window.maximized", false));
        stage.setOnCloseRequest(e -> remember());
        stage.show();
        restoreSplits();
    }

    private Parent build() {
        ViewContext context = new ViewContext(Messages.bundle(language.locale()), language, session, settings, this);
        stage.setTitle(context.text("app.title"));
        return new ViewFactory(context).mainWindow();
    }

    private void placeOnScreen() {
        double x = settings.number("window.x", Double.NaN);
        double y = settings.number("window.y", Double.NaN);
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return;
        }
        for (Screen s : Screen.getScreens()) {
            Rectangle2D b = s.getVisualBounds();
            if (b.contains(x + 40, y + 20)) {
                stage.setX(Math.max(b.getMinX(), Math.min(x, b.getMaxX() - scene.getWidth())));
                stage.setY(Math.max(b.getMinY(), Math.min(y, b.getMaxY() - scene.getHeight())));
                return;
            }
        }
    }

    /** Stores the window's size, place and split positions. */
    public void remember() {
        if (!stage.isMaximized()) {
            settings.putNumber("window.width", stage.getWidth());
            settings.putNumber("window.height", stage.getHeight());
            settings.putNumber("window.x", stage.getX());
            settings.putNumber("window.y", stage.getY());
        }
        settings.putFlag("window.maximized", stage.isMaximized());
        for (String id : SPLITS) {
            if (scene.lookup("#" + id.replace('.', '-')) instanceof SplitPane split
                    && split.getDividerPositions().length > 0) {
                settings.putNumber(id, split.getDividerPositions()[0]);
            }
        }
        settings.theme(theme);
        settings.language(language);
        settings.save();
    }

    private void restoreSplits() {
        for (String id : SPLITS) {
            if (scene.lookup("#" + id.replace('.', '-')) instanceof SplitPane split) {
                double pos = settings.number(id, Double.NaN);
                if (!Double.isNaN(pos) && pos > 0.05 && pos < 0.95) {
                    split.setDividerPositions(pos);
                }
            }
        }
    }

    private void applyTheme() {
        scene.getStylesheets().setAll(Theme.base(), theme.stylesheet());
    }

    @Override
    public Theme theme() {
        return theme;
    }

    @Override
    public void theme(Theme next) {
        theme = next;
        settings.theme(next);
        applyTheme();
    }

    @Override
    public void language(UiLanguage next) {
        if (next == language) {
            return;
        }
        remember();
        language = next;
        settings.language(next);
        scene.setRoot(build());
        restoreSplits();
    }

    @Override
    public void openUrl(String url) {
        browser.accept(url);
    }

    @Override
    public Window window() {
        return stage;
    }

    @Override
    public void quit() {
        remember();
        stage.close();
    }
}
