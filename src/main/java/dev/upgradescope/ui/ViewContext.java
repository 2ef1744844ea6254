package dev.upgradescope.ui;

import dev.upgradescope.ui.session.InspectedSession;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * What every view is built with: the texts in the window's language, the inspected session, the
 * remembered settings and the window's actions. Passed to controllers through their constructors
 * by the main window's {@code ViewFactory}; no static state.
 */
public record ViewContext(ResourceBundle bundle, UiLanguage language, InspectedSession session, UiSettings settings,
                          WindowActions actions) {

    /** The text under {@code key}, formatted with {@code args} when there are any. */
    public String text(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(args);
    }
}
