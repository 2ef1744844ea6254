package dev.upgradescope.ui.toolbar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.ui.Messages;
import dev.upgradescope.ui.UiLanguage;
import dev.upgradescope.ui.ViewContext;
import dev.upgradescope.ui.session.CaptureSettings;
import java.net.InetSocketAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The toolbar warns about a listen address other machines reach, as the command line does, and
 * shows the access token a running capture asks for, in every language of the window. No capture
 * is started: nothing listens beyond loopback in a test.
 */
class ToolbarAccessTextTest {

    private static ViewContext context(UiLanguage language) {
        return new ViewContext(Messages.bundle(language.locale()), language, null, null, null);
    }

    @ParameterizedTest
    @EnumSource(UiLanguage.class)
    void aWildcardListenAddressIsWarnedAboutAndLoopbackIsNot(UiLanguage language) {
        ViewContext c = context(language);
        String forward = ToolbarViewModel.exposureText(c, new CaptureSettings(ListenerMode.FORWARD, "0.0.0.0:8080",
                "http://127.0.0.1:9000"));
        assertThat(forward).contains("0.0.0.0:8080").doesNotContain("{").doesNotContain("''");
        String reverse = ToolbarViewModel.exposureText(c, new CaptureSettings(ListenerMode.REVERSE, "0.0.0.0:8080",
                "http://127.0.0.1:9000/x"));
        assertThat(reverse).contains("0.0.0.0:8080").contains("http://127.0.0.1:9000").isNotEqualTo(forward);
        assertThat(ToolbarViewModel.exposureText(c, new CaptureSettings(ListenerMode.FORWARD, "127.0.0.1:8080", "")))
                .isEmpty();
        assertThat(ToolbarViewModel.exposureText(c, new CaptureSettings(ListenerMode.FORWARD, "[::1]:8080", "")))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(UiLanguage.class)
    void theTokenIsShownWithTheCurlLineThatSendsIt(UiLanguage language) {
        ViewContext c = context(language);
        String text = ToolbarViewModel.tokenText(c, "Zq-9_token", new InetSocketAddress("0.0.0.0", 8080));
        assertThat(text).contains("Zq-9_token").contains("curl --proxy-user any:Zq-9_token -x http://0.0.0.0:8080");
        assertThat(ToolbarViewModel.tokenText(c, null, new InetSocketAddress("127.0.0.1", 8080))).isEmpty();
    }
}
