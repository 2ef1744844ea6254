package dev.upgradescope.proxy;

import static dev.upgradescope.proxy.ProxySessionTest.LIMITS;
import static dev.upgradescope.proxy.ProxySessionTest.bytes;
import static dev.upgradescope.proxy.ProxySessionTest.show;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Playbooks for what the session guards: the head deadline, the access token, requests to the
 * listener itself, the connection caps, reverse heads, a reverse upstream that is down, an upstream
 * reset and a request body streamed upstream. Literal bytes in, the exact commands out, no sockets.
 */
class ProxySessionGuardsTest {

    static final InetSocketAddress SELF = new InetSocketAddress("127.0.0.1", 8080);
    static final ListenerGate TOKEN = new ListenerGate("s3cret", new SelfAddress(SELF));

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String answer(List<String> out) {
        return out.stream().filter(l -> l.startsWith("send-client ")).findFirst().orElse("");
    }

    // ---- head deadline ----

    @Test
    void theHeadDeadlineRunsFromTheFirstByteAndIsNotResetByLaterOnes() {
        ProxySession s = ProxySession.forward(LIMITS, RequestInterceptor.FORWARD_ALL);
        s.start();
        assertThat(show(s.onClientData(bytes("G")))).containsExactly("record c2s G", "deadline 1 PT10S");
        assertThat(show(s.onClientData(bytes("E")))).containsExactly("record c2s E");
        assertThat(show(s.onClientData(bytes("T")))).containsExactly("record c2s T");
        List<String> out = show(s.onHeadDeadline(1));
        assertThat(out).startsWith("note request.head-deadline");
        assertThat(answer(out)).startsWith("send-client HTTP/1.1 408 Request Timeout\r\n");
        assertThat(out).endsWith("close-upstream", "close-client", "end s2c", "end c2s");
    }

    @Test
    void aWholeHeadCancelsTheDeadlineAndALateOneIsIgnored() {
        ProxySession s = ProxySession.forward(LIMITS, RequestInterceptor.FORWARD_ALL);
        s.start();
        s.onClientData(bytes("GET http://a.example/ HTTP/1.1\r\n"));
        assertThat(show(s.onClientData(bytes("Host: a.example\r\n\r\n")))).containsExactly(
                "record c2s Host: a.example\r\n\r\n", "target a.example:80", "connect 1 a.example:80",
                "cancel-deadline");
        assertThat(show(s.onHeadDeadline(1))).isEmpty();
        // the next head gets a deadline of its own
        s.onUpstreamConnected(1);
        s.onUpstreamData(1, bytes("HTTP/1.1 204 No Content\r\n\r\n"));
        assertThat(show(s.onClientData(bytes("GET http://a.example/2")))).containsExactly(
                "record c2s GET http://a.example/2", "deadline 2 PT10S");
        assertThat(show(s.onHeadDeadline(1))).isEmpty();
        assertThat(show(s.onHeadDeadline(2))).contains("note request.head-deadline");
    }

    // ---- access ----

    @Test
    void withATokenARequestWithoutCredentialsIsAnswered407AndGoesNowhere() {
        ProxySession s = ProxySession.forward(LIMITS, RequestInterceptor.FORWARD_ALL, TOKEN);
        s.start();
        List<String> out = show(s.onClientData(bytes("GET http://example.com/ HTTP/1.1\r\nHost: example.com\r\n\r\n")));
        assertThat(out).contains("note request.proxy-auth-required", "close-client").noneMatch(l -> l.startsWith("connect"));
        assertThat(answer(out)).startsWith("send-client HTTP/1.1 407 Proxy Authentication Required\r\n")
                .contains("Proxy-Authenticate: Basic realm=\"UpgradeScope\"\r\n").contains("--proxy-user");
    }

    @Test
    void aWrongPasswordIsRefusedToo() {
        ProxySession s = ProxySession.forward(LIMITS, RequestInterceptor.FORWARD_ALL, TOKEN);
        s.start();
        List<String> out = show(s.onClientData(bytes("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n"
                + "Proxy-Authorization: Basic " + basic("any", "s3cre") + "\r\n\r\n")));
        assertThat(out).contains("note request.proxy-auth-required").noneMatch(l -> l.startsWith("connect"));
    }

    @Test
    void theTokenWithAnyUserNameIsAcceptedAndTheCredentialsAreNotForwarded() {
        ProxySession s = ProxySession.forward(LIMITS, RequestInterceptor.FORWARD_ALL, TOKEN);
        s.start();
        String request = "GET http://example.com/a HTTP/1.1\r\nHost: example.com\r\n"
                + "proxy-authorization: basic " + basic("whoever", "s3cret") + "\r\nAccept: */*\r\n\r\n";
        assertThat(show(s.onClientData(bytes(request)))).containsExactly("record c2s " + request,
                "target example.com:80", "connect 1 example.com:80");
        assertThat(show(s.onUpstreamConnected(1))).containsExactly(
                "send-upstream GET /a HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n");
    }

    @Test
    void anAuthorizedConnectOpensTheTunnel() {
        ProxySession s = ProxySession.forward(LIMITS, RequestInterceptor.FORWARD_ALL, TOKEN);
        s.start();
        List<String> out = show(s.onClientData(bytes("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n"
                + "Proxy-Authorization: Basic " + basic("", "s3cret") + "\r\n\r\n")));
        assertThat(out).contains("connect 1 example.com:443");
    }

    @Test
    void basicCredentialsAreReadAsRfc7617Says() {
        assertThat(ProxyAccess.basicPassword("Basic " + basic("u", "a:b"))).isEqualTo("a:b");
        assertThat(ProxyAccess.basicPassword("BASIC  " + basic("u", "t"))).isEqualTo("t");
        assertThat(ProxyAccess.basicPassword("Bearer abc")).isNull();
        assertThat(ProxyAccess.basicPassword("Basic !!!")).isNull();
        assertThat(ProxyAccess.basicPassword("Basic " + Base64.getEncoder().encodeToString(bytes("nocolon")))).isNull();
    }

    // ---- loops ----

    @Test
    void aRequestToTheListenerItselfIsAnswered508() {
        ProxySession s = ProxySession.forward(LIMITS, RequestInterceptor.FORWARD_ALL,
                new ListenerGate(null, new SelfAddress(SELF)));
        s.start();
        List<String> out = show(s.onClientData(bytes("GET http://127.0.0.1:8080/ HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n")));
        assertThat(out).contains("note request.loop", "close-client").noneMatch(l -> l.startsWith("connect"));
        assertThat(answer(out)).startsWith("send-client HTTP/1.1 508 Loop Detected\r\n");
    }

    @Test
    void aConnectToLocalhostOnTheListenersPortLoopsToo() {
        ProxySession s = ProxySession.forward(LIMITS, RequestInterceptor.FORWARD_ALL,
                new ListenerGate(null, new SelfAddress(SELF)));
        s.start();
        assertThat(show(s.onClientData(bytes("CONNECT localhost:8080 HTTP/1.1\r\nHost: localhost:8080\r\n\r\n"))))
                .contains("note request.loop");
        ProxySession other = ProxySession.forward(LIMITS, RequestInterceptor.FORWARD_ALL,
                new ListenerGate(null, new SelfAddress(SELF)));
        other.start();
        assertThat(show(other.onClientData(bytes("CONNECT localhost:8081 HTTP/1.1\r\nHost: localhost:8081\r\n\r\n"))))
                .contains("connect 1 localhost:8081");
    }

    @Test
    void aReverseListenerWhoseUpstreamIsItselfAnswers508AfterTheHead() {
        ProxySession s = ProxySession.reverse(LIMITS, new Authority("127.0.0.1", 8080),
                new ListenerGate(null, new SelfAddress(SELF)));
        assertThat(show(s.start())).containsExactly("idle PT5M", "target 127.0.0.1:8080", "deadline 1 PT10S");
        List<String> out = show(s.onClientData(bytes("GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n")));
        assertThat(out).contains("note request.loop").noneMatch(l -> l.startsWith("send-upstream"));
        assertThat(answer(out)).startsWith("send-client HTTP/1.1 508 Loop Detected\r\n");
    }

    // ---- connection caps ----

    @Test
    void aConnectionOverACapIsAnswered503WithANote() {
        ProxySession s = ProxySession.forward(LIMITS, RequestInterceptor.FORWARD_ALL);
        List<String> out = show(s.start(ProxySession.Admission.CLIENT_CAP));
        assertThat(out).startsWith("note limit.connections-per-client");
        assertThat(answer(out)).startsWith("send-client HTTP/1.1 503 Service Unavailable\r\n");
        assertThat(out).endsWith("close-upstream", "close-client", "end s2c", "end c2s");
        ProxySession r = ProxySession.reverse(LIMITS, new Authority("127.0.0.1", 9000));
        assertThat(show(r.start(ProxySession.Admission.TOTAL_CAP))).startsWith("note limit.connections-total")
                .noneMatch(l -> l.startsWith("connect"));
    }

    // ---- reverse heads ----

    @Test
    void aReverseListenerHoldsAnIncompleteHeadAndRelaysItWhole() {
        ProxySession s = ProxySession.reverse(LIMITS, new Authority("127.0.0.1", 9000));
        s.start();
        s.onUpstreamConnected(1);
        assertThat(show(s.onClientData(bytes("GET / HTTP/1.1\r\nHost: x\r\n")))).containsExactly(
                "record c2s GET / HTTP/1.1\r\nHost: x\r\n", "deadline 1 PT10S");
        assertThat(show(s.onClientData(bytes("Upgrade: websocket\r\n\r\n")))).containsExactly(
                "record c2s Upgrade: websocket\r\n\r\n",
                "send-upstream GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n\r\n", "cancel-deadline");
        // after an upgrade request the protocol may switch: later bytes go as they come
        assertThat(show(s.onClientData(bytes("\u0081\u0085")))).containsExactly("record c2s \u0081\u0085",
                "send-upstream \u0081\u0085");
    }

    @Test
    void aReverseHeadOverTheLimitIsAnswered431AndNothingOfItGoesUpstream() {
        ProxySession s = ProxySession.reverse(LIMITS, new Authority("127.0.0.1", 9000));
        s.start();
        s.onUpstreamConnected(1);
        s.onClientData(bytes("GET / HTTP/1.1\r\nX-Big: " + "a".repeat(600)));
        List<String> out = show(s.onClientData(bytes("b".repeat(600))));
        assertThat(out).contains("note request.head-too-large").noneMatch(l -> l.startsWith("send-upstream"));
        assertThat(answer(out)).startsWith("send-client HTTP/1.1 431 ");
    }

    @Test
    void aWholeReverseHeadOverTheLimitWithABodyToComeIsRefusedToo() {
        ProxySession s = ProxySession.reverse(LIMITS, new Authority("127.0.0.1", 9000));
        s.start();
        s.onUpstreamConnected(1);
        List<String> out = show(s.onClientData(bytes("POST / HTTP/1.1\r\nX-Big: " + "a".repeat(1100)
                + "\r\nContent-Length: 10\r\n\r\nabc")));
        assertThat(out).contains("note request.head-too-large").noneMatch(l -> l.startsWith("send-upstream"));
    }

    @Test
    void aReverseUpstreamThatIsDownIsAnsweredAfterTheRequestHead() {
        ProxySession s = ProxySession.reverse(LIMITS, new Authority("127.0.0.1", 9000));
        s.start();
        assertThat(show(s.onUpstreamFailed(1, UpstreamFailure.REFUSED, "Connection refused")))
                .containsExactly("note upstream.refused", "deadline 1 PT10S");
        assertThat(show(s.onClientData(bytes("GET / HTTP/1.1\r\n")))).containsExactly("record c2s GET / HTTP/1.1\r\n");
        List<String> out = show(s.onClientData(bytes("Host: x\r\n\r\n")));
        assertThat(out.get(0)).isEqualTo("record c2s Host: x\r\n\r\n");
        assertThat(answer(out)).startsWith("send-client HTTP/1.1 502 Bad Gateway\r\n");
        assertThat(out).endsWith("cancel-deadline", "close-upstream", "close-client", "end s2c", "end c2s");
    }

    @Test
    void aReverseUpstreamThatIsDownAndAClientThatSaysNothingMeetTheDeadline() {
        ProxySession s = ProxySession.reverse(LIMITS, new Authority("127.0.0.1", 9000));
        s.start();
        s.onUpstreamFailed(1, UpstreamFailure.REFUSED, "Connection refused");
        assertThat(answer(show(s.onHeadDeadline(1)))).startsWith("send-client HTTP/1.1 408 ");
    }

    // ---- resets and bodies ----

    @Test
    void anUpstreamResetIsPassedOnAsAReset() {
        ProxySession s = ProxySession.reverse(LIMITS, new Authority("127.0.0.1", 9000));
        s.start();
        s.onUpstreamConnected(1);
        s.onUpstreamData(1, new byte[] {(byte) 0x82, 0x7e, 0x10});
        assertThat(show(s.onUpstreamReset(1))).containsExactly("note upstream.reset", "close-upstream",
                "reset-client", "end s2c", "end c2s");
        assertThat(show(s.onClientClosed())).isEmpty();
    }

    @Test
    void aBodyLargerThanTheHoldIsStreamedUpstreamAsItComes() {
        ProxySession s = ProxySession.forward(LIMITS, RequestInterceptor.FORWARD_ALL);
        s.start();
        int size = 3 * LIMITS.maxHeldBytes();
        String head = "POST http://example.com/up HTTP/1.1\r\nHost: example.com\r\nContent-Length: " + size + "\r\n\r\n";
        String first = "a".repeat(LIMITS.maxHeldBytes());
        List<String> out = show(s.onClientData(bytes(head + first)));
        assertThat(out).contains("target example.com:80", "connect 1 example.com:80");
        // what waits for the upstream is as much as the session holds: it stops reading meanwhile
        assertThat(out).noneMatch(l -> l.startsWith("send-client")).endsWith("read-client false");
        assertThat(show(s.onUpstreamConnected(1))).containsExactly("send-upstream "
                + head.replace("http://example.com/up", "/up") + first, "read-client true");
        String second = "b".repeat(LIMITS.maxHeldBytes());
        assertThat(show(s.onClientData(bytes(second)))).containsExactly("record c2s " + second, "send-upstream " + second);
        String last = "c".repeat(size - 2 * LIMITS.maxHeldBytes());
        String next = "GET http://example.com/next HTTP/1.1\r\nHost: example.com\r\n\r\n";
        // the body ends inside this read: what follows is the next request, read as HTTP again
        assertThat(show(s.onClientData(bytes(last + next)))).containsExactly("record c2s " + last + next,
                "send-upstream " + last, "send-upstream GET /next HTTP/1.1\r\nHost: example.com\r\n\r\n");
    }

    // ---- the outbox ----

    @Test
    void anEndOfOutputThatACloseOfTheSameSideFollowsIsLeftToTheClose() {
        SessionOutbox box = new SessionOutbox();
        box.add(new SessionCommand.ShutdownClientOutput());
        box.add(new SessionCommand.ShutdownUpstreamOutput());
        box.add(new SessionCommand.CloseClient());
        assertThat(show(box.drain())).containsExactly("fin-upstream", "close-client");
        box.add(new SessionCommand.ShutdownUpstreamOutput());
        box.add(new SessionCommand.ConnectUpstream(2, new Authority("b", 80)));
        box.add(new SessionCommand.CloseUpstream());
        assertThat(show(box.drain())).containsExactly("fin-upstream", "connect 2 b:80", "close-upstream");
    }
}
