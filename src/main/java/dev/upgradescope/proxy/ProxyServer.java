package dev.upgradescope.proxy;

import dev.upgradescope.capture.CaptureSink;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.NettyRuntime;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The running proxy: one or more listeners (forward, reverse) sharing one pair of event loop
 * groups, every accepted connection driven by its own {@link ProxySession} and recorded through
 * the {@link CaptureSink}. Start it with {@link #start}; {@link #close} stops accepting, closes
 * every connection and waits for the loops to end.
 */
public final class ProxyServer implements AutoCloseable {

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final List<Channel> listeners;
    private final UpstreamLookups lookups;

    private ProxyServer(EventLoopGroup boss, EventLoopGroup workers, List<Channel> listeners,
                        UpstreamLookups lookups) {
        this.boss = boss;
        this.workers = workers;
        this.listeners = listeners;
        this.lookups = lookups;
    }

    /** Binds every listener of {@code config}; throws (and binds nothing) if one cannot bind. */
    public static ProxyServer start(ProxyConfig config, CaptureSink sink) throws IOException {
        return start(config, sink, HostResolver.SYSTEM, 0);
    }

    /**
     * As {@link #start(ProxyConfig, CaptureSink)} with a resolver and a number of event loops for the
     * connections (0: one per processor). One loop per processor, not Netty's default of two: a
     * proxied connection is short work on one loop, and loops beyond the processors only add
     * wake-ups and thread switches (on 2 processors, 4 loops cost about a third more CPU per
     * connection than 2).
     */
    static ProxyServer start(ProxyConfig config, CaptureSink sink, HostResolver resolver, int loops)
            throws IOException {
        // named threads, with the priority Netty gives its own event loops
        EventLoopGroup boss = new NioEventLoopGroup(1,
                new DefaultThreadFactory("upgradescope-accept", Thread.MAX_PRIORITY));
        EventLoopGroup workers = new NioEventLoopGroup(loops > 0 ? loops : NettyRuntime.availableProcessors(),
                new DefaultThreadFactory("upgradescope-proxy", Thread.MAX_PRIORITY));
        UpstreamLookups lookups = new UpstreamLookups(resolver);
        ConnectionCaps caps = new ConnectionCaps(config.maxConnections(), config.maxConnectionsPerClient());
        List<Channel> bound = new ArrayList<>();
        try {
            for (ListenerConfig l : config.listeners()) {
                bound.add(bind(boss, workers, l, config, sink, lookups, caps));
            }
        } catch (IOException | RuntimeException e) {
            bound.forEach(Channel::close);
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            lookups.close();
            throw e;
        }
        return new ProxyServer(boss, workers, List.copyOf(bound), lookups);
    }

    private static Channel bind(EventLoopGroup boss, EventLoopGroup workers, ListenerConfig listener,
                                ProxyConfig config, CaptureSink sink, UpstreamLookups lookups, ConnectionCaps caps)
            throws IOException {
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channelFactory((io.netty.channel.ChannelFactory<RelayServerChannel>) RelayServerChannel::new)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                // TCP_NODELAY: Netty turns it on for every socket it creates; setting it again costs a system call
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(config.lowWaterMark(), config.highWaterMark()))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        long idle = SessionDriver.firstIdleMillis(listener, config);
                        ch.pipeline().addLast(SessionDriver.IDLE,
                                new IdleStateHandler(0, 0, idle, TimeUnit.MILLISECONDS));
                        ch.pipeline().addLast("session", new SessionDriver(listener, config, sink, lookups, caps,
                                UpstreamDialer.NIO, idle));
                    }
                });
        try {
            return b.bind(listener.address()).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding " + text(listener.address()), e);
        } catch (Exception e) {
            throw new IOException("cannot listen on " + text(listener.address()) + ": " + e.getMessage(), e);
        }
    }

    /** The bound addresses, in the order of the configured listeners (real ports when 0 was asked). */
    public List<InetSocketAddress> addresses() {
        return listeners.stream().map(c -> (InetSocketAddress) c.localAddress()).toList();
    }

    /** The first listener's bound address. */
    public InetSocketAddress address() {
        return addresses().get(0);
    }

    /** Stops listening, closes every connection and ends the event loops (waits up to a few seconds). */
    @Override
    public void close() {
        listeners.forEach(Channel::close);
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        lookups.close();
    }

    static String text(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
