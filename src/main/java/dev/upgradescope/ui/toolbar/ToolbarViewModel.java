package dev.upgradescope.ui.toolbar;

import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.ui.ViewContext;
import dev.upgradescope.ui.session.CaptureSettings;
import dev.upgradescope.ui.session.InspectedSession;
import java.net.InetSocketAddress;
import java.net.URI;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The toolbar's state: the capture settings being edited (mode, listen address, upstream), whether
 * a capture can start, and the hint telling the user where to point a client.
 */
public final class ToolbarViewModel {

    private final ViewContext context;
    private final InspectedSession session;
    private final ObjectProperty<ListenerMode> mode = new SimpleObjectProperty<>();
    private final StringProperty listen = new SimpleStringProperty();
    private final StringProperty upstream = new SimpleStringProperty();
    private final BooleanBinding canStart;
    private final BooleanBinding settingsValid;
    private final StringBinding hint;

    public ToolbarViewModel(ViewContext context) {
        this.context = context;
        this.session = context.session();
        CaptureSettings saved = context.settings().capture();
        mode.set(saved.mode());
        listen.set(saved.listen());
        upstream.set(saved.upstream());
        settingsValid = Bindings.createBooleanBinding(() -> settings().valid(), mode, listen, upstream);
        canStart = settingsValid.and(session.capturingProperty().not()).and(session.busyProperty().not());
        hint = Bindings.createStringBinding(this::hintText, session.capturingProperty(), session.addressProperty(),
                mode, listen, upstream, settingsValid);
    }

    public ObjectProperty<ListenerMode> modeProperty() {
        return mode;
    }

    public StringProperty listenProperty() {
        return listen;
    }

    public StringProperty upstreamProperty() {
        return upstream;
    }

    public BooleanBinding canStart() {
        return canStart;
    }

    public StringBinding hint() {
        return hint;
    }

    public CaptureSettings settings() {
        return new CaptureSettings(mode.get(), listen.get(), upstream.get());
    }

    /** Starts a capture with the edited settings, or stops the running one. */
    public void toggleCapture() {
        if (session.capturingProperty().get()) {
            session.stopCapture();
        } else if (canStart.get()) {
            context.settings().capture(settings());
            session.startCapture(settings());
        }
    }

    String hintText() {
        if (!settingsValid.get()) {
            return context.text(mode.get() == ListenerMode.REVERSE && settings().listenAddress().isPresent()
                    ? "hint.invalid.upstream" : "hint.invalid.listen");
        }
        InetSocketAddress bound = session.addressProperty().get();
        boolean live = session.capturingProperty().get() && bound != null;
        String where = live ? hostPort(bound) : listen.get().trim();
        if (mode.get() == ListenerMode.REVERSE) {
            URI up = settings().upstreamUri().orElseThrow();
            return context.text(live ? "hint.reverse.live" : "hint.reverse.idle", where,
                    up.getScheme() + "://" + up.getAuthority());
        }
        return context.text(live ? "hint.forward.live" : "hint.forward.idle", where);
    }

    static String hostPort(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return host + ":" + a.getPort();
    }
}
