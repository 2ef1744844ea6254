package dev.upgradescope.ui;

import java.util.Locale;
import java.util.ResourceBundle;

/** The user interface's texts ({@code dev/upgradescope/ui/messages*.properties}). */
public final class Messages {

    static final String BASE = "dev.upgradescope.ui.messages";

    private Messages() {
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BASE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
