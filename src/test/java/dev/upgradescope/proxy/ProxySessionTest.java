package dev.upgradescope.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.proxy.SessionCommand.CloseClient;
import dev.upgradescope.proxy.SessionCommand.CloseUpstream;
import dev.upgradescope.proxy.SessionCommand.ConnectUpstream;
import dev.upgradescope.proxy.SessionCommand.ReadClient;
import dev.upgradescope.proxy.SessionCommand.Record;
import dev.upgradescope.proxy.SessionCommand.RecordEnd;
import dev.upgradescope.proxy.SessionCommand.RecordNote;
import dev.upgradescope.proxy.SessionCommand.RecordTarget;
import dev.upgradescope.proxy.SessionCommand.SendToClient;
import dev.upgradescope.proxy.SessionCommand.SendToUpstream;
import dev.upgradescope.proxy.SessionCommand.SetIdleTimeout;
import dev.upgradescope.proxy.SessionCommand.ShutdownClientOutput;
import dev.upgradescope.proxy.SessionCommand.ShutdownUpstreamOutput;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Playbooks for the sans-io session: literal bytes in, the exact commands out, no sockets
 * (in the manner of mitmproxy's layer tests). Commands are shown as one line each so a playbook
 * reads like the conversation.
 */
class ProxySessionTest {

    static final ProxySession.Limits LIMITS = new ProxySession.Limits(Duration.ofSeconds(60), Duration.ofMinutes(5),
            Duration.ofSeconds(10), 1024, 4096);

    static final String WS_REQUEST = "GET http://ws.example:8000/chat HTTP/1.1\r\nHost: ws.example:8000\r\n"
            + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Version: 13\r\n\r\n";
    static final String WS_ORIGIN_FORM = WS_REQUEST.replace("GET http://ws.example:8000/chat ", "GET /chat ");
    static final String SWITCHING = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";

    private final ProxySession forward = ProxySession.forward(LIMITS, RequestInterceptor.FORWARD_ALL);

    @Test
    void absoluteFormGoesUpstreamInOriginFormAndIsRecordedAsSent() {
        assertThat(show(forward.start())).containsExactly("idle PT1M");
        String request = "GET http://example.com/a/b?x=1 HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n";
        assertThat(show(forward.onClientData(bytes(request)))).containsExactly(
                "record c2s " + request,
                "target example.com:80",
                "connect 1 example.com:80");
        assertThat(show(forward.onUpstreamConnected(1))).containsExactly(
                "send-upstream GET /a/b?x=1 HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n");
        String response = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi";
        assertThat(show(forward.onUpstreamData(1, bytes(response)))).containsExactly(
                "record s2c " + response, "send-client " + response);
        assertThat(forward.phase()).isEqualTo(ProxySession.Phase.HTTP);
    }

    @Test
    void keepAliveRequestsToTheSameOriginShareTheUpstream() {
        forward.start();
        forward.onClientData(bytes("GET http://example.com/1 HTTP/1.1\r\nHost: example.com\r\n\r\n"));
        forward.onUpstreamConnected(1);
        forward.onUpstreamData(1, bytes("HTTP/1.1 204 No Content\r\n\r\n"));
        assertThat(show(forward.onClientData(bytes("GET http://example.com/2 HTTP/1.1\r\nHost: example.com\r\n\r\n"))))
                .containsExactly("record c2s GET http://example.com/2 HTTP/1.1\r\nHost: example.com\r\n\r\n",
                        "send-upstream GET /2 HTTP/1.1\r\nHost: example.com\r\n\r\n");
    }

    @Test
    void anotherOriginWaitsForTheAnswerThenSwitchesUpstream() {
        forward.start();
        forward.onClientData(bytes("GET http://a.example/ HTTP/1.1\r\nHost: a.example\r\n\r\n"
                + "GET http://b.example/ HTTP/1.1\r\nHost: b.example\r\n\r\n"));
        assertThat(show(forward.onUpstreamConnected(1)))
                .containsExactly("send-upstream GET / HTTP/1.1\r\nHost: a.example\r\n\r\n");
        assertThat(show(forward.onUpstreamData(1, bytes("HTTP/1.1 204 No Content\r\n\r\n")))).containsExactly(
                "record s2c HTTP/1.1 204 No Content\r\n\r\n", "send-client HTTP/1.1 204 No Content\r\n\r\n",
                "close-upstream", "target b.example:80", "connect 2 b.example:80");
        assertThat(show(forward.onUpstreamClosed(1))).isEmpty();
        assertThat(show(forward.onUpstreamConnected(2)))
                .containsExactly("send-upstream GET / HTTP/1.1\r\nHost: b.example\r\n\r\n");
    }

    @Test
    void connectIsAnsweredByTheProxyAndTheTlsTunnelPassesThrough() {
        forward.start();
        String connect = "CONNECT secure.example:443 HTTP/1.1\r\nHost: secure.example:443\r\n\r\n";
        assertThat(show(forward.onClientData(bytes(connect)))).containsExactly(
                "record c2s " + connect, "target secure.example:443", "connect 1 secure.example:443");
        assertThat(show(forward.onUpstreamConnected(1))).containsExactly(
                "record s2c HTTP/1.1 200 Connection Established\r\n\r\n",
                "send-client HTTP/1.1 200 Connection Established\r\n\r\n",
                "idle PT5M");
        byte[] hello = {0x16, 0x03, 0x01, 0x00, (byte) 0xc8, 0x01, 0x00, 0x00, (byte) 0xc4, 0x03, 0x03, 0x55};
        assertThat(show(forward.onClientData(hello))).containsExactly(
                "record c2s " + text(hello), "note tunnel.tls", "send-upstream " + text(hello));
        assertThat(show(forward.onUpstreamData(1, new byte[] {0x16, 0x03, 0x03}))).containsExactly(
                "record s2c \u0016\u0003\u0003", "send-client \u0016\u0003\u0003");
    }

    @Test
    void bytesSentRightAfterConnectWaitForTheTunnelThenGoVerbatim() {
        forward.start();
        String connect = "CONNECT ws.example:80 HTTP/1.1\r\nHost: ws.example:80\r\n\r\n";
        String inner = "GET /chat HTTP/1.1\r\nHost: ws.example\r\nUpgrade: websocket\r\n\r\n";
        forward.onClientData(bytes(connect + inner));
        assertThat(show(forward.onUpstreamConnected(1))).containsExactly(
                "record s2c HTTP/1.1 200 Connection Established\r\n\r\n",
                "send-client HTTP/1.1 200 Connection Established\r\n\r\n",
                "idle PT5M", "note tunnel.http", "send-upstream " + inner);
    }

    @Test
    void upgradeHoldsLaterBytesUntil101ThenRelaysThemUntouched() {
        forward.start();
        byte[] earlyFrame = {(byte) 0x81, (byte) 0x82, 1, 2, 3, 4, 'h' ^ 1, 'i' ^ 2};
        forward.onClientData(bytes(WS_REQUEST));
        assertThat(show(forward.onUpstreamConnected(1))).containsExactly("send-upstream " + WS_ORIGIN_FORM);
        assertThat(show(forward.onClientData(earlyFrame))).containsExactly("record c2s " + text(earlyFrame));
        byte[] serverFrame = {(byte) 0x81, 0x02, 'h', 'i'};
        assertThat(show(forward.onUpstreamData(1, concat(bytes(SWITCHING), serverFrame)))).containsExactly(
                "record s2c " + SWITCHING + text(serverFrame), "send-client " + SWITCHING + text(serverFrame),
                "note protocol.switched", "idle PT5M", "send-upstream " + text(earlyFrame));
        assertThat(forward.phase()).isEqualTo(ProxySession.Phase.RELAY);
        // after the switch, even bytes that look like an absolute-form request go untouched
        assertThat(show(forward.onClientData(bytes("GET http://x/ HTTP/1.1\r\n\r\n")))).containsExactly(
                "record c2s GET http://x/ HTTP/1.1\r\n\r\n", "send-upstream GET http://x/ HTTP/1.1\r\n\r\n");
    }

    @Test
    void aRequestPipelinedBehindARefusedUpgradeIsReadAsHttp() {
        forward.start();
        String next = "GET http://ws.example:8000/after HTTP/1.1\r\nHost: ws.example:8000\r\n\r\n";
        forward.onClientData(bytes(WS_REQUEST + next));
        assertThat(show(forward.onUpstreamConnected(1))).containsExactly("send-upstream " + WS_ORIGIN_FORM);
        String refusal = "HTTP/1.1 426 Upgrade Required\r\nContent-Length: 0\r\n\r\n";
        assertThat(show(forward.onUpstreamData(1, bytes(refusal)))).containsExactly(
                "record s2c " + refusal, "send-client " + refusal, "idle PT1M",
                "send-upstream GET /after HTTP/1.1\r\nHost: ws.example:8000\r\n\r\n");
        assertThat(forward.phase()).isEqualTo(ProxySession.Phase.HTTP);
    }

    @Test
    void refusedUpstreamAnswers502WithANoteAndCloses() {
        forward.start();
        forward.onClientData(bytes("GET http://down.example/ HTTP/1.1\r\nHost: down.example\r\n\r\n"));
        List<String> out = show(forward.onUpstreamFailed(1, UpstreamFailure.REFUSED, "Connection refused"));
        assertThat(out.get(0)).isEqualTo("note upstream.refused");
        assertThat(out.get(1)).startsWith("record s2c HTTP/1.1 502 Bad Gateway\r\n")
                .contains("connection refused (down.example:80)");
        assertThat(out.subList(3, out.size())).containsExactly("close-upstream", "close-client", "end s2c");
        assertThat(show(forward.onClientClosed())).containsExactly("end c2s");
    }

    @Test
    void unknownHostIsNamedInTheNote() {
        forward.start();
        forward.onClientData(bytes("CONNECT nowhere.invalid:443 HTTP/1.1\r\nHost: nowhere.invalid:443\r\n\r\n"));
        List<String> out = show(forward.onUpstreamFailed(1, UpstreamFailure.UNKNOWN_HOST, "nowhere.invalid"));
        assertThat(out.get(0)).isEqualTo("note upstream.unknown-host");
        assertThat(out.get(1)).startsWith("record s2c HTTP/1.1 502 Bad Gateway\r\n").contains("unknown host");
    }

    @Test
    void aHeadOverTheLimitIsAnswered431() {
        forward.start();
        String big = "GET http://example.com/ HTTP/1.1\r\nHost: example.com\r\nX-Big: " + "a".repeat(900) + "\r\n"
                + "X-More: " + "b".repeat(200);
        List<String> out = show(forward.onClientData(bytes(big)));
        assertThat(out).contains("note request.head-too-large", "close-client", "end c2s", "end s2c");
        assertThat(out).anySatisfy(l -> assertThat(l).startsWith("send-client HTTP/1.1 431 Request Header Fields Too Large"));
        assertThat(out).noneMatch(l -> l.startsWith("connect"));
    }

    @Test
    void binaryBytesAreNotARequestAndAreAnswered400() {
        forward.start();
        byte[] hello = {0x16, 0x03, 0x01, 0x00, 0x10};
        List<String> out = show(forward.onClientData(hello));
        assertThat(out).contains("note request.not-http", "close-client");
        assertThat(out).anySatisfy(l -> assertThat(l).startsWith("send-client HTTP/1.1 400 Bad Request"));
    }

    @Test
    void originFormToTheForwardProxyIsAnswered400() {
        forward.start();
        List<String> out = show(forward.onClientData(bytes("GET /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n")));
        assertThat(out).contains("note request.unroutable", "close-client");
        assertThat(out).anySatisfy(l -> assertThat(l).startsWith("send-client HTTP/1.1 400 Bad Request")
                .contains("absolute-form"));
    }

    @Test
    void textThatIsNotHttpIsAnswered400() {
        forward.start();
        List<String> out = show(forward.onClientData(bytes("HELLO THERE\r\n\r\n")));
        assertThat(out).contains("note request.not-http", "close-client");
    }

    @Test
    void reverseSessionConnectsAtOnceAndRelaysVerbatim() {
        ProxySession reverse = ProxySession.reverse(LIMITS, new Authority("127.0.0.1", 9000));
        assertThat(show(reverse.start())).containsExactly("idle PT5M", "target 127.0.0.1:9000",
                "connect 1 127.0.0.1:9000");
        assertThat(show(reverse.onClientData(bytes("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"))))
                .containsExactly("record c2s PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        assertThat(show(reverse.onUpstreamConnected(1)))
                .containsExactly("send-upstream PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        assertThat(show(reverse.onUpstreamClosed(1))).containsExactly("note upstream.closed", "close-upstream",
                "close-client", "end s2c");
    }

    @Test
    void clientGoneMidFrameClosesTheUpstream() {
        forward.start();
        forward.onClientData(bytes(WS_REQUEST));
        forward.onUpstreamConnected(1);
        forward.onUpstreamData(1, bytes(SWITCHING));
        forward.onClientData(new byte[] {(byte) 0x81, (byte) 0x85, 1});
        assertThat(show(forward.onClientClosed())).containsExactly("note client.closed", "close-upstream",
                "close-client", "end s2c", "end c2s");
        assertThat(show(forward.onUpstreamData(1, new byte[] {1}))).isEmpty();
    }

    @Test
    void idleTimeoutClosesBothSidesWithANote() {
        forward.start();
        assertThat(show(forward.onIdle())).containsExactly("note idle.timeout", "close-upstream", "close-client",
                "end s2c", "end c2s");
    }

    @Test
    void heldBytesOverTheLimitStopReadingFromTheClient() {
        forward.start();
        forward.onClientData(bytes(WS_REQUEST));
        forward.onUpstreamConnected(1);
        List<String> out = show(forward.onClientData(new byte[LIMITS.maxHeldBytes()]));
        assertThat(out).endsWith("read-client false");
        assertThat(show(forward.onUpstreamData(1, bytes(SWITCHING)))).endsWith("read-client true");
    }

    @Test
    void theInterceptorCanAnswerInsteadOfTheOrigin() {
        byte[] canned = bytes("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
        ProxySession s = ProxySession.forward(LIMITS, (request, message) -> request.headers().has("Upgrade")
                ? new InterceptVerdict.Respond(canned) : InterceptVerdict.FORWARD);
        s.start();
        assertThat(show(s.onClientData(bytes(WS_REQUEST)))).containsExactly("record c2s " + WS_REQUEST,
                "note request.intercepted", "record s2c " + text(canned), "send-client " + text(canned),
                "close-upstream", "close-client", "end s2c");
    }

    // ---- half-close ----

    @Test
    void aClientThatEndsItsSideAfterTheRequestStillGetsTheWholeResponse() {
        forward.start();
        String request = "GET http://example.com/ HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n";
        forward.onClientData(bytes(request));
        // the FIN comes before the upstream is even connected: it waits for the request to go first
        assertThat(show(forward.onClientInputEnded())).containsExactly("end c2s", "note client.closed");
        assertThat(show(forward.onUpstreamConnected(1))).containsExactly(
                "send-upstream GET / HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n",
                "fin-upstream");
        String response = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
        assertThat(show(forward.onUpstreamData(1, bytes(response)))).containsExactly(
                "record s2c " + response, "send-client " + response);
        // the close that follows sends the FIN itself: the session asks for no separate end of output
        assertThat(show(forward.onUpstreamInputEnded(1))).containsExactly("note upstream.closed",
                "end s2c", "close-upstream", "close-client");
        assertThat(forward.phase()).isEqualTo(ProxySession.Phase.CLOSED);
        assertThat(show(forward.onClientClosed())).isEmpty();
    }

    @Test
    void inARelayEachDirectionEndsOnItsOwnAndTheOtherKeepsFlowing() {
        ProxySession reverse = ProxySession.reverse(LIMITS, new Authority("127.0.0.1", 9000));
        reverse.start();
        reverse.onUpstreamConnected(1);
        assertThat(show(reverse.onUpstreamData(1, bytes("banner")))).containsExactly("record s2c banner",
                "send-client banner");
        assertThat(show(reverse.onUpstreamInputEnded(1))).containsExactly("note upstream.closed", "fin-client",
                "end s2c");
        assertThat(reverse.phase()).isEqualTo(ProxySession.Phase.RELAY);
        assertThat(show(reverse.onClientData(bytes("still talking")))).containsExactly(
                "record c2s still talking", "send-upstream still talking");
        assertThat(show(reverse.onClientInputEnded())).containsExactly("end c2s", "note client.closed",
                "close-upstream", "close-client");
    }

    @Test
    void anUpgradeRequestFollowedByAFinWaitsForTheAnswerBeforePassingTheFinOn() {
        forward.start();
        forward.onClientData(bytes(WS_REQUEST));
        forward.onUpstreamConnected(1);
        assertThat(show(forward.onClientInputEnded())).containsExactly("end c2s", "note client.closed");
        assertThat(show(forward.onUpstreamData(1, bytes(SWITCHING)))).containsExactly(
                "record s2c " + SWITCHING, "send-client " + SWITCHING, "note protocol.switched", "idle PT5M",
                "fin-upstream");
    }

    @Test
    void aFinBeforeAnyWholeRequestClosesWithANote() {
        forward.start();
        assertThat(show(forward.onClientData(bytes("GET http://exa")))).containsExactly(
                "record c2s GET http://exa", "deadline 1 PT10S");
        assertThat(show(forward.onClientInputEnded())).containsExactly("end c2s", "note client.closed",
                "cancel-deadline", "close-upstream", "close-client", "end s2c");
    }

    // ---- rendering ----

    static List<String> show(List<SessionCommand> commands) {
        return commands.stream().map(ProxySessionTest::show).toList();
    }

    static String show(SessionCommand c) {
        if (c instanceof Record r) {
            return "record " + r.dir().code() + " " + text(r.bytes());
        } else if (c instanceof SendToClient s) {
            return "send-client " + text(s.bytes());
        } else if (c instanceof SendToUpstream s) {
            return "send-upstream " + text(s.bytes());
        } else if (c instanceof ConnectUpstream u) {
            return "connect " + u.id() + " " + u.authority();
        } else if (c instanceof RecordTarget t) {
            return "target " + t.target();
        } else if (c instanceof RecordNote n) {
            return "note " + n.code();
        } else if (c instanceof RecordEnd e) {
            return "end " + e.dir().code();
        } else if (c instanceof SetIdleTimeout t) {
            return "idle " + t.timeout();
        } else if (c instanceof ReadClient r) {
            return "read-client " + r.enabled();
        } else if (c instanceof CloseClient) {
            return "close-client";
        } else if (c instanceof CloseUpstream) {
            return "close-upstream";
        } else if (c instanceof ShutdownClientOutput) {
            return "fin-client";
        } else if (c instanceof ShutdownUpstreamOutput) {
            return "fin-upstream";
        } else if (c instanceof SessionCommand.ArmHeadDeadline d) {
            return "deadline " + d.id() + " " + d.after();
        } else if (c instanceof SessionCommand.CancelHeadDeadline) {
            return "cancel-deadline";
        } else if (c instanceof SessionCommand.ResetClient) {
            return "reset-client";
        }
        throw new AssertionError(c);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
