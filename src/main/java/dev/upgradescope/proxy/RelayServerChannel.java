package dev.upgradescope.proxy;

import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * The proxy's listening channel: a Netty {@link NioServerSocketChannel} whose accepted connections are
 * {@link RelayChannel}s.
 */
final class RelayServerChannel extends NioServerSocketChannel {

    @Override
    protected int doReadMessages(List<Object> accepted) throws Exception {
        SocketChannel socket = javaChannel().accept();
        if (socket == null) {
            return 0;
        }
        try {
            accepted.add(new RelayChannel(this, socket));
            return 1;
        } catch (RuntimeException e) {
            socket.close(); // could not be made non-blocking: the client sees the connection closed
            return 0;
        }
    }
}
