package dev.upgradescope.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.testpeers.JdkWebSocketRoundTrip;
import dev.upgradescope.testpeers.RecordingRelay;
import dev.upgradescope.wire.Direction;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The forward proxy between real peers on loopback: client → client tap → proxy → server tap →
 * Jetty 12. The taps are independent witnesses: the capture must equal what the client sent and
 * received (client tap), and, after the proxy's own rewriting, what the server received and sent.
 */
class ForwardProxyTest {

    private static final byte[] ESTABLISHED = "HTTP/1.1 200 Connection Established\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final MemorySink sink = new MemorySink();
    private JettyPeer jetty;
    private RecordingRelay serverTap;
    private ProxyServer proxy;
    private RecordingRelay clientTap;

    @BeforeEach
    void start() throws Exception {
        jetty = new JettyPeer();
        serverTap = RecordingRelay.to(jetty.address());
        proxy = ProxyServer.start(ProxyConfig.of(List.of(ListenerConfig.forward(new InetSocketAddress("127.0.0.1", 0)))),
                sink);
        clientTap = RecordingRelay.to(proxy.address());
    }

    @AfterEach
    void stop() throws Exception {
        clientTap.close();
        proxy.close();
        serverTap.close();
        jetty.close();
    }

    @Test
    void jdkWebSocketTunnelsThroughConnectAndEchoes() throws Exception {
        HttpClient client = HttpClient.newBuilder().proxy(ProxySelector.of(clientTap.address())).build();
        JdkWebSocketRoundTrip.Result r = JdkWebSocketRoundTrip.run(client,
                URI.create("ws://127.0.0.1:" + serverTap.port() + "/echo"), "through the tunnel", "done");
        assertThat(r.echoed()).isEqualTo("through the tunnel");
        assertThat(r.closeStatus()).isEqualTo(WebSocket.NORMAL_CLOSURE);

        MemorySink.Conn conn = sink.awaitEnded(0);
        assertThat(conn.text(Direction.C2S)).startsWith("CONNECT 127.0.0.1:" + serverTap.port() + " HTTP/1.1\r\n");
        assertThat(conn.targets).containsExactly("127.0.0.1:" + serverTap.port());
        assertThat(conn.noteCodes()).contains(NoteCode.TUNNEL_HTTP);
        assertClientLegEqualsClientTap(conn);
        // the tunnel's bytes are the connection's bytes after the CONNECT exchange
        byte[] c2s = conn.bytes(Direction.C2S);
        byte[] s2c = conn.bytes(Direction.S2C);
        int connectEnd = conn.text(Direction.C2S).indexOf("\r\n\r\n") + 4;
        assertThat(Arrays.copyOfRange(s2c, 0, ESTABLISHED.length)).isEqualTo(ESTABLISHED);
        MemorySink.await(() -> Arrays.equals(Arrays.copyOfRange(c2s, connectEnd, c2s.length), serverTap.conversations().get(0).c2s())
                && Arrays.equals(Arrays.copyOfRange(s2c, ESTABLISHED.length, s2c.length), serverTap.conversations().get(0).s2c()));
        assertThat(new String(serverTap.conversations().get(0).c2s(), StandardCharsets.ISO_8859_1)).startsWith("GET /echo HTTP/1.1");
    }

    @Test
    void absoluteFormWebSocketWithPermessageDeflateIsRewrittenUpstreamAndRecordedAsSent() throws Exception {
        try (RawWsClient ws = new RawWsClient(clientTap.address())) {
            String target = "http://127.0.0.1:" + serverTap.port() + "/echo";
            ws.send(RawWsClient.handshake(target, "127.0.0.1:" + serverTap.port(),
                    "permessage-deflate; client_max_window_bits"));
            assertThat(ws.readHead()).startsWith("HTTP/1.1 101").containsIgnoringCase("permessage-deflate");
            byte[] text = "squeeze me, squeeze me, squeeze me".getBytes(StandardCharsets.UTF_8);
            ws.send(RawWsClient.frame(1, true, ws.compress(text), new byte[] {5, 6, 7, 8}));
            RawWsClient.Frame echo = ws.readFrame();
            assertThat(echo.rsv1()).isTrue();
            assertThat(ws.inflate(echo.payload())).isEqualTo(text);
            ws.send(RawWsClient.frame(8, false, new byte[] {0x03, (byte) 0xe8}, new byte[] {1, 2, 3, 4}));
            assertThat(ws.readFrame().opcode()).isEqualTo(8);

            MemorySink.Conn conn = sink.awaitEnded(0);
            assertThat(conn.bytes(Direction.C2S)).isEqualTo(ws.sent.toByteArray());
            assertThat(conn.bytes(Direction.S2C)).isEqualTo(ws.received.toByteArray());
            assertClientLegEqualsClientTap(conn);
            // upstream got the origin-form request line and everything else unchanged
            String clientSent = new String(ws.sent.toByteArray(), StandardCharsets.ISO_8859_1);
            String expectedUpstream = clientSent.replaceFirst("GET " + target + " ", "GET /echo ");
            MemorySink.await(() -> new String(serverTap.conversations().get(0).c2s(), StandardCharsets.ISO_8859_1)
                    .equals(expectedUpstream));
            assertThat(serverTap.conversations().get(0).s2c()).isEqualTo(ws.received.toByteArray());
            assertThat(conn.noteCodes()).contains(NoteCode.SWITCHED);
        }
    }

    @Test
    void refusedUpgradesLeaveTheConnectionSpeakingHttp() throws Exception {
        try (RawWsClient c = new RawWsClient(clientTap.address())) {
            String host = "127.0.0.1:" + serverTap.port();
            c.send(RawWsClient.handshake("http://" + host + "/426", host, null));
            String refused = c.readHead();
            assertThat(refused).startsWith("HTTP/1.1 426");
            c.readExactly(contentLength(refused));
            c.send(RawWsClient.handshake("http://" + host + "/plain", host, null));
            String ignored = c.readHead();
            assertThat(ignored).startsWith("HTTP/1.1 200");
            assertThat(new String(c.readExactly(contentLength(ignored)), StandardCharsets.US_ASCII))
                    .isEqualTo("hello over HTTP/1.1\n");
            c.send("GET http://" + host + "/last HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            assertThat(c.readHead()).startsWith("HTTP/1.1 200");
        }
        MemorySink.Conn conn = sink.awaitEnded(0);
        assertThat(conn.noteCodes()).doesNotContain(NoteCode.SWITCHED);
        assertClientLegEqualsClientTap(conn);
        assertThat(serverTap.conversations()).hasSize(1);
        assertThat(new String(serverTap.conversations().get(0).c2s(), StandardCharsets.ISO_8859_1))
                .contains("GET /426 HTTP/1.1", "GET /plain HTTP/1.1", "GET /last HTTP/1.1")
                .doesNotContain("http://");
    }

    @Test
    void upstreamDownIsAnswered502() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (RawWsClient c = new RawWsClient(proxy.address())) {
            c.send("GET http://127.0.0.1:" + closedPort + "/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            String head = c.readHead();
            assertThat(head).startsWith("HTTP/1.1 502 Bad Gateway\r\n");
            assertThat(new String(c.readExactly(contentLength(head)), StandardCharsets.UTF_8)).contains("refused");
        }
        MemorySink.Conn conn = sink.awaitEnded(0);
        assertThat(conn.noteCodes()).contains(NoteCode.UPSTREAM_REFUSED);
    }

    @Test
    void oversizedHeadersAreAnswered431() throws Exception {
        try (RawWsClient c = new RawWsClient(proxy.address())) {
            StringBuilder head = new StringBuilder("GET http://127.0.0.1:" + serverTap.port() + "/ HTTP/1.1\r\n");
            for (int i = 0; i < 100; i++) {
                head.append("X-Filler-").append(i).append(": ").append("v".repeat(1000)).append("\r\n");
            }
            try {
                c.send(head.toString());
            } catch (java.io.IOException closedEarly) {
                // the proxy may close before it has read everything: the answer is already on its way
            }
            assertThat(c.readHead()).startsWith("HTTP/1.1 431 ");
        }
        MemorySink.Conn conn = sink.awaitEnded(0);
        assertThat(conn.noteCodes()).contains(NoteCode.HEAD_TOO_LARGE);
        assertThat(serverTap.conversations()).isEmpty();
    }

    @Test
    void garbageIsAnswered400() throws Exception {
        try (RawWsClient c = new RawWsClient(proxy.address())) {
            c.send(new byte[] {0, 1, 2, 3, (byte) 0xff, '\r', '\n', '\r', '\n'});
            assertThat(c.readHead()).startsWith("HTTP/1.1 400 Bad Request\r\n");
        }
        MemorySink.Conn conn = sink.awaitEnded(0);
        assertThat(conn.noteCodes()).contains(NoteCode.NOT_HTTP);
    }

    private void assertClientLegEqualsClientTap(MemorySink.Conn conn) {
        MemorySink.await(() -> !clientTap.conversations().isEmpty()
                && Arrays.equals(conn.bytes(Direction.C2S), clientTap.conversations().get(0).c2s())
                && Arrays.equals(conn.bytes(Direction.S2C), clientTap.conversations().get(0).s2c()));
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }
}
