package dev.upgradescope.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Host names are looked up off the event loop: a lookup that hangs holds back only its own connection. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hang, not a performance assertion
class UpstreamLookupTest {

    private static final byte[] ANSWER = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void aHangingLookupDoesNotHoldBackAnotherConnectionOnTheSameLoop() throws Exception {
        CountDownLatch looking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HostResolver resolver = host -> {
            if (host.equals("slow.test")) {
                looking.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return InetAddress.getLoopbackAddress();
            }
            if (host.equals("nowhere.test")) {
                throw new UnknownHostException(host);
            }
            return HostResolver.SYSTEM.resolve(host);
        };
        MemorySink sink = new MemorySink();
        try (RawPeers.Server origin = new RawPeers.Server(s -> {
                 RawPeers.readHead(s.getInputStream());
                 s.getOutputStream().write(ANSWER);
                 s.getOutputStream().flush();
             });
             ProxyServer proxy = ProxyServer.start(ProxyConfig.of(List.of(ListenerConfig.forward(
                     new InetSocketAddress("127.0.0.1", 0)))), sink, resolver, 1)) {
            CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> get(proxy.address(), "slow.test",
                    origin.port()));
            assertThat(looking.await(10, TimeUnit.SECONDS)).isTrue();
            // one event loop serves both connections: this one is answered while the other's lookup hangs
            assertThat(get(proxy.address(), "localhost", origin.port())).endsWith("\r\n\r\nok");
            assertThat(slow).isNotDone();
            assertThat(get(proxy.address(), "nowhere.test", origin.port())).startsWith("HTTP/1.1 502 ")
                    .contains("nowhere.test");
            release.countDown();
            assertThat(slow.get(10, TimeUnit.SECONDS)).endsWith("\r\n\r\nok");
        }
    }

    private static String get(InetSocketAddress proxy, String host, int port) {
        String authority = host + ":" + port;
        try (Socket s = new Socket(proxy.getAddress(), proxy.getPort())) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(("GET http://" + authority + "/ HTTP/1.1\r\nHost: " + authority
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            s.getInputStream().transferTo(all);
            return all.toString(StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
