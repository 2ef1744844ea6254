package dev.upgradescope.proxy;

import dev.upgradescope.capture.CaptureSink;
import dev.upgradescope.capture.ConnectionInfo;
import dev.upgradescope.capture.ConnectionNote;
import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.wire.Direction;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Netty side of one proxied connection: turns the client channel's and the upstream channel's
 * I/O into {@link ProxySession} events and carries out the session's commands. Everything runs on
 * the client channel's event loop (the upstream channel is registered on the same loop), so the
 * session needs no locking.
 *
 * <p>Back-pressure: each side reads only while the other side is writable, and neither side reads
 * while the capture is full ({@link CaptureSink.Capacity}): the peers are then slowed by TCP flow
 * control to the rate the recording keeps, and nothing waits on the event loop. Half-closes are
 * passed on (both channels allow half-closure). Upstream host names are resolved off the loop.
 */
final class SessionDriver extends ChannelInboundHandlerAdapter {

    static final String IDLE = "idle";

    private final ListenerConfig listener;
    private final ProxyConfig config;
    private final CaptureSink sink;
    private final UpstreamLookups lookups;

    private ChannelHandlerContext client;
    private ProxySession session;
    private long conn;
    private Channel upstream;
    private int upstreamId;
    private boolean sessionWantsRead = true;
    /** The capture's last word on this connection: true while it asks the proxy not to read. */
    private volatile boolean captureFull;
    private final PendingRecord[] pending = {new PendingRecord(), new PendingRecord()};
    /** The idle timeout the pipeline was built with, until the session first sets one; then -1. */
    private long installedIdleMillis;

    SessionDriver(ListenerConfig listener, ProxyConfig config, CaptureSink sink, UpstreamLookups lookups,
                  long installedIdleMillis) {
        this.listener = listener;
        this.config = config;
        this.sink = sink;
        this.lookups = lookups;
        this.installedIdleMillis = installedIdleMillis;
    }

    /**
     * The idle timeout a session of this listener starts with (a reverse one relays at once, a
     * forward one reads a head first), so the pipeline can be built with it and the session's first
     * {@link SessionCommand.SetIdleTimeout} need not replace the handler.
     */
    static long firstIdleMillis(ListenerConfig listener, ProxyConfig config) {
        return (listener.mode() == ListenerMode.REVERSE ? config.tunnelIdle() : config.headIdle()).toMillis();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        client = ctx;
        ProxySession.Limits limits = ProxySession.Limits.of(config);
        session = listener.mode() == ListenerMode.REVERSE
                ? ProxySession.reverse(limits, listener.upstream())
                : ProxySession.forward(limits, config.interceptor());
        conn = sink.open(new ConnectionInfo(clientText(ctx.channel()),
                listener.mode().code() + " " + ProxyServer.text((InetSocketAddress) ctx.channel().localAddress()),
                listener.mode(),
                listener.upstream() == null ? "" : listener.upstream().toString(),
                System.currentTimeMillis(), System.nanoTime()), this::captureChanged);
        runNow(session.start());
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            run(session.onClientData(ByteBufUtil.getBytes(buf)));
        } finally {
            buf.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        endOfBurst();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        runNow(session.onClientClosed());
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        updateReads();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            runNow(session.onIdle());
        } else if (evt instanceof ChannelInputShutdownEvent) {
            runNow(session.onClientInputEnded());
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a reset: channelInactive tells the session
    }

    /** Carries out commands; writes are flushed when the read burst ends (or by {@link #runNow}). */
    private void run(List<SessionCommand> commands) {
        for (SessionCommand c : commands) {
            execute(c);
        }
    }

    /** Carries out commands of an event that is not a read, flushing writes and records at once. */
    private void runNow(List<SessionCommand> commands) {
        run(commands);
        endOfBurst();
    }

    /** A read burst ended: flush what was written to either side and hand the bytes to the capture. */
    private void endOfBurst() {
        client.flush();
        if (upstream != null) {
            upstream.flush();
        }
        flushRecords();
    }

    private void execute(SessionCommand c) {
        long now = System.nanoTime();
        if (c instanceof SessionCommand.Record r) {
            PendingRecord p = pending[r.dir().ordinal()];
            p.add(r.bytes(), now);
            if (p.full()) {
                flushRecords();
            }
            return;
        }
        if (!(c instanceof SessionCommand.SendToClient || c instanceof SessionCommand.SendToUpstream)) {
            flushRecords(); // notes, targets and ends come after the bytes before them
        }
        if (c instanceof SessionCommand.SendToClient s) {
            client.write(Unpooled.wrappedBuffer(s.bytes()), client.voidPromise());
        } else if (c instanceof SessionCommand.SendToUpstream s) {
            upstream.write(Unpooled.wrappedBuffer(s.bytes()), upstream.voidPromise());
        } else if (c instanceof SessionCommand.RecordEnd e) {
            sink.end(conn, e.dir(), now);
        } else if (c instanceof SessionCommand.RecordNote n) {
            sink.note(conn, new ConnectionNote(n.code(), n.detail(), now));
        } else if (c instanceof SessionCommand.RecordTarget t) {
            sink.target(conn, t.target());
        } else if (c instanceof SessionCommand.ShutdownClientOutput) {
            shutdownOutputAfterFlush(client.channel());
        } else if (c instanceof SessionCommand.ShutdownUpstreamOutput) {
            shutdownOutputAfterFlush(upstream);
        } else if (c instanceof SessionCommand.CloseClient) {
            closeAfterFlush(client.channel());
        } else if (c instanceof SessionCommand.CloseUpstream) {
            closeAfterFlush(upstream);
            upstream = null;
        } else if (c instanceof SessionCommand.ConnectUpstream u) {
            connect(u.id(), u.authority());
        } else if (c instanceof SessionCommand.SetIdleTimeout t) {
            long millis = t.timeout().toMillis();
            boolean asInstalled = millis == installedIdleMillis;
            installedIdleMillis = -1;
            if (!asInstalled) {
                client.pipeline().replace(IDLE, IDLE, new IdleStateHandler(0, 0, millis, TimeUnit.MILLISECONDS));
            }
        } else if (c instanceof SessionCommand.ReadClient r) {
            sessionWantsRead = r.enabled();
            updateReads();
        }
    }

    /** The client's address as the capture shows it: {@code 127.0.0.1:40000}, without a leading slash. */
    private static String clientText(Channel ch) {
        String text = String.valueOf(ch.remoteAddress());
        return text.startsWith("/") ? text.substring(1) : text;
    }

    /** Hands the gathered bytes of both directions to the capture. */
    private void flushRecords() {
        for (Direction d : Direction.values()) {
            PendingRecord p = pending[d.ordinal()];
            if (!p.isEmpty()) {
                long at = p.nanos();
                sink.chunk(conn, d, at, p.take());
            }
        }
    }

    /** The capture's capacity changed; may be called from any thread (the last call made wins). */
    private void captureChanged(boolean full) {
        captureFull = full;
        Channel ch = client.channel();
        if (ch.eventLoop().inEventLoop()) {
            updateReads();
        } else {
            try {
                ch.eventLoop().execute(this::updateReads);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // the proxy is shutting down: nothing more to read
            }
        }
    }

    /**
     * Reads from the client while the session wants its bytes, the upstream can take them and the
     * capture has room; from the upstream while the client can take its bytes and the capture has room.
     */
    private void updateReads() {
        boolean room = !captureFull;
        client.channel().config().setAutoRead(sessionWantsRead && room
                && (upstream == null || upstream.isWritable()));
        if (upstream != null) {
            upstream.config().setAutoRead(room && client.channel().isWritable());
        }
    }

    private static void shutdownOutputAfterFlush(Channel ch) {
        if (ch instanceof SocketChannel s && ch.isOpen()) {
            ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> {
                if (s.isOpen() && !s.isOutputShutdown()) {
                    s.shutdownOutput();
                }
            });
        }
    }

    private static void closeAfterFlush(Channel ch) {
        if (ch != null && ch.isOpen()) {
            ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void connect(int id, Authority to) {
        upstreamId = id;
        upstream = null;
        lookups.resolve(to.host(), to.port()).whenComplete((address, failure) -> {
            Channel ch = client.channel();
            ch.eventLoop().execute(() -> {
                if (id != upstreamId || !ch.isOpen()) {
                    return; // the session moved on while the name was looked up
                }
                if (failure != null) {
                    runNow(session.onUpstreamFailed(id, classify(failure), String.valueOf(failure.getMessage())));
                } else {
                    open(id, address);
                }
            });
        });
    }

    private void open(int id, InetSocketAddress address) {
        Bootstrap b = new Bootstrap()
                .group(client.channel().eventLoop())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(config.lowWaterMark(), config.highWaterMark()))
                .handler(new UpstreamSide(id));
        ChannelFuture f = b.connect(address);
        upstream = f.channel();
        f.addListener((ChannelFuture done) -> {
            if (id != upstreamId) {
                return;
            }
            if (done.isSuccess()) {
                runNow(session.onUpstreamConnected(id));
                updateReads();
            } else {
                Throwable t = done.cause();
                runNow(session.onUpstreamFailed(id, classify(t), String.valueOf(t.getMessage())));
            }
        });
    }

    private static UpstreamFailure classify(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnknownHostException) {
                return UpstreamFailure.UNKNOWN_HOST;
            }
            if (c instanceof ConnectException) {
                return UpstreamFailure.REFUSED;
            }
        }
        return UpstreamFailure.OTHER;
    }

    /** Events from one upstream channel, tagged with its number so late events of an old one are ignored. */
    private final class UpstreamSide extends ChannelInboundHandlerAdapter {
        private final int id;

        UpstreamSide(int id) {
            this.id = id;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            try {
                run(session.onUpstreamData(id, ByteBufUtil.getBytes(buf)));
            } finally {
                buf.release();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            endOfBurst();
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.channel().config().setAutoRead(!captureFull && client.channel().isWritable());
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof ChannelInputShutdownEvent) {
                if (id == upstreamId) {
                    runNow(session.onUpstreamInputEnded(id));
                }
            } else {
                ctx.fireUserEventTriggered(evt);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (id == upstreamId) {
                runNow(session.onUpstreamClosed(id));
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (id == upstreamId) {
                updateReads();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
