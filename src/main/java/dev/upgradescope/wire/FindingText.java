package dev.upgradescope.wire;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Renders a finding's message from the resource bundle of its family
 * ({@code dev/upgradescope/findings/<family>[_es|_zh_TW].properties}).
 */
public final class FindingText {

    static final String BUNDLE_PREFIX = "dev.upgradescope.findings.";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private FindingText() {
    }

    /** The family of a code: its first dotted segment ({@code ws} for {@code ws.accept.mismatch}). */
    public static String family(String code) {
        int dot = code.indexOf('.');
        return dot < 0 ? code : code.substring(0, dot);
    }

    public static ResourceBundle bundle(String family, Locale locale) {
        return ResourceBundle.getBundle(BUNDLE_PREFIX + family, locale, FindingText.class.getClassLoader(),
                NO_FALLBACK);
    }

    /** The message for {@code finding} in {@code locale}; the code and its arguments if no text exists. */
    public static String message(Finding finding, Locale locale) {
        String pattern;
        try {
            pattern = bundle(family(finding.code()), locale).getString(finding.code());
        } catch (MissingResourceException e) {
            return finding.code() + (finding.args().isEmpty() ? "" : " " + finding.args());
        }
        MessageFormat format = new MessageFormat(pattern, locale);
        return format.format(finding.args().toArray());
    }
}
