package dev.upgradescope.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.Direction;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The driver as Netty tests its own handlers: the client side and every upstream are
 * {@link EmbeddedChannel}s, so what the driver does with each session command (and with each I/O
 * event) is seen without sockets or threads, time included.
 */
class SessionDriverTest {

    private static final ListenerConfig REVERSE = ListenerConfig.reverse(new InetSocketAddress("127.0.0.1", 0),
            URI.create("http://127.0.0.1:9000"));
    private static final ListenerConfig FORWARD = ListenerConfig.forward(new InetSocketAddress("127.0.0.1", 0));

    private final MemorySink sink = new MemorySink();
    private final UpstreamLookups lookups = new UpstreamLookups(HostResolver.SYSTEM);
    private final List<EmbeddedChannel> upstreams = new ArrayList<>();
    private final List<InetSocketAddress> dialled = new ArrayList<>();
    private final UpstreamDialer dialer = (loop, address, handler, config) -> {
        dialled.add(address);
        EmbeddedChannel up = new EmbeddedChannel(handler);
        upstreams.add(up);
        return up.newSucceededFuture();
    };

    @AfterEach
    void close() {
        lookups.close();
    }

    private EmbeddedChannel client(ListenerConfig listener, ProxyConfig config, ConnectionCaps caps) {
        EmbeddedChannel ch = new EmbeddedChannel(false, false);
        long idle = SessionDriver.firstIdleMillis(listener, config);
        ch.pipeline().addLast(SessionDriver.IDLE, new IdleStateHandler(0, 0, idle, TimeUnit.MILLISECONDS));
        ch.pipeline().addLast("session", new SessionDriver(listener, config, sink, lookups, caps, dialer, idle));
        try {
            ch.register();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return ch;
    }

    private EmbeddedChannel client(ListenerConfig listener, ProxyConfig config) {
        return client(listener, config, new ConnectionCaps(10, 10));
    }

    private static ByteBuf buf(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.ISO_8859_1);
    }

    private static String written(EmbeddedChannel ch) {
        StringBuilder all = new StringBuilder();
        for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
            all.append(b.toString(StandardCharsets.ISO_8859_1));
            b.release();
        }
        return all.toString();
    }

    @Test
    void bytesTravelBothWaysAndTheCaptureGetsBothDirections() {
        ProxyConfig config = ProxyConfig.of(List.of(REVERSE));
        EmbeddedChannel client = client(REVERSE, config);
        assertThat(dialled).containsExactly(new InetSocketAddress("127.0.0.1", 9000));
        EmbeddedChannel up = upstreams.get(0);
        String request = "GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n\r\n";
        client.writeInbound(buf(request));
        assertThat(written(up)).isEqualTo(request);
        up.writeInbound(buf("HTTP/1.1 101 Switching Protocols\r\n\r\n\u0081\u0002hi"));
        assertThat(written(client)).isEqualTo("HTTP/1.1 101 Switching Protocols\r\n\r\n\u0081\u0002hi");
        MemorySink.Conn conn = sink.get(0);
        assertThat(conn.text(Direction.C2S)).isEqualTo(request);
        assertThat(conn.text(Direction.S2C)).endsWith("\u0081\u0002hi");
        assertThat(conn.targets).containsExactly("127.0.0.1:9000");
    }

    @Test
    void anUpstreamFinIsPassedOnAndTheClientKeepsSending() {
        EmbeddedChannel client = client(REVERSE, ProxyConfig.of(List.of(REVERSE)));
        EmbeddedChannel up = upstreams.get(0);
        client.writeInbound(buf("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"));
        written(up);
        up.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        assertThat(sink.get(0).noteCodes()).containsExactly(NoteCode.UPSTREAM_CLOSED);
        assertThat(client.isOpen()).isTrue();
        client.writeInbound(buf("more"));
        assertThat(written(up)).isEqualTo("more");
    }

    @Test
    void theHeadDeadlineFiresOnTheLoopAfterItsTimeHoweverTheBytesTrickle() {
        ProxyConfig config = ProxyConfig.of(List.of(FORWARD)).withHeadDeadline(java.time.Duration.ofSeconds(5));
        EmbeddedChannel client = client(FORWARD, config);
        client.freezeTime();
        for (char c : "GET http://a.example/ HTTP/1.1\r\nHost".toCharArray()) {
            client.writeInbound(buf(String.valueOf(c)));
            client.advanceTimeBy(100, TimeUnit.MILLISECONDS);
            client.runScheduledPendingTasks();
        }
        assertThat(client.isOpen()).isTrue();
        client.advanceTimeBy(5, TimeUnit.SECONDS);
        client.runScheduledPendingTasks();
        assertThat(written(client)).startsWith("HTTP/1.1 408 Request Timeout\r\n");
        assertThat(client.isOpen()).isFalse();
        assertThat(sink.get(0).noteCodes()).contains(NoteCode.HEAD_DEADLINE);
        assertThat(upstreams).isEmpty();
    }

    @Test
    void aCompleteHeadCancelsTheDeadline() {
        ProxyConfig config = ProxyConfig.of(List.of(FORWARD)).withHeadDeadline(java.time.Duration.ofSeconds(5));
        EmbeddedChannel client = client(FORWARD, config);
        client.freezeTime();
        client.writeInbound(buf("GET http://127.0.0.1:9000/ HTTP/1.1\r\n"));
        client.writeInbound(buf("Host: 127.0.0.1:9000\r\n\r\n"));
        client.advanceTimeBy(6, TimeUnit.SECONDS);
        client.runScheduledPendingTasks();
        assertThat(client.isOpen()).isTrue();
        assertThat(written(upstreams.get(0))).startsWith("GET / HTTP/1.1\r\n");
    }

    @Test
    void aClientOverItsCapIsAnswered503AndItsPlaceIsFreedWhenAnotherCloses() {
        ConnectionCaps caps = new ConnectionCaps(10, 1);
        ProxyConfig config = ProxyConfig.of(List.of(REVERSE));
        EmbeddedChannel first = client(REVERSE, config, caps);
        EmbeddedChannel second = client(REVERSE, config, caps);
        assertThat(written(second)).startsWith("HTTP/1.1 503 Service Unavailable\r\n");
        assertThat(second.isOpen()).isFalse();
        assertThat(sink.get(1).noteCodes()).containsExactly(NoteCode.CLIENT_CAP);
        assertThat(caps.open()).isEqualTo(1);
        first.close();
        assertThat(caps.open()).isZero();
        EmbeddedChannel third = client(REVERSE, config, caps);
        assertThat(third.isOpen()).isTrue();
        assertThat(upstreams).hasSize(2); // the refused one opened no upstream
    }

    @Test
    void anUpstreamResetClosesTheClientAndIsNoted() {
        EmbeddedChannel client = client(REVERSE, ProxyConfig.of(List.of(REVERSE)));
        EmbeddedChannel up = upstreams.get(0);
        up.writeInbound(buf("\u0082\u007e\u0010"));
        assertThat(written(client)).isEqualTo("\u0082\u007e\u0010");
        up.pipeline().fireExceptionCaught(new IOException("Connection reset by peer"));
        assertThat(up.isOpen()).isFalse();
        assertThat(client.isOpen()).isFalse();
        assertThat(sink.get(0).noteCodes()).containsExactly(NoteCode.UPSTREAM_RESET);
    }

    @Test
    void anUpstreamThatClosesWithoutAResetIsAnOrdinaryClose() {
        EmbeddedChannel client = client(REVERSE, ProxyConfig.of(List.of(REVERSE)));
        upstreams.get(0).close();
        assertThat(client.isOpen()).isFalse();
        assertThat(sink.get(0).noteCodes()).containsExactly(NoteCode.UPSTREAM_CLOSED);
    }

    @Test
    void aFullCaptureStopsReadingFromBothSides() {
        ProxyConfig config = ProxyConfig.of(List.of(REVERSE));
        EmbeddedChannel client = client(REVERSE, config);
        assertThat(client.config().isAutoRead()).isTrue();
        assertThat(upstreams.get(0).config().isAutoRead()).isTrue();
        sink.capacity(0).changed(true);
        assertThat(client.config().isAutoRead()).isFalse();
        assertThat(upstreams.get(0).config().isAutoRead()).isFalse();
        sink.capacity(0).changed(false);
        assertThat(client.config().isAutoRead()).isTrue();
    }
}
