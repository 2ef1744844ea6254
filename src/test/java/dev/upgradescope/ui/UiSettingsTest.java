package dev.upgradescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.ui.session.CaptureSettings;
import java.util.Locale;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UiSettingsTest {

    private final Preferences node = Preferences.userRoot().node(
            System.getProperty(UiSettings.NODE_PROPERTY, "dev/upgradescope/test") + "-settings");

    @AfterEach
    void forget() throws Exception {
        node.removeNode();
    }

    @Test
    void themeLanguageAndCaptureSettingsComeBackAsTheyWereStored() {
        UiSettings settings = new UiSettings(node);
        settings.theme(Theme.DARK);
        settings.language(UiLanguage.TRADITIONAL_CHINESE);
        settings.capture(new CaptureSettings(ListenerMode.REVERSE, "127.0.0.1:9090", "http://127.0.0.1:9000"));
        settings.putNumber("split.main", 0.4);

        UiSettings again = new UiSettings(node);
        assertThat(again.theme()).isEqualTo(Theme.DARK);
        assertThat(again.language()).isEqualTo(UiLanguage.TRADITIONAL_CHINESE);
        assertThat(again.capture()).isEqualTo(
                new CaptureSettings(ListenerMode.REVERSE, "127.0.0.1:9090", "http://127.0.0.1:9000"));
        assertThat(again.number("split.main", 0)).isEqualTo(0.4);
    }

    @Test
    void withoutAChoiceTheLanguageFollowsTheDefaultLocale() {
        UiSettings settings = new UiSettings(node);
        assertThat(settings.theme()).isEqualTo(Theme.LIGHT);
        assertThat(settings.language()).isEqualTo(UiLanguage.of(Locale.getDefault()));
        assertThat(UiLanguage.of(Locale.forLanguageTag("es-MX"))).isEqualTo(UiLanguage.SPANISH);
        assertThat(UiLanguage.of(Locale.forLanguageTag("zh-Hant-TW"))).isEqualTo(UiLanguage.TRADITIONAL_CHINESE);
        assertThat(UiLanguage.of(Locale.GERMAN)).isEqualTo(UiLanguage.ENGLISH);
    }

    /** The file itself, without the parent chain a resource bundle would fall back to. */
    private static java.util.Properties file(String suffix) throws Exception {
        java.util.Properties p = new java.util.Properties();
        try (var in = UiSettingsTest.class.getResourceAsStream("/dev/upgradescope/ui/messages" + suffix + ".properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyTextHasATranslationInEachLanguage() throws Exception {
        var english = file("").stringPropertyNames();
        assertThat(english).contains("app.title", "outcome.upgraded", "hint.forward.live");
        for (String suffix : new String[] {"_es", "_zh_TW"}) {
            var translated = file(suffix);
            assertThat(translated.stringPropertyNames()).as(suffix).containsExactlyInAnyOrderElementsOf(english);
            assertThat(translated.stringPropertyNames()).allSatisfy(k -> assertThat(translated.getProperty(k))
                    .as(suffix + " " + k).isNotBlank());
        }
    }
}
