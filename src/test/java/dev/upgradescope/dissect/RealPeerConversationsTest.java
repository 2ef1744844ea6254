package dev.upgradescope.dissect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.dissect.http2.H2Frame;
import dev.upgradescope.dissect.upgrade.SwitchedTo;
import dev.upgradescope.dissect.upgrade.UpgradeOutcome;
import dev.upgradescope.dissect.websocket.WsMessage;
import dev.upgradescope.testpeers.JettyPeers;
import dev.upgradescope.testpeers.RecordingRelay;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Severity;
import dev.upgradescope.wire.UnitKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketClose;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;

import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;

/**
 * Conversations between real, independent peers — the JDK's HTTP client, Jetty's WebSocket
 * client, Jetty 12 as server — recorded byte for byte on loopback and dissected.
 */
class RealPeerConversationsTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void jdkWebSocketClientAgainstJetty() throws Exception {
        Server server = JettyPeers.webSocketEcho();
        try (RecordingRelay relay = RecordingRelay.to(JettyPeers.port(server))) {
            BlockingQueue<String> echoes = new LinkedBlockingQueue<>();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + relay.port() + "/echo"), collecting(echoes))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            ws.sendText("{\"hello\": \"world\"}", true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(echoes.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("{\"hello\": \"world\"}");
            ws.sendBinary(ByteBuffer.wrap(new byte[300]), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(echoes.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("binary 300");
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(WAIT.toSeconds(), TimeUnit.SECONDS);

            RecordingRelay.Conversation recorded = relay.conversation(0, WAIT);
            Conversation c = Conversation.dissect(recorded.c2s(), recorded.s2c());

            assertThat(c.handshakes()).singleElement().satisfies(h -> {
                assertThat(h.outcome()).isEqualTo(UpgradeOutcome.UPGRADED);
                assertThat(h.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
            });
            assertThat(messages(c, Direction.C2S)).extracting(WsMessage::summary).containsExactly(
                    "TEXT message len=18 \"{\\\"hello\\\": \\\"world\\\"}\"", "BINARY message len=300");
            assertThat(messages(c, Direction.S2C)).extracting(m -> m.textValue().orElse("binary"))
                    .containsExactly("{\"hello\": \"world\"}", "binary");
            assertThat(c.units()).filteredOn(u -> u.kind() == UnitKind.WS_FRAME && u.dir() == Direction.C2S)
                    .allSatisfy(u -> assertThat(u.attributes()).containsEntry("masked", true))
                    .anySatisfy(u -> assertThat(u.attributes()).containsEntry("closeCode", 1000));
            assertNoErrors(c);
            coversEveryByte(c, recorded);
        } finally {
            server.stop();
        }
    }

    @Test
    void jettyClientWithPermessageDeflateAgainstJetty() throws Exception {
        Server server = JettyPeers.webSocketEcho();
        WebSocketClient client = new WebSocketClient();
        client.start();
        try (RecordingRelay relay = RecordingRelay.to(JettyPeers.port(server))) {
            JettyEndpoint endpoint = new JettyEndpoint();
            ClientUpgradeRequest request = new ClientUpgradeRequest();
            request.addExtensions("permessage-deflate");
            Session session = client.connect(endpoint, URI.create("ws://127.0.0.1:" + relay.port() + "/echo"), request)
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            String repetitive = "upgrade ".repeat(200);
            for (String text : List.of(repetitive, repetitive, "short")) {
                session.sendText(text, Callback.NOOP);
                assertThat(endpoint.texts.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(text);
            }
            session.close(StatusCode.NORMAL, "bye", Callback.NOOP);
            assertThat(endpoint.closed.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();

            RecordingRelay.Conversation recorded = relay.conversation(0, WAIT);
            Conversation c = Conversation.dissect(recorded.c2s(), recorded.s2c());

            assertThat(c.handshakes()).singleElement().satisfies(h -> {
                assertThat(h.outcome()).isEqualTo(UpgradeOutcome.UPGRADED);
                assertThat(h.switchedTo()).isInstanceOfSatisfying(SwitchedTo.WebSocket.class,
                        ws -> assertThat(ws.negotiation().deflate()).isPresent());
            });
            for (Direction dir : Direction.values()) {
                List<WsMessage> messages = messages(c, dir);
                assertThat(messages).extracting(m -> m.textValue().orElseThrow())
                        .containsExactly(repetitive, repetitive, "short");
                // With context takeover the second copy compresses to far fewer bytes than the first.
                assertThat(messages.get(0).compressed()).isTrue();
                assertThat(messages.get(1).wireLength()).isLessThan(messages.get(0).wireLength());
            }
            assertNoErrors(c);
            coversEveryByte(c, recorded);
        } finally {
            client.stop();
            server.stop();
        }
    }

    @Test
    void jdkClientH2cUpgradeThenAPostWithABodyAgainstJetty() throws Exception {
        Server server = JettyPeers.h2c();
        RecordingRelay.Conversation recorded;
        try (RecordingRelay relay = RecordingRelay.to(JettyPeers.port(server))) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
            URI uri = URI.create("http://127.0.0.1:" + relay.port() + "/");
            HttpResponse<String> first = client.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(first.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(first.body()).isEqualTo("GET 0 bytes");
            HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(1000))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(post.body()).isEqualTo("POST 1000 bytes");
            server.stop();
            recorded = relay.conversation(0, WAIT);
        } finally {
            server.stop();
        }
        Conversation c = Conversation.dissect(recorded.c2s(), recorded.s2c());

        assertThat(c.handshakes()).singleElement().satisfies(h -> {
            assertThat(h.outcome()).isEqualTo(UpgradeOutcome.UPGRADED);
            assertThat(h.switchedTo()).isInstanceOf(SwitchedTo.H2c.class);
        });
        List<H2Frame> frames = c.units().stream().filter(H2Frame.class::isInstance).map(H2Frame.class::cast).toList();
        assertThat(frames).filteredOn(f -> f.dir() == Direction.S2C).first()
                .satisfies(f -> assertThat(f.attributes()).containsEntry("type", "SETTINGS"));
        // The upgraded request is answered on stream 1; the POST goes on stream 3 with its body in DATA.
        assertThat(frames).anySatisfy(f -> {
            assertThat(f.dir()).isEqualTo(Direction.S2C);
            assertThat(f.attributes()).containsEntry("type", "HEADERS").containsEntry("streamId", 1);
        });
        assertThat(frames).anySatisfy(f -> {
            assertThat(f.dir()).isEqualTo(Direction.C2S);
            assertThat(f.attributes()).containsEntry("type", "HEADERS").containsEntry("streamId", 3);
            assertThat(f.attributes().get("headers").toString()).contains("[:method, POST]");
        });
        long postBody = frames.stream().filter(f -> f.dir() == Direction.C2S && f.streamId() == 3)
                .filter(f -> "DATA".equals(f.attributes().get("type"))).mapToLong(f -> (int) f.attributes().get("length"))
                .sum();
        assertThat(postBody).isEqualTo(1000);
        assertNoErrors(c);
        coversEveryByte(c, recorded);
    }

    private static List<WsMessage> messages(Conversation c, Direction dir) {
        return c.units().stream().filter(WsMessage.class::isInstance).map(WsMessage.class::cast)
                .filter(m -> m.dir() == dir).toList();
    }

    private static void assertNoErrors(Conversation c) {
        assertThat(c.units()).flatExtracting(u -> u.findings()).filteredOn(f -> f.severity() == Severity.ERROR)
                .isEmpty();
    }

    /** Frames and HTTP messages tile each stream: every recorded byte belongs to exactly one of them. */
    private static void coversEveryByte(Conversation c, RecordingRelay.Conversation recorded) {
        for (Direction dir : Direction.values()) {
            long covered = c.units().stream().filter(u -> u.dir() == dir)
                    .filter(u -> u.kind() != UnitKind.WS_MESSAGE)
                    .mapToLong(u -> u.length()).sum();
            assertThat(covered).as("bytes covered in %s", dir)
                    .isEqualTo(dir == Direction.C2S ? recorded.c2s().length : recorded.s2c().length);
        }
    }

    private static WebSocket.Listener collecting(BlockingQueue<String> echoes) {
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                echoes.add(data.toString());
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                echoes.add("binary " + data.remaining());
                webSocket.request(1);
                return null;
            }
        };
    }

    /** Jetty's client side: collects the echoed texts and the close. */
    @org.eclipse.jetty.websocket.api.annotations.WebSocket
    public static final class JettyEndpoint {
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final BlockingQueue<Integer> closed = new LinkedBlockingQueue<>();

        @OnWebSocketMessage
        public void onText(String text) {
            texts.add(text);
        }

        @OnWebSocketClose
        public void onClose(int status, String reason) {
            closed.add(status);
        }
    }
}
