package dev.upgradescope;

import dev.upgradescope.cli.FatalErrors;
import dev.upgradescope.cli.UpgradeScopeCommand;
import dev.upgradescope.ui.main.UpgradeScopeApp;

/**
 * The program's entry point: with no arguments it opens the window; with arguments it runs the
 * command line. Kept apart from the JavaFX {@code Application} so the plain jar can start it.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            UpgradeScopeApp.main(args);
        } else {
            FatalErrors.install();
            System.exit(UpgradeScopeCommand.run(args));
        }
    }
}
