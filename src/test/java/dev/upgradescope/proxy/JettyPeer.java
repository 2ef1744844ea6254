package dev.upgradescope.proxy;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Jetty 12 as the independent server of the integration tests: a WebSocket echo at {@code /echo}
 * (permessage-deflate offered by default), h2c upgrade on every path, {@code /426} answering
 * {@code 426 Upgrade Required}, and {@code hello over HTTP/x} everywhere else.
 */
final class JettyPeer implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector connector;

    JettyPeer() throws Exception {
        HttpConfiguration hc = new HttpConfiguration();
        connector = new ServerConnector(server, new HttpConnectionFactory(hc), new HTTP2CServerConnectionFactory(hc));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ContextHandler context = new ContextHandler("/");
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, context,
                container -> container.addMapping("/echo", (rq, rs, cb) -> new Echo()));
        ws.setHandler(new Hello());
        context.setHandler(ws);
        server.setHandler(context);
        server.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", connector.getLocalPort());
    }

    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Sends back every message it receives. */
    public static final class Echo implements Session.Listener.AutoDemanding {
        private Session session;

        @Override
        public void onWebSocketOpen(Session s) {
            this.session = s;
        }

        @Override
        public void onWebSocketText(String message) {
            session.sendText(message, org.eclipse.jetty.websocket.api.Callback.NOOP);
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, org.eclipse.jetty.websocket.api.Callback callback) {
            ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
            callback.succeed();
            session.sendBinary(copy, org.eclipse.jetty.websocket.api.Callback.NOOP);
        }
    }

    private static final class Hello extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            if (Request.getPathInContext(request).equals("/426")) {
                response.setStatus(426);
                response.getHeaders().put(HttpHeader.UPGRADE, "websocket");
                response.getHeaders().put(HttpHeader.CONNECTION, "Upgrade");
                response.write(true, ByteBuffer.wrap("upgrade required\n".getBytes(StandardCharsets.US_ASCII)), callback);
                return true;
            }
            String body = "hello over " + request.getConnectionMetaData().getProtocol() + "\n";
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
            response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.US_ASCII)), callback);
            return true;
        }
    }
}
