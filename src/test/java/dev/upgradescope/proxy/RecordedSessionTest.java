package dev.upgradescope.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.capture.CaptureStore;
import dev.upgradescope.capture.ConnectionDissection;
import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.capture.Recorder;
import dev.upgradescope.capture.SessionReader;
import dev.upgradescope.dissect.upgrade.UpgradeOutcome;
import dev.upgradescope.testpeers.JdkWebSocketRoundTrip;
import dev.upgradescope.testpeers.RecordingRelay;
import dev.upgradescope.wire.Direction;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy recording through the real {@link Recorder} and dissectors into a session file: the
 * stored client leg equals what the client sent and received (seen by an independent tap), and
 * the connection's row and events show the tunnel, the WebSocket handshake and its messages.
 */
class RecordedSessionTest {

    @TempDir
    Path dir;

    @Test
    void webSocketThroughConnectIsStoredByteForByte() throws Exception {
        Path file = dir.resolve("ws.upgradescope");
        CaptureStore store = CaptureStore.create(file);
        Recorder recorder = new Recorder(store, ConnectionDissection.standard());
        RecordingRelay clientTap;
        int jettyPort;
        try (JettyPeer jetty = new JettyPeer();
             ProxyServer proxy = ProxyServer.start(ProxyConfig.of(List.of(
                     ListenerConfig.forward(new InetSocketAddress("127.0.0.1", 0)))), recorder)) {
            clientTap = RecordingRelay.to(proxy.address());
            jettyPort = jetty.port();
            HttpClient client = HttpClient.newBuilder().proxy(ProxySelector.of(clientTap.address())).build();
            JdkWebSocketRoundTrip.Result r = JdkWebSocketRoundTrip.run(client,
                    URI.create("ws://127.0.0.1:" + jetty.port() + "/echo"), "stored", "");
            assertThat(r.echoed()).isEqualTo("stored");
            MemorySink.await(() -> clientTap.ended(0));
        }
        recorder.close();
        store.close();
        clientTap.close();

        byte[] sent = clientTap.conversations().get(0).c2s();
        byte[] got = clientTap.conversations().get(0).s2c();
        try (SessionReader reader = SessionReader.open(file)) {
            ConnectionRow row = reader.connections(0, 10).get(0);
            assertThat(reader.connectionCount()).isEqualTo(1);
            assertThat(row.target()).isEqualTo("127.0.0.1:" + jettyPort);
            assertThat(row.c2sBytes()).isEqualTo(sent.length);
            assertThat(row.s2cBytes()).isEqualTo(got.length);
            assertThat(reader.bytes(row.id(), Direction.C2S, 0, sent.length)).isEqualTo(sent);
            assertThat(reader.bytes(row.id(), Direction.S2C, 0, got.length)).isEqualTo(got);
            assertThat(reader.notes(row.id())).anySatisfy(n -> assertThat(n.code()).isEqualTo(NoteCode.TUNNEL_HTTP));
            // the dissectors saw the tunnel, the WebSocket handshake and the frames
            assertThat(row.askedProtocols()).containsExactly("websocket");
            assertThat(row.status()).isEqualTo(101);
            assertThat(row.outcome()).isEqualTo(UpgradeOutcome.UPGRADED);
            assertThat(row.protocol()).isEqualTo("websocket");
            assertThat(row.frames()).isEqualTo(4);
            List<String> events = reader.events(row.id(), 0, 100).stream()
                    .map(e -> e.kind() + " " + (e.dir() == null ? "-" : e.dir().code()) + " " + e.summary()).toList();
            assertThat(events).contains("http-request c2s CONNECT 127.0.0.1:" + jettyPort + " HTTP/1.1",
                    "http-response s2c HTTP/1.1 200 Connection Established",
                    "ws-message c2s TEXT message len=6 \"stored\"",
                    "ws-message s2c TEXT message len=6 \"stored\"");
        }
    }
}
