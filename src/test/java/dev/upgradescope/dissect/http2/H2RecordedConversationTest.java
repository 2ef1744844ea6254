package dev.upgradescope.dissect.http2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Severity;
import dev.upgradescope.wire.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real independent peers on loopback: the JDK HTTP client upgrades to h2c with a Jetty 12 server
 * through a small recording relay; the bytes after the 101 are dissected.
 */
class H2RecordedConversationTest {

    @Test
    @Timeout(60)
    void jdkClientUpgradingToJettyH2c() throws Exception {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http),
                new HTTP2CServerConnectionFactory(http));
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.getHeaders().put("content-type", "text/plain");
                response.write(true, ByteBuffer.wrap("hello h2c".getBytes(StandardCharsets.US_ASCII)), callback);
                return true;
            }
        });
        server.start();
        try (Relay relay = new Relay(connector.getLocalPort())) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            for (String path : List.of("/first", "/second")) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + relay.port() + path)).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.body()).isEqualTo("hello h2c");
                assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
            }
            dissect(relay.c2s(), relay.s2c());
        } finally {
            server.stop();
        }
    }

    private static void dissect(byte[] c2s, byte[] s2c) {
        String request = new String(c2s, StandardCharsets.ISO_8859_1);
        String response = new String(s2c, StandardCharsets.ISO_8859_1);
        assertThat(response).startsWith("HTTP/1.1 101");
        int c2sStart = request.indexOf("\r\n\r\n") + 4;
        int s2cStart = response.indexOf("\r\n\r\n") + 4;
        Matcher m = Pattern.compile("(?i)\r\nHTTP2-Settings: *([A-Za-z0-9_-]*)").matcher(request);
        assertThat(m.find()).isTrue();
        byte[] settings = Base64.getUrlDecoder().decode(m.group(1));
        List<Setting> fromHeader = SettingsPayload.read(settings, 0, settings.length,
                p -> ByteRange.of(Direction.C2S, 0, 6));

        H2Dissector d = new H2Dissector(H2Config.afterUpgrade(fromHeader));
        List<Unit> units = new ArrayList<>(d.feed(Direction.S2C, s2cStart, s2c, s2cStart, s2c.length));
        units.addAll(d.feed(Direction.C2S, c2sStart, c2s, c2sStart, c2s.length));

        List<String> summaries = units.stream().map(Unit::summary).toList();
        assertThat(summaries).contains("PRI * HTTP/2.0 (connection preface)");
        assertThat(summaries).anySatisfy(s -> assertThat(s).matches("<< 0x00000001 +\\d+ HEADERS +END_HEADERS 200"));
        assertThat(summaries).anySatisfy(s -> assertThat(s).matches(">> 0x00000003 +\\d+ HEADERS +END_STREAM\\|END_HEADERS GET /second"));
        assertThat(summaries).anySatisfy(s -> assertThat(s).startsWith("<< 0x00000003") .contains("DATA"));
        assertThat(units.get(0).summary()).startsWith("<< 0x00000000").contains("SETTINGS");
        List<Finding> serious = units.stream().flatMap(u -> u.findings().stream())
                .filter(f -> f.severity() != Severity.INFO).toList();
        assertThat(serious).isEmpty();
    }

    /** Forwards one connection to the server and records both directions. */
    private static final class Relay implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final ByteArrayOutputStream c2s = new ByteArrayOutputStream();
        private final ByteArrayOutputStream s2c = new ByteArrayOutputStream();
        private final List<Socket> sockets = new ArrayList<>();
        private final Thread acceptor;

        Relay(int serverPort) throws IOException {
            acceptor = new Thread(() -> {
                try {
                    Socket client = listener.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                    synchronized (sockets) {
                        sockets.add(client);
                        sockets.add(upstream);
                    }
                    pump(client.getInputStream(), upstream.getOutputStream(), c2s);
                    pump(upstream.getInputStream(), client.getOutputStream(), s2c);
                } catch (IOException closed) {
                    // the test is over
                }
            }, "relay-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        private static void pump(InputStream in, OutputStream out, ByteArrayOutputStream record) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[8192];
                try {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        synchronized (record) {
                            record.write(buf, 0, n);
                        }
                        out.write(buf, 0, n);
                        out.flush();
                    }
                } catch (IOException closed) {
                    // connection closed
                }
            }, "relay-pump");
            t.setDaemon(true);
            t.start();
        }

        byte[] c2s() {
            synchronized (c2s) {
                return c2s.toByteArray();
            }
        }

        byte[] s2c() {
            synchronized (s2c) {
                return s2c.toByteArray();
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
            synchronized (sockets) {
                for (Socket s : sockets) {
                    s.close();
                }
            }
        }
    }
}
