package dev.upgradescope.ui.main;

import dev.upgradescope.ui.ViewContext;
import dev.upgradescope.ui.session.InspectedSession;
import dev.upgradescope.ui.session.Problem;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

/** The main window's status bar texts, from the session's state, in the window's language. */
public final class MainWindowViewModel {

    private final ViewContext context;
    private final StringBinding status;
    private final StringBinding problem;
    private final StringBinding file;

    public MainWindowViewModel(ViewContext context) {
        this.context = context;
        InspectedSession s = context.session();
        status = Bindings.createStringBinding(() -> statusText(s), s.capturingProperty(), s.busyProperty(),
                s.addressProperty(), s.model().connections());
        problem = Bindings.createStringBinding(() -> problemText(s.problemProperty().get()), s.problemProperty());
        file = Bindings.createStringBinding(() -> {
            Path p = s.fileProperty().get();
            return p == null ? "" : context.text("status.file", p.getFileName());
        }, s.fileProperty());
    }

    private String statusText(InspectedSession s) {
        int n = s.model().connections().size();
        if (s.busyProperty().get()) {
            return context.text("status.busy");
        }
        if (s.capturingProperty().get() && s.addressProperty().get() != null) {
            return context.text("status.capturing", n);
        }
        return context.text("status.idle", n);
    }

    String problemText(Problem p) {
        return p == null ? "" : context.text(p.key(), p.detail() == null ? "" : p.detail());
    }

    public StringBinding status() {
        return status;
    }

    public StringBinding problem() {
        return problem;
    }

    public StringBinding file() {
        return file;
    }
}
