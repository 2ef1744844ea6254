package dev.upgradescope.proxy;

import dev.upgradescope.capture.CaptureSink;
import dev.upgradescope.capture.ConnectionInfo;
import dev.upgradescope.capture.ConnectionNote;
import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.wire.Direction;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Netty side of one proxied connection: turns the client channel's and the upstream channel's
 * I/O into {@link ProxySession} events and carries out the session's commands; it decides nothing
 * about the conversation. Everything runs on the client channel's event loop (the upstream channel
 * is registered on the same loop), so the session needs no locking.
 *
 * <p>Back-pressure: each side reads only while the other side is writable, and neither side reads
 * while the capture is full ({@link CaptureSink.Capacity}): the peers are then slowed by TCP flow
 * control to the rate the recording keeps, and nothing waits on the event loop. Half-closes are
 * passed on (both channels allow half-closure). Upstream host names are resolved off the loop.
 * The connection caps are counted here ({@link ConnectionCaps}); the session answers a refusal.
 *
 * <p>Per connection the driver does what the relay needs and little else, since on loopback a
 * proxied connection costs about as much CPU as the client and the server together: the upstream
 * channel is opened and connected at once when its address is an IP literal, and a side is
 * flushed only when something was written to it.
 */
final class SessionDriver extends ChannelInboundHandlerAdapter implements UpstreamSide.Events {

    static final String IDLE = "idle";

    private final ListenerConfig listener;
    private final ProxyConfig config;
    private final CaptureSink sink;
    private final UpstreamLookups lookups;
    private final ConnectionCaps caps;
    private final UpstreamDialer dialer;

    private ChannelHandlerContext client;
    private ProxySession session;
    private long conn;
    private Object clientKey;
    private Channel upstream;
    private int upstreamId;
    /** An upstream to open once the commands being carried out are done (keeps the session's events in order). */
    private SessionCommand.ConnectUpstream connectAfterCommands;
    /** Something was written to the client, or to the upstream, and not flushed yet. */
    private boolean clientUnflushed;
    private boolean upstreamUnflushed;
    private boolean sessionWantsRead = true;
    /** The capture's last word on this connection: true while it asks the proxy not to read. */
    private volatile boolean captureFull;
    private final PendingRecord[] pending = {new PendingRecord(), new PendingRecord()};
    /** The idle timeout the pipeline was built with, until the session first sets one; then -1. */
    private long installedIdleMillis;
    private ScheduledFuture<?> headDeadline;

    SessionDriver(ListenerConfig listener, ProxyConfig config, CaptureSink sink, UpstreamLookups lookups,
                  ConnectionCaps caps, UpstreamDialer dialer, long installedIdleMillis) {
        this.listener = listener;
        this.config = config;
        this.sink = sink;
        this.lookups = lookups;
        this.caps = caps;
        this.dialer = dialer;
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
        Channel ch = ctx.channel();
        ProxySession.Limits limits = ProxySession.Limits.of(config);
        SocketAddress bound = ch.parent() != null ? ch.parent().localAddress() : ch.localAddress();
        ListenerGate gate = ListenerGate.of(listener, config.access(),
                bound instanceof InetSocketAddress a ? a : null);
        session = listener.mode() == ListenerMode.REVERSE
                ? ProxySession.reverse(limits, listener.upstream(), gate)
                : ProxySession.forward(limits, config.interceptor(), gate);
        SocketAddress remote = ch.remoteAddress();
        Object key = remote instanceof InetSocketAddress a && a.getAddress() != null ? a.getAddress()
                : String.valueOf(remote);
        ProxySession.Admission admission = caps.admit(key);
        clientKey = admission == ProxySession.Admission.ADMITTED ? key : null;
        conn = sink.open(new ConnectionInfo(clientText(ch), listener.mode().code() + " " + listenerText(ch),
                listener.mode(), listener.upstream() == null ? "" : listener.upstream().toString(),
                System.currentTimeMillis(), System.nanoTime()), this::captureChanged);
        runNow(session.start(admission));
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
        if (clientKey != null) {
            caps.release(clientKey);
            clientKey = null;
        }
        cancelHeadDeadline();
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

    // ---- the upstream's events ----

    @Override
    public void upstreamData(int id, byte[] bytes) {
        run(session.onUpstreamData(id, bytes));
    }

    @Override
    public void upstreamBurstEnded() {
        endOfBurst();
    }

    @Override
    public boolean upstreamMayRead() {
        return !captureFull && client.channel().isWritable();
    }

    @Override
    public void upstreamInputEnded(int id) {
        if (id == upstreamId) {
            runNow(session.onUpstreamInputEnded(id));
        }
    }

    @Override
    public void upstreamClosed(int id, boolean reset) {
        if (id == upstreamId) {
            runNow(reset ? session.onUpstreamReset(id) : session.onUpstreamClosed(id));
        }
    }

    @Override
    public void upstreamWritabilityChanged(int id) {
        if (id == upstreamId) {
            updateReads();
        }
    }

    // ---- commands ----

    /**
     * Carries out commands; writes are flushed when the read burst ends (or by {@link #runNow}). An
     * upstream is opened after the last command, so what its opening tells the session (a failure
     * known at once) comes as the next event, never in the middle of these commands.
     */
    private void run(List<SessionCommand> commands) {
        for (SessionCommand c : commands) {
            execute(c);
        }
        if (connectAfterCommands != null) {
            SessionCommand.ConnectUpstream u = connectAfterCommands;
            connectAfterCommands = null;
            connect(u.id(), u.authority());
        }
    }

    /** Carries out commands of an event that is not a read, flushing writes and records at once. */
    private void runNow(List<SessionCommand> commands) {
        run(commands);
        endOfBurst();
    }

    /** A read burst ended: flush what was written to either side and hand the bytes to the capture. */
    private void endOfBurst() {
        if (clientUnflushed) {
            clientUnflushed = false;
            client.flush();
        }
        if (upstreamUnflushed) {
            upstreamUnflushed = false;
            if (upstream != null) {
                upstream.flush();
            }
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
        if (c instanceof SessionCommand.SendToClient s) {
            client.write(Unpooled.wrappedBuffer(s.bytes()), client.voidPromise());
            clientUnflushed = true;
            return;
        }
        if (c instanceof SessionCommand.SendToUpstream s) {
            upstream.write(Unpooled.wrappedBuffer(s.bytes()), upstream.voidPromise());
            upstreamUnflushed = true;
            return;
        }
        flushRecords(); // notes, targets and ends come after the bytes before them
        if (c instanceof SessionCommand.RecordEnd e) {
            sink.end(conn, e.dir(), now);
        } else if (c instanceof SessionCommand.RecordNote n) {
            sink.note(conn, new ConnectionNote(n.code(), n.detail(), now));
        } else if (c instanceof SessionCommand.RecordTarget t) {
            sink.target(conn, t.target());
        } else {
            executeOnChannels(c);
        }
    }

    private void executeOnChannels(SessionCommand c) {
        if (c instanceof SessionCommand.ShutdownClientOutput) {
            ChannelEnds.shutdownOutputAfterFlush(client.channel());
        } else if (c instanceof SessionCommand.ShutdownUpstreamOutput) {
            ChannelEnds.shutdownOutputAfterFlush(upstream);
        } else if (c instanceof SessionCommand.CloseClient) {
            ChannelEnds.closeAfterFlush(client.channel());
        } else if (c instanceof SessionCommand.ResetClient) {
            ChannelEnds.resetAfterFlush(client.channel());
        } else if (c instanceof SessionCommand.CloseUpstream) {
            ChannelEnds.closeAfterFlush(upstream);
            upstream = null;
            upstreamUnflushed = false;
            connectAfterCommands = null; // closed before it was opened: it never will be
        } else if (c instanceof SessionCommand.ConnectUpstream u) {
            upstreamId = u.id();
            upstream = null;
            upstreamUnflushed = false;
            connectAfterCommands = u;
        } else if (c instanceof SessionCommand.SetIdleTimeout t) {
            long millis = t.timeout().toMillis();
            boolean asInstalled = millis == installedIdleMillis;
            installedIdleMillis = -1;
            if (!asInstalled) {
                client.pipeline().replace(IDLE, IDLE, new IdleStateHandler(0, 0, millis, TimeUnit.MILLISECONDS));
            }
        } else if (c instanceof SessionCommand.ArmHeadDeadline d) {
            cancelHeadDeadline();
            headDeadline = client.executor().schedule(() -> runNow(session.onHeadDeadline(d.id())),
                    d.after().toNanos(), TimeUnit.NANOSECONDS);
        } else if (c instanceof SessionCommand.CancelHeadDeadline) {
            cancelHeadDeadline();
        } else if (c instanceof SessionCommand.ReadClient r) {
            sessionWantsRead = r.enabled();
            updateReads();
        }
    }

    private void cancelHeadDeadline() {
        if (headDeadline != null) {
            headDeadline.cancel(false);
            headDeadline = null;
        }
    }

    /** The client's address as the capture shows it: {@code 127.0.0.1:40000}, without a leading slash. */
    private static String clientText(Channel ch) {
        String text = String.valueOf(ch.remoteAddress());
        return text.startsWith("/") ? text.substring(1) : text;
    }

    private static String listenerText(Channel ch) {
        return ch.localAddress() instanceof InetSocketAddress a ? ProxyServer.text(a) : String.valueOf(ch.localAddress());
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

    /**
     * Opens upstream {@code id}: at once when the address is an IP literal, else once a lookup
     * thread has resolved the name (then on this loop again, unless the session moved on).
     */
    private void connect(int id, Authority to) {
        Channel ch = client.channel();
        if (!ch.isOpen()) {
            return;
        }
        CompletableFuture<InetSocketAddress> resolved = lookups.resolve(to.host(), to.port());
        if (resolved.isDone() && !resolved.isCompletedExceptionally()) {
            open(id, resolved.join());
            return;
        }
        resolved.whenComplete((address, failure) -> ch.eventLoop().execute(() -> {
            if (id != upstreamId || !ch.isOpen()) {
                return; // the session moved on while the name was looked up
            }
            if (failure != null) {
                runNow(session.onUpstreamFailed(id, classify(failure), String.valueOf(failure.getMessage())));
            } else {
                open(id, address);
            }
        }));
    }

    private void open(int id, InetSocketAddress address) {
        ChannelFuture f = dialer.dial(client.channel().eventLoop(), address, new UpstreamSide(id, this), config);
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
}
