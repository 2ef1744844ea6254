package dev.upgradescope.export.archfixture;

import dev.upgradescope.ui.session.SessionModel;

/** Breaks a line on purpose (see ArchitectureRulesTest): an export reaching up into the window. */
final class ExportThatCallsTheWindow {

    int rows(SessionModel model) {
        return model.connections().size();
    }
}
