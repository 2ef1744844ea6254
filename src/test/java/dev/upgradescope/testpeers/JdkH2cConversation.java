package dev.upgradescope.testpeers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.Server;

/**
 * A real h2c conversation recorded on loopback: the JDK HTTP client upgrades to HTTP/2 with a Jetty 12
 * h2c server (RFC 7540 §3.2) through a {@link RecordingRelay} and GETs each path on the one
 * connection; the server's answers are checked to be HTTP/2 and {@code GET 0 bytes}.
 */
public final class JdkH2cConversation {

    private JdkH2cConversation() {
    }

    public static RecordingRelay.Conversation record(List<String> paths) throws Exception {
        Server server = JettyPeers.h2c();
        try (RecordingRelay relay = RecordingRelay.to(JettyPeers.port(server))) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            for (String path : paths) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + relay.port() + path)).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.version() != HttpClient.Version.HTTP_2 || !r.body().equals("GET 0 bytes")) {
                    throw new IllegalStateException("not an HTTP/2 answer from Jetty: " + r.version() + " " + r.body());
                }
            }
            server.stop();
            return relay.conversation(0, Duration.ofSeconds(20));
        } finally {
            server.stop();
        }
    }
}
