package dev.upgradescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.proxy.ListenerConfig;
import dev.upgradescope.proxy.ProxyAccess;
import dev.upgradescope.proxy.ProxyConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code capture --auth} / {@code --no-auth}, and what the command tells the user about access. */
class CaptureAccessTest {

    @Test
    void withAuthTheLoopbackListenerAsksForTheToken() throws Exception {
        try (RunningCapture capture = new RunningCapture("--listen", "127.0.0.1:0", "--auth", "tok-1", "--for", "60s")) {
            assertThat(capture.err()).contains("access token tok-1").contains("curl --proxy-user any:tok-1");
            assertThat(send(capture.port(), "GET http://127.0.0.1:9/ HTTP/1.1\r\nHost: x\r\n\r\n"))
                    .startsWith("HTTP/1.1 407 ");
            String basic = Base64.getEncoder().encodeToString("me:tok-1".getBytes(StandardCharsets.UTF_8));
            // with the token the request is let in (and answered 400: origin-form has nowhere to go)
            assertThat(send(capture.port(), "GET / HTTP/1.1\r\nHost: x\r\nProxy-Authorization: Basic " + basic
                    + "\r\n\r\n")).startsWith("HTTP/1.1 400 ");
            assertThat(capture.stop()).isEqualTo(CaptureCommand.OK);
        }
    }

    @Test
    void authAndNoAuthTogetherAreAUsageError() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new CaptureCommand()).setErr(new PrintWriter(err))
                .execute("--listen", "127.0.0.1:0", "--auth", "x", "--no-auth", "--for", "1s");
        assertThat(code).isEqualTo(CaptureCommand.USAGE);
        assertThat(err.toString()).contains("exclude each other");
    }

    @Test
    void anExposedForwardListenerGetsAGeneratedTokenShownOnceAndNoAuthIsWarnedAbout() {
        List<ListenerConfig> exposed = List.of(ListenerConfig.forward(new InetSocketAddress("0.0.0.0", 8080)),
                ListenerConfig.forward(new InetSocketAddress("127.0.0.1", 8081)),
                ListenerConfig.reverse(new InetSocketAddress("0.0.0.0", 8082), URI.create("http://127.0.0.1:9000")));
        ProxyAccess generated = AccessNotice.access(null, false);
        StringWriter err = new StringWriter();
        AccessNotice.print(ProxyConfig.of(exposed).withAccess(generated), new PrintWriter(err, true));
        assertThat(generated.token()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(generated.requiredOn(exposed.get(0))).isTrue();
        assertThat(generated.requiredOn(exposed.get(1))).isFalse();
        assertThat(generated.requiredOn(exposed.get(2))).isFalse();
        assertThat(err.toString()).contains("warning: listening on 0.0.0.0")
                .contains("access token " + generated.token() + " (on addresses other than loopback)")
                .doesNotContain("--no-auth");
        assertThat(AccessNotice.access(null, false).token()).isNotEqualTo(generated.token());

        StringWriter open = new StringWriter();
        AccessNotice.print(ProxyConfig.of(exposed).withAccess(AccessNotice.access(null, true)), new PrintWriter(open, true));
        assertThat(open.toString()).contains("warning: --no-auth: the forward listener on 0.0.0.0")
                .doesNotContain("access token");
    }

    private static String send(int port, String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
