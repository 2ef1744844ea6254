package dev.upgradescope.ui;

/** The window's colour themes; each is a stylesheet of looked-up colours over {@code base.css}. */
public enum Theme {
    LIGHT("theme-light.css"),
    DARK("theme-dark.css");

    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    /** The stylesheet's URL as a scene wants it. */
    public String stylesheet() {
        return Theme.class.getResource(stylesheet).toExternalForm();
    }

    public static String base() {
        return Theme.class.getResource("base.css").toExternalForm();
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
