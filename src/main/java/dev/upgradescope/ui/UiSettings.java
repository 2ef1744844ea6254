package dev.upgradescope.ui;

import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.ui.session.CaptureSettings;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the window remembers between runs (size, split positions, theme, language, the last capture
 * settings and folder), kept in {@link Preferences} under the node named by the system property
 * {@value #NODE_PROPERTY} (tests point it elsewhere so the user's own settings are never touched).
 */
public final class UiSettings {

    public static final String NODE_PROPERTY = "upgradescope.prefs.node";
    static final String DEFAULT_NODE = "dev/upgradescope/ui";

    private final Preferences prefs;

    public UiSettings(Preferences prefs) {
        this.prefs = prefs;
    }

    public static UiSettings load() {
        return new UiSettings(Preferences.userRoot().node(System.getProperty(NODE_PROPERTY, DEFAULT_NODE)));
    }

    public double number(String key, double fallback) {
        return prefs.getDouble(key, fallback);
    }

    public void putNumber(String key, double value) {
        prefs.putDouble(key, value);
    }

    public boolean flag(String key, boolean fallback) {
        return prefs.getBoolean(key, fallback);
    }

    public void putFlag(String key, boolean value) {
        prefs.putBoolean(key, value);
    }

    public Theme theme() {
        try {
            return Theme.valueOf(prefs.get("theme", Theme.LIGHT.name()));
        } catch (IllegalArgumentException e) {
            return Theme.LIGHT;
        }
    }

    public void theme(Theme theme) {
        prefs.put("theme", theme.name());
    }

    /** The chosen language, or the one of {@link Locale#getDefault()} if none was chosen. */
    public UiLanguage language() {
        String tag = prefs.get("language", "");
        return tag.isEmpty() ? UiLanguage.of(Locale.getDefault()) : UiLanguage.ofTag(tag);
    }

    public void language(UiLanguage language) {
        prefs.put("language", language.tag());
    }

    public CaptureSettings capture() {
        CaptureSettings d = CaptureSettings.DEFAULTS;
        ListenerMode mode = prefs.get("capture.mode", d.mode().name()).equals(ListenerMode.REVERSE.name())
                ? ListenerMode.REVERSE : ListenerMode.FORWARD;
        return new CaptureSettings(mode, prefs.get("capture.listen", d.listen()),
                prefs.get("capture.upstream", d.upstream()));
    }

    public void capture(CaptureSettings s) {
        prefs.put("capture.mode", s.mode().name());
        prefs.put("capture.listen", s.listen());
        prefs.put("capture.upstream", s.upstream());
    }

    /** The folder the user chose for captures, if they chose one. */
    public Optional<Path> captureFolder() {
        return Optional.ofNullable(prefs.get("capture.folder", null)).map(Path::of);
    }

    public void captureFolder(Path folder) {
        prefs.put("capture.folder", folder.toString());
    }

    public Optional<String> lastFolder() {
        return Optional.ofNullable(prefs.get("folder", null));
    }

    public void lastFolder(String folder) {
        prefs.put("folder", folder);
    }

    /** Writes pending changes to the backing store (at exit). */
    public void save() {
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            System.getLogger(UiSettings.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot save the window settings", e);
        }
    }
}
