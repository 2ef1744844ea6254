package dev.upgradescope.testpeers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's WebSocket client as a test peer: opens {@code uri}, sends one text, waits for its echo,
 * then closes normally and waits for the server's Close.
 */
public final class JdkWebSocketRoundTrip {

    /** What came back: the echoed text and the status of the server's Close. */
    public record Result(String echoed, int closeStatus) {
    }

    private static final long WAIT_SECONDS = 10;

    private JdkWebSocketRoundTrip() {
    }

    public static Result run(HttpClient client, URI uri, String text, String closeReason) throws Exception {
        CompletableFuture<String> echoed = new CompletableFuture<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket ws = client.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                echoed.complete(data.toString());
                w.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
                closed.complete(status);
                return null;
            }
        }).get(WAIT_SECONDS, TimeUnit.SECONDS);
        ws.sendText(text, true).get(WAIT_SECONDS, TimeUnit.SECONDS);
        String echo = echoed.get(WAIT_SECONDS, TimeUnit.SECONDS);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, closeReason).get(WAIT_SECONDS, TimeUnit.SECONDS);
        return new Result(echo, closed.get(WAIT_SECONDS, TimeUnit.SECONDS));
    }
}
