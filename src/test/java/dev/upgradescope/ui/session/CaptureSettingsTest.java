package dev.upgradescope.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.capture.ListenerMode;
import org.junit.jupiter.api.Test;

class CaptureSettingsTest {

    @Test
    void aListenAddressIsHostColonPort() {
        assertThat(new CaptureSettings(ListenerMode.FORWARD, "127.0.0.1:8080", "").listenAddress())
                .hasValueSatisfying(a -> assertThat(a.getPort()).isEqualTo(8080));
        assertThat(new CaptureSettings(ListenerMode.FORWARD, "[::1]:0", "").listenAddress()).isPresent();
        assertThat(new CaptureSettings(ListenerMode.FORWARD, "127.0.0.1", "").valid()).isFalse();
        assertThat(new CaptureSettings(ListenerMode.FORWARD, "127.0.0.1:99999", "").valid()).isFalse();
        assertThat(new CaptureSettings(ListenerMode.FORWARD, "localhost:x", "").valid()).isFalse();
    }

    @Test
    void aReverseProxyNeedsAnHttpOrWsUpstreamWithAHost() {
        assertThat(new CaptureSettings(ListenerMode.REVERSE, "127.0.0.1:0", "http://127.0.0.1:9000").valid()).isTrue();
        assertThat(new CaptureSettings(ListenerMode.REVERSE, "127.0.0.1:0", "ws://h:1/").valid()).isTrue();
        assertThat(new CaptureSettings(ListenerMode.REVERSE, "127.0.0.1:0", "ftp://h/").valid()).isFalse();
        assertThat(new CaptureSettings(ListenerMode.REVERSE, "127.0.0.1:0", "not a url").valid()).isFalse();
        assertThat(new CaptureSettings(ListenerMode.FORWARD, "127.0.0.1:0", "not a url").valid()).isTrue();
    }
}
