package dev.upgradescope.proxy;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannelConfig;
import java.net.InetSocketAddress;

/**
 * Opens the channel of an upstream connection for a {@link SessionDriver}: the proxy's own is
 * {@link #NIO}; the driver's tests give one that hands out embedded channels.
 */
@FunctionalInterface
interface UpstreamDialer {

    /**
     * Creates a channel on {@code loop} with {@code handler} in its pipeline and connects it to
     * {@code address}; the future is the connect's, and its channel is the upstream's.
     */
    ChannelFuture dial(EventLoop loop, InetSocketAddress address, ChannelHandler handler, ProxyConfig config);

    /**
     * Creates a {@link RelayChannel} on the client's loop and connects it, without a queued task or a
     * {@code Bootstrap}. Netty turns TCP_NODELAY on for every socket it creates, so only the options
     * it does not set are set here; registering on the loop we are on completes at once.
     */
    UpstreamDialer NIO = (loop, address, handler, config) -> {
        RelayChannel ch = new RelayChannel();
        SocketChannelConfig options = ch.config();
        options.setAllowHalfClosure(true);
        options.setConnectTimeoutMillis(10_000);
        options.setWriteBufferWaterMark(new WriteBufferWaterMark(config.lowWaterMark(), config.highWaterMark()));
        ch.pipeline().addLast(handler);
        ChannelPromise f = ch.newPromise();
        loop.register(ch).addListener((ChannelFuture registered) -> {
            if (registered.isSuccess()) {
                ch.connect(address, f);
            } else {
                ch.unsafe().closeForcibly();
                f.setFailure(registered.cause());
            }
        });
        return f;
    };
}
