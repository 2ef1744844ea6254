package dev.upgradescope.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upgradescope.capture.ConnectionDissection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which listeners ask for a token, and the token a running capture reports. */
class ProxyAccessTest {

    private static final ListenerConfig LOOPBACK = ListenerConfig.forward(new InetSocketAddress("127.0.0.1", 0));
    private static final ListenerConfig WILDCARD = ListenerConfig.forward(new InetSocketAddress("0.0.0.0", 0));

    @TempDir
    Path dir;

    @Test
    void theDefaultsAskOnlyOffLoopbackAndAGivenTokenAsksEverywhere() {
        assertThat(ProxyConfig.of(List.of(LOOPBACK)).requiredToken()).isNull();
        ProxyConfig exposed = ProxyConfig.of(List.of(LOOPBACK, WILDCARD));
        assertThat(exposed.requiredToken()).isEqualTo(exposed.access().token()).hasSize(32);
        assertThat(ProxyConfig.of(List.of(LOOPBACK)).withAccess(ProxyAccess.token("abc")).requiredToken())
                .isEqualTo("abc");
        assertThat(ProxyConfig.of(List.of(WILDCARD)).withAccess(ProxyAccess.OPEN).requiredToken()).isNull();
        ListenerConfig reverse = ListenerConfig.reverse(new InetSocketAddress("0.0.0.0", 0),
                URI.create("http://127.0.0.1:9000"));
        assertThat(ProxyAccess.token("abc").requiredOn(reverse)).isFalse();
        assertThat(ProxyAccess.generated().toString()).doesNotContain(ProxyAccess.generated().token());
    }

    @Test
    void aTokenIsVisibleAsciiWithoutSpaces() {
        assertThatThrownBy(() -> ProxyAccess.token("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProxyAccess.token("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProxyAccess.token("caf\u00e9")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ProxyAccess.token("a:b!~").token()).isEqualTo("a:b!~");
    }

    @Test
    void aRunningCaptureReportsTheTokenItsListenerAsksFor() throws Exception {
        ProxyConfig config = ProxyConfig.of(List.of(LOOPBACK)).withAccess(ProxyAccess.token("tok"));
        try (LiveCapture capture = LiveCapture.start(config, dir.resolve("a.upgradescope"),
                ConnectionDissection.standard(), List.of())) {
            assertThat(capture.accessToken()).isEqualTo("tok");
        }
        try (LiveCapture capture = LiveCapture.start(ProxyConfig.of(List.of(LOOPBACK)), dir.resolve("b.upgradescope"),
                ConnectionDissection.standard(), List.of())) {
            assertThat(capture.accessToken()).isNull();
        }
    }
}
