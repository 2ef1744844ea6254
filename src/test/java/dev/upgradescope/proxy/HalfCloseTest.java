package dev.upgradescope.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.Direction;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client that ends its side (FIN) right after its request still reads the whole response, through
 * the reverse and the forward listener; an upstream that ends its side first still reads what the
 * client sends afterwards; each direction's end is recorded.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hang, not a performance assertion
class HalfCloseTest {

    /** Larger than the socket buffers, so the response is still flowing when the request's FIN arrives. */
    private static final byte[] BODY = RawPeers.randomBytes(3 << 20, 7);

    /** Reads the request until the client's FIN, then answers and closes. */
    private static void answerAfterFin(java.net.Socket s) throws java.io.IOException {
        byte[] request = RawPeers.readToEnd(s.getInputStream());
        String head = "HTTP/1.1 200 OK\r\nContent-Length: " + BODY.length + "\r\nX-Request-Bytes: " + request.length
                + "\r\nConnection: close\r\n\r\n";
        s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().write(BODY);
        s.getOutputStream().flush();
    }

    @Test
    void throughTheReverseListener() throws Exception {
        MemorySink sink = new MemorySink();
        try (RawPeers.Server origin = new RawPeers.Server(HalfCloseTest::answerAfterFin);
             ProxyServer proxy = ProxyServer.start(ProxyConfig.of(List.of(ListenerConfig.reverse(
                     new InetSocketAddress("127.0.0.1", 0), URI.create("http://127.0.0.1:" + origin.port())))), sink)) {
            String request = "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello";
            byte[] response = requestThenFin(proxy.address(), request);
            assertResponse(response, request.length());
            MemorySink.Conn conn = sink.awaitEnded(0);
            assertThat(conn.text(Direction.C2S)).isEqualTo(request);
            assertThat(conn.bytes(Direction.S2C)).isEqualTo(response);
        }
    }

    @Test
    void throughTheForwardListenerToAHostName() throws Exception {
        MemorySink sink = new MemorySink();
        try (RawPeers.Server origin = new RawPeers.Server(HalfCloseTest::answerAfterFin);
             ProxyServer proxy = ProxyServer.start(ProxyConfig.of(List.of(ListenerConfig.forward(
                     new InetSocketAddress("127.0.0.1", 0)))), sink)) {
            String request = "GET http://localhost:" + origin.port() + "/file HTTP/1.1\r\nHost: localhost:"
                    + origin.port() + "\r\n\r\n";
            byte[] response = requestThenFin(proxy.address(), request);
            String originForm = request.replace("http://localhost:" + origin.port(), "");
            assertResponse(response, originForm.length());
            MemorySink.Conn conn = sink.awaitEnded(0);
            assertThat(conn.text(Direction.C2S)).isEqualTo(request);
            assertThat(conn.bytes(Direction.S2C)).isEqualTo(response);
        }
    }

    @Test
    void anUpstreamThatEndsItsSideFirstStillReadsTheClient() throws Exception {
        MemorySink sink = new MemorySink();
        byte[] greeting = "hello, then FIN".getBytes(StandardCharsets.US_ASCII);
        java.util.concurrent.CompletableFuture<byte[]> heard = new java.util.concurrent.CompletableFuture<>();
        try (RawPeers.Server origin = new RawPeers.Server(s -> {
                 s.getOutputStream().write(greeting);
                 s.getOutputStream().flush();
                 s.shutdownOutput();
                 heard.complete(RawPeers.readToEnd(s.getInputStream()));
             });
             ProxyServer proxy = ProxyServer.start(ProxyConfig.of(List.of(ListenerConfig.reverse(
                     new InetSocketAddress("127.0.0.1", 0), URI.create("http://127.0.0.1:" + origin.port())))), sink);
             Socket client = new Socket(proxy.address().getAddress(), proxy.address().getPort())) {
            client.setSoTimeout(20_000);
            // the proxy passes the upstream's FIN on: the client reads to the end of the stream
            assertThat(RawPeers.readToEnd(client.getInputStream())).isEqualTo(greeting);
            byte[] after = RawPeers.randomBytes(1 << 20, 11);
            client.getOutputStream().write(after);
            client.getOutputStream().flush();
            client.shutdownOutput();
            assertThat(heard.get(20, TimeUnit.SECONDS)).isEqualTo(after);
            MemorySink.Conn conn = sink.awaitEnded(0);
            assertThat(conn.bytes(Direction.S2C)).isEqualTo(greeting);
            assertThat(conn.bytes(Direction.C2S)).isEqualTo(after);
        }
    }

    private static byte[] requestThenFin(InetSocketAddress proxy, String request) throws Exception {
        try (Socket s = new Socket(proxy.getAddress(), proxy.getPort())) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toByteArray();
        }
    }

    private static void assertResponse(byte[] response, int requestBytes) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("HTTP/1.1 200 OK\r\n").contains("X-Request-Bytes: " + requestBytes + "\r\n");
        int body = text.indexOf("\r\n\r\n") + 4;
        assertThat(response.length - body).isEqualTo(BODY.length);
        assertThat(java.util.Arrays.copyOfRange(response, body, response.length)).isEqualTo(BODY);
    }
}
