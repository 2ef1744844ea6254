package dev.upgradescope.ui.archfixture;

import javafx.scene.control.Label;

/** Breaks a line on purpose (see ArchitectureRulesTest): a ViewModel holding a control. */
final class ControlsViewModel {

    private final Label status = new Label();

    Label status() {
        return status;
    }
}
