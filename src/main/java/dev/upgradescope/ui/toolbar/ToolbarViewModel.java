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
 * a capture can start, the hint telling the user where to point a client, the warning when the
 * listen address is reachable from other machines (as the command line warns), and the access
 * token a running forward capture off loopback asks clients for.
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
    private final StringBinding exposure;
    private final StringBinding tokenText;

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
        exposure = Bindings.createStringBinding(() -> exposureText(context, settings()), mode, listen, upstream);
        tokenText = Bindings.createStringBinding(() -> tokenText(context, session.accessTokenProperty().get(),
                session.addressProperty().get()), session.accessTokenProperty(), session.addressProperty());
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

    /** The warning about a listen address other machines reach; empty when it is loopback. */
    public StringBinding exposure() {
        return exposure;
    }

    /** What the running capture's access token is and how a client sends it; empty when none is asked. */
    public StringBinding tokenText() {
        return tokenText;
    }

    /** The running capture's access token, or null. */
    public String token() {
        return session.accessTokenProperty().get();
    }

    static String exposureText(ViewContext context, CaptureSettings s) {
        if (!s.exposed()) {
            return "";
        }
        String where = s.listen().trim();
        if (s.mode() == ListenerMode.REVERSE) {
            String to = s.upstreamUri().map(u -> u.getScheme() + "://" + u.getAuthority()).orElse(s.upstream());
            return context.text("toolbar.exposed.reverse", where, to);
        }
        return context.text("toolbar.exposed.forward", where);
    }

    static String tokenText(ViewContext context, String token, InetSocketAddress bound) {
        return token == null || bound == null ? "" : context.text("toolbar.token", token, hostPort(bound));
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
