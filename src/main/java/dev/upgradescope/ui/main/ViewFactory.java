package dev.upgradescope.ui.main;

import dev.upgradescope.ui.ViewContext;
import dev.upgradescope.ui.connections.ConnectionsView;
import dev.upgradescope.ui.connections.ConnectionsViewModel;
import dev.upgradescope.ui.findings.FindingsView;
import dev.upgradescope.ui.findings.FindingsViewModel;
import dev.upgradescope.ui.handshake.HandshakeView;
import dev.upgradescope.ui.handshake.HandshakeViewModel;
import dev.upgradescope.ui.messages.MessagesView;
import dev.upgradescope.ui.messages.MessagesViewModel;
import dev.upgradescope.ui.raw.RawView;
import dev.upgradescope.ui.raw.RawViewModel;
import dev.upgradescope.ui.toolbar.ToolbarView;
import dev.upgradescope.ui.toolbar.ToolbarViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Builds views: loads an FXML file with the window's texts and creates each controller (also those
 * of included FXML files) through its constructor with its ViewModel. A view added later (the
 * timeline, the ladder) either gets a case here or has a public constructor taking a
 * {@link ViewContext}.
 */
public final class ViewFactory {

    private final ViewContext context;

    public ViewFactory(ViewContext context) {
        this.context = context;
    }

    /** Loads {@code MainWindow.fxml} and everything it includes. */
    public Parent mainWindow() {
        FXMLLoader loader = new FXMLLoader(MainWindow.class.getResource("MainWindow.fxml"), context.bundle());
        loader.setControllerFactory(this::controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the main window", e);
        }
    }

    Object controller(Class<?> type) {
        ViewContext c = context;
        if (type == MainWindow.class) {
            return new MainWindow(new MainWindowViewModel(c), c);
        } else if (type == ToolbarView.class) {
            return new ToolbarView(new ToolbarViewModel(c), c);
        } else if (type == ConnectionsView.class) {
            return new ConnectionsView(new ConnectionsViewModel(c.session().model()), c);
        } else if (type == HandshakeView.class) {
            return new HandshakeView(new HandshakeViewModel(c.session().selection()), c);
        } else if (type == MessagesView.class) {
            return new MessagesView(new MessagesViewModel(c.session(), c.bundle()), c);
        } else if (type == RawView.class) {
            return new RawView(new RawViewModel(c.session()), c);
        } else if (type == FindingsView.class) {
            return new FindingsView(new FindingsViewModel(c.session().selection(), c.language().locale(), c.bundle()), c);
        }
        try {
            return type.getConstructor(ViewContext.class).newInstance(c);
        } catch (NoSuchMethodException e) {
            try {
                return type.getConstructor().newInstance();
            } catch (ReflectiveOperationException e2) {
                throw new IllegalStateException("cannot create controller " + type.getName(), e2);
            }
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot create controller " + type.getName(), e);
        }
    }
}
