package dev.upgradescope.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.testpeers.RecordingRelay;
import dev.upgradescope.wire.Direction;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reverse proxy between real peers on loopback: the JDK client's h2c upgrade and a raw
 * permessage-deflate WebSocket client against Jetty 12, each checked for working traffic and for
 * a capture byte-identical to what the server received and sent (seen by an independent tap).
 */
class ReverseProxyTest {

    private final MemorySink sink = new MemorySink();
    private JettyPeer jetty;
    private RecordingRelay serverTap;
    private ProxyServer proxy;

    @BeforeEach
    void start() throws Exception {
        jetty = new JettyPeer();
        serverTap = RecordingRelay.to(jetty.address());
        proxy = ProxyServer.start(ProxyConfig.of(List.of(ListenerConfig.reverse(
                new InetSocketAddress("127.0.0.1", 0), URI.create("http://127.0.0.1:" + serverTap.port())))), sink);
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        serverTap.close();
        jetty.close();
    }

    private String base() {
        return "http://127.0.0.1:" + proxy.address().getPort();
    }

    @Test
    void jdkClientUpgradesToH2cThroughTheReverseProxy() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> first = client.send(HttpRequest.newBuilder(URI.create(base() + "/one")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> second = client.send(HttpRequest.newBuilder(URI.create(base() + "/two")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(first.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(first.body()).isEqualTo("hello over HTTP/2.0\n");
        assertThat(second.body()).isEqualTo("hello over HTTP/2.0\n");
        assertThat(sink.size()).isEqualTo(1);
        MemorySink.Conn conn = sink.get(0);
        assertCaptureEqualsTap(conn, 0);
        assertThat(conn.text(Direction.C2S)).startsWith("GET /one HTTP/1.1\r\n").contains("Upgrade: h2c\r\n")
                .contains("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        assertThat(conn.text(Direction.S2C)).startsWith("HTTP/1.1 101 Switching Protocols\r\n");
        assertThat(conn.info.target()).isEqualTo("127.0.0.1:" + serverTap.port());
    }

    @Test
    void compressedWebSocketMessageEchoesAndIsCapturedByteForByte() throws Exception {
        try (RawWsClient ws = new RawWsClient(proxy.address())) {
            ws.send(RawWsClient.handshake("/echo", "127.0.0.1", "permessage-deflate; client_max_window_bits"));
            String head = ws.readHead();
            assertThat(head).startsWith("HTTP/1.1 101").containsIgnoringCase("permessage-deflate");

            byte[] hello = "Hello, compressed world".getBytes(StandardCharsets.UTF_8);
            ws.send(RawWsClient.frame(1, true, ws.compress(hello), new byte[] {1, 2, 3, 4}));
            RawWsClient.Frame echo = ws.readFrame();
            assertThat(echo.rsv1()).isTrue();
            assertThat(ws.inflate(echo.payload())).isEqualTo(hello);

            ws.send(RawWsClient.frame(8, false, new byte[] {0x03, (byte) 0xe8}, new byte[] {9, 8, 7, 6}));
            assertThat(ws.readFrame().opcode()).isEqualTo(8);
            ws.close(); // the server closed first (RFC 6455 §7.1.1); its FIN reached the client, which closes too

            MemorySink.Conn conn = sink.awaitEnded(0);
            assertThat(conn.bytes(Direction.C2S)).isEqualTo(ws.sent.toByteArray());
            assertThat(conn.bytes(Direction.S2C)).isEqualTo(ws.received.toByteArray());
            assertCaptureEqualsTap(conn, 0);
        }
    }

    @Test
    void clientResetMidFrameClosesTheUpstreamAndKeepsThePartialFrame() throws Exception {
        try (RawWsClient ws = new RawWsClient(proxy.address())) {
            ws.send(RawWsClient.handshake("/echo", "127.0.0.1", null));
            assertThat(ws.readHead()).startsWith("HTTP/1.1 101");
            byte[] frame = RawWsClient.frame(1, false, "half of this frame".getBytes(StandardCharsets.UTF_8),
                    new byte[] {1, 1, 1, 1});
            ws.send(Arrays.copyOf(frame, 9));
            MemorySink.await(() -> sink.get(0).bytes(Direction.C2S).length == ws.sent.size());
            ws.socket.setSoLinger(true, 0); // close with a reset
        }
        MemorySink.Conn conn = sink.awaitEnded(0);
        MemorySink.await(() -> serverTap.ended(0));
        assertThat(conn.noteCodes()).contains(NoteCode.CLIENT_CLOSED);
        assertCaptureEqualsTap(conn, 0);
    }

    @Test
    void upstreamDownAnswers502WithANote() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (ProxyServer toNowhere = ProxyServer.start(ProxyConfig.of(List.of(ListenerConfig.reverse(
                new InetSocketAddress("127.0.0.1", 0), URI.create("http://127.0.0.1:" + closedPort)))), sink);
             RawWsClient client = new RawWsClient(toNowhere.address())) {
            client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            String head = client.readHead();
            assertThat(head).startsWith("HTTP/1.1 502 Bad Gateway\r\n");
            MemorySink.Conn conn = sink.awaitEnded(0);
            assertThat(conn.noteCodes()).contains(NoteCode.UPSTREAM_REFUSED);
            assertThat(conn.text(Direction.S2C)).contains("connection refused");
        }
    }

    /** The capture (client leg) equals what the server received and sent, as the tap saw it. */
    private void assertCaptureEqualsTap(MemorySink.Conn conn, int tap) {
        MemorySink.await(() -> serverTap.conversations().size() > tap
                && Arrays.equals(conn.bytes(Direction.C2S), serverTap.conversations().get(tap).c2s())
                && Arrays.equals(conn.bytes(Direction.S2C), serverTap.conversations().get(tap).s2c()));
        assertThat(conn.bytes(Direction.C2S)).isEqualTo(serverTap.conversations().get(tap).c2s());
        assertThat(conn.bytes(Direction.S2C)).isEqualTo(serverTap.conversations().get(tap).s2c());
    }
}
