package dev.upgradescope.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upgradescope.wire.Direction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the proxy guards, with real sockets on loopback: the access token, a request to the listener
 * itself, a client that trickles its head, the connection caps, the reverse head limit, a reverse
 * upstream that is down, an upstream reset, and a request body larger than any hold.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hang, not a performance assertion
class ProxyGuardsTest {

    private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

    private final MemorySink sink = new MemorySink();

    private static Socket connect(InetSocketAddress to) throws IOException {
        Socket s = new Socket(to.getAddress(), to.getPort());
        s.setSoTimeout(20_000);
        return s;
    }

    private static String exchange(InetSocketAddress proxy, String request) throws IOException {
        try (Socket s = connect(proxy)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(RawPeers.readToEnd(s.getInputStream()), StandardCharsets.ISO_8859_1);
        }
    }

    /** Answers one request with its own head as the body, then closes. */
    private static void echoHead(Socket s) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        int matched = 0;
        for (int b; matched < 4 && (b = in.read()) >= 0; ) {
            head.write(b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        byte[] body = head.toByteArray();
        s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().write(body);
        s.getOutputStream().flush();
    }

    // ---- access ----

    @Test
    void withATokenOnLoopbackOnlyTheTokenGetsThroughAndItIsNotForwarded() throws Exception {
        try (RawPeers.Server origin = new RawPeers.Server(ProxyGuardsTest::echoHead);
             ProxyServer proxy = ProxyServer.start(ProxyConfig.of(List.of(ListenerConfig.forward(ANY_PORT)))
                     .withAccess(ProxyAccess.token("tok-123")), sink)) {
            String target = "http://127.0.0.1:" + origin.port() + "/x";
            String without = exchange(proxy.address(), "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(without).startsWith("HTTP/1.1 407 Proxy Authentication Required\r\n")
                    .contains("Proxy-Authenticate: Basic realm=\"UpgradeScope\"");
            String credentials = Base64.getEncoder().encodeToString("any:tok-123".getBytes(StandardCharsets.UTF_8));
            String with = exchange(proxy.address(), "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Proxy-Authorization: Basic " + credentials + "\r\nConnection: close\r\n\r\n");
            assertThat(with).startsWith("HTTP/1.1 200 OK\r\n").contains("GET /x HTTP/1.1\r\n")
                    .doesNotContainIgnoringCase("Proxy-Authorization");
            assertThat(sink.awaitEnded(0).noteCodes()).contains(NoteCode.AUTH_REQUIRED);
        }
    }

    @Test
    void aLoopbackListenerWithoutATokenOptionAsksNothing() throws Exception {
        try (RawPeers.Server origin = new RawPeers.Server(ProxyGuardsTest::echoHead);
             ProxyServer proxy = ProxyServer.start(ProxyConfig.of(List.of(ListenerConfig.forward(ANY_PORT))), sink)) {
            String answer = exchange(proxy.address(), "GET http://127.0.0.1:" + origin.port()
                    + "/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n");
        }
    }

    @Test
    void aRequestToTheProxysOwnListenerIsAnsweredNotRelayed() throws Exception {
        try (ProxyServer proxy = ProxyServer.start(ProxyConfig.of(List.of(ListenerConfig.forward(ANY_PORT))), sink)) {
            int port = proxy.address().getPort();
            String answer = exchange(proxy.address(), "GET http://127.0.0.1:" + port + "/ HTTP/1.1\r\nHost: 127.0.0.1:"
                    + port + "\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 508 Loop Detected\r\n");
            assertThat(sink.awaitEnded(0).noteCodes()).containsExactly(NoteCode.LOOP);
            assertThat(sink.size()).isEqualTo(1); // nothing came back to the listener
        }
    }

    // ---- slow clients and caps ----

    @Test
    void aClientThatTricklesItsHeadIsCutOffAtTheDeadline() throws Exception {
        ProxyConfig config = ProxyConfig.of(List.of(ListenerConfig.forward(ANY_PORT)))
                .withHeadDeadline(Duration.ofMillis(800));
        try (ProxyServer proxy = ProxyServer.start(config, sink); Socket s = connect(proxy.address())) {
            byte[] head = ("GET http://127.0.0.1:9/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
                    + "s".repeat(200) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            int sent = 0;
            try {
                // one byte every 50 ms: the whole head would take over 12 s, each byte well within the idle timeout
                while (sent < head.length && in.available() == 0) {
                    out.write(head[sent++]);
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (SocketException closedByTheProxy) {
                // the proxy closed while we were still sending
            }
            assertThat(sent).isLessThan(head.length);
            assertThat(new String(RawPeers.readToEnd(in), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 408 ");
            assertThat(sink.awaitEnded(0).noteCodes()).containsExactly(NoteCode.HEAD_DEADLINE);
        }
    }

    @Test
    void theCapOnConnectionsPerClientRefusesTheNextOneWithANote() throws Exception {
        ProxyConfig config = ProxyConfig.of(List.of(ListenerConfig.forward(ANY_PORT))).withConnectionCaps(10, 2);
        try (ProxyServer proxy = ProxyServer.start(config, sink);
             Socket first = connect(proxy.address()); Socket second = connect(proxy.address())) {
            MemorySink.await(() -> sink.size() == 2);
            assertThat(exchange(proxy.address(), "")).startsWith("HTTP/1.1 503 Service Unavailable\r\n");
            assertThat(sink.awaitEnded(2).noteCodes()).containsExactly(NoteCode.CLIENT_CAP);
            first.close();
            MemorySink.await(() -> sink.get(0).ended() || sink.get(1).ended()); // accepted on two loops: either order
            // the place is free again: a request gets an answer of its own (here: no route), not 503
            MemorySink.await(() -> {
                try {
                    return exchange(proxy.address(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 400 ");
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }

    @Test
    void theTotalCapRefusesWithANoteOfItsOwn() throws Exception {
        ProxyConfig config = ProxyConfig.of(List.of(ListenerConfig.forward(ANY_PORT))).withConnectionCaps(1, 5);
        try (ProxyServer proxy = ProxyServer.start(config, sink); Socket first = connect(proxy.address())) {
            MemorySink.await(() -> sink.size() == 1);
            assertThat(exchange(proxy.address(), "")).startsWith("HTTP/1.1 503 ");
            assertThat(sink.awaitEnded(1).noteCodes()).containsExactly(NoteCode.TOTAL_CAP);
        }
    }

    // ---- reverse listeners ----

    @Test
    void aReverseListenerRefusesAHugeHeadAndTheUpstreamGetsNothingOfIt() throws Exception {
        AtomicReference<byte[]> received = new AtomicReference<>();
        try (RawPeers.Server origin = new RawPeers.Server(s -> received.set(RawPeers.readToEnd(s.getInputStream())));
             ProxyServer proxy = ProxyServer.start(ProxyConfig.of(List.of(ListenerConfig.reverse(ANY_PORT,
                     URI.create("http://127.0.0.1:" + origin.port())))), sink)) {
            StringBuilder head = new StringBuilder("GET / HTTP/1.1\r\nHost: x\r\n");
            for (int i = 0; head.length() < 102_477; i++) {
                head.append("X-Filler-").append(i).append(": ").append("f".repeat(90)).append("\r\n");
            }
            String answer;
            try (Socket s = connect(proxy.address())) {
                try {
                    s.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
                } catch (SocketException refusedWhileSending) {
                    // the proxy answered and closed before the whole head was written
                }
                answer = new String(RawPeers.readToEnd(s.getInputStream()), StandardCharsets.US_ASCII);
            }
            assertThat(answer).startsWith("HTTP/1.1 431 ");
            assertThat(sink.awaitEnded(0).noteCodes()).contains(NoteCode.HEAD_TOO_LARGE);
            MemorySink.await(() -> received.get() != null);
            assertThat(received.get()).isEmpty();
        }
    }

    @Test
    void aReverseUpstreamThatIsDownGetsTheRequestRecordedBeforeThe502() throws Exception {
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }
        try (ProxyServer proxy = ProxyServer.start(ProxyConfig.of(List.of(ListenerConfig.reverse(ANY_PORT,
                URI.create("http://127.0.0.1:" + closedPort)))), sink)) {
            String request = "GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n";
            String answer;
            try (Socket s = connect(proxy.address())) {
                MemorySink.await(() -> sink.size() == 1 && sink.get(0).noteCodes().contains(NoteCode.UPSTREAM_REFUSED));
                s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                answer = new String(RawPeers.readToEnd(s.getInputStream()), StandardCharsets.US_ASCII);
            }
            assertThat(answer).startsWith("HTTP/1.1 502 Bad Gateway\r\n");
            MemorySink.Conn conn = sink.awaitEnded(0);
            assertThat(conn.text(Direction.C2S)).isEqualTo(request);
            assertThat(conn.text(Direction.S2C)).isEqualTo(answer);
        }
    }

    // ---- resets and large bodies ----

    @Test
    void anUpstreamResetMidFrameReachesTheClientAsAReset() throws Exception {
        CountDownLatch clientHasTheStart = new CountDownLatch(1);
        try (RawPeers.Server origin = new RawPeers.Server(s -> {
                RawPeers.readHead(s.getInputStream());
                OutputStream out = s.getOutputStream();
                out.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[] {(byte) 0x82, 0x7e, 0x10, 0x00, 1, 2, 3}); // 4,096 bytes announced, 3 sent
                out.flush();
                try {
                    clientHasTheStart.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                s.setSoLinger(true, 0); // close with RST
            });
             ProxyServer proxy = ProxyServer.start(ProxyConfig.of(List.of(ListenerConfig.reverse(ANY_PORT,
                     URI.create("http://127.0.0.1:" + origin.port())))), sink);
             Socket s = connect(proxy.address())) {
            s.getOutputStream().write(("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            RawPeers.readHead(in);
            byte[] start = in.readNBytes(7);
            assertThat(start).containsExactly(0x82, 0x7e, 0x10, 0x00, 1, 2, 3);
            clientHasTheStart.countDown();
            assertThatThrownBy(in::read).isInstanceOf(SocketException.class).hasMessageContaining("reset");
            assertThat(sink.awaitEnded(0).noteCodes()).contains(NoteCode.UPSTREAM_RESET);
        }
    }

    @Test
    void aForwardRequestBodyOf20MiBIsStreamedToTheUpstreamAndRecordedWhole() throws Exception {
        int size = 20 << 20;
        try (RawPeers.Server origin = new RawPeers.Server(s -> {
                RawPeers.readHead(s.getInputStream());
                long n = s.getInputStream().readNBytes(size).length;
                s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nX-Received: " + n
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
            });
             ProxyServer proxy = ProxyServer.start(ProxyConfig.of(List.of(ListenerConfig.forward(ANY_PORT))), sink);
             Socket s = connect(proxy.address())) {
            String head = "POST http://127.0.0.1:" + origin.port() + "/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Length: " + size + "\r\n\r\n";
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] block = RawPeers.randomBytes(64 * 1024, 3);
            for (int sent = 0; sent < size; sent += block.length) {
                out.write(block);
            }
            out.flush();
            String answer = new String(RawPeers.readToEnd(s.getInputStream()), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("X-Received: " + size + "\r\n");
            s.close();
            MemorySink.Conn conn = sink.awaitEnded(0);
            assertThat(conn.bytes(Direction.C2S)).hasSize(head.length() + size);
        }
    }
}
