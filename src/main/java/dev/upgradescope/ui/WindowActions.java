package dev.upgradescope.ui;

import javafx.stage.Window;

/** What views may ask of the window around them: theme, language, links, dialogs' owner, quitting. */
public interface WindowActions {

    Theme theme();

    void theme(Theme theme);

    /** Rebuilds the window's contents in another language, keeping the session and the selection. */
    void language(UiLanguage language);

    /** Opens an address in the user's browser. */
    void openUrl(String url);

    /** The owner for file choosers and dialogs. */
    Window window();

    void quit();
}
