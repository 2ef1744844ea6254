package dev.upgradescope.ui;

import java.util.Locale;

/**
 * The languages the window speaks, each named in itself (never translated). The default follows
 * {@link Locale#getDefault()}.
 */
public enum UiLanguage {
    ENGLISH(Locale.ENGLISH, "English"),
    SPANISH(Locale.forLanguageTag("es"), "Español"),
    TRADITIONAL_CHINESE(Locale.TRADITIONAL_CHINESE, "繁體中文");

    private final Locale locale;
    private final String nativeName;

    UiLanguage(Locale locale, String nativeName) {
        this.locale = locale;
        this.nativeName = nativeName;
    }

    public Locale locale() {
        return locale;
    }

    public String nativeName() {
        return nativeName;
    }

    /** The language closest to {@code locale}: Spanish for any {@code es}, Chinese for {@code zh}, else English. */
    public static UiLanguage of(Locale locale) {
        return switch (locale.getLanguage()) {
            case "es" -> SPANISH;
            case "zh" -> TRADITIONAL_CHINESE;
            default -> ENGLISH;
        };
    }

    /** The tag stored in the preferences. */
    public String tag() {
        return locale.toLanguageTag();
    }

    public static UiLanguage ofTag(String tag) {
        return of(Locale.forLanguageTag(tag));
    }
}
