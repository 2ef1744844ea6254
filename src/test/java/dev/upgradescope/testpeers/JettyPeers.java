package dev.upgradescope.testpeers;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Jetty 12 servers on loopback, as independent peers: a WebSocket echo server (permessage-deflate
 * available, as Jetty offers it by default) at {@code /echo}, and an HTTP/1.1 server that accepts
 * the h2c upgrade and answers every request with a short text naming its method and body size.
 */
public final class JettyPeers {

    private JettyPeers() {
    }

    /** A started server with a WebSocket echo endpoint at {@code /echo}; other paths answer 200. */
    public static Server webSocketEcho() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        server.addConnector(connector);
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server,
                container -> container.addMapping("/echo", (req, resp, cb) -> new Echo()));
        ws.setHandler(new TextAnswer());
        server.setHandler(ws);
        server.start();
        return server;
    }

    /** A started server that speaks HTTP/1.1 and accepts {@code Upgrade: h2c}. */
    public static Server h2c() throws Exception {
        Server server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config),
                new HTTP2CServerConnectionFactory(config));
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        server.addConnector(connector);
        server.setHandler(new TextAnswer());
        server.start();
        return server;
    }

    public static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Echoes every message back as it came (text as text, binary as binary). */
    @WebSocket
    public static final class Echo {
        @OnWebSocketMessage
        public void onText(Session session, String text) {
            session.sendText(text, org.eclipse.jetty.websocket.api.Callback.NOOP);
        }

        @OnWebSocketMessage
        public void onBinary(Session session, ByteBuffer payload, org.eclipse.jetty.websocket.api.Callback done) {
            session.sendBinary(payload, done);
        }
    }

    /** Reads the whole request body and answers {@code METHOD n bytes}. */
    static final class TextAnswer extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String body = Content.Source.asString(request);
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            Content.Sink.write(response, true, request.getMethod() + " " + body.length() + " bytes", callback);
            return true;
        }
    }
}
