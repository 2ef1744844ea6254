package dev.upgradescope.proxy;

import io.netty.channel.Channel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * The proxy's NIO socket channel (both legs of a connection): a Netty {@link NioSocketChannel} that
 * can also end its output straight at the socket. Netty's own {@code shutdownOutput} builds an
 * exception with a full stack trace every time (to fail writes that come later), which costs about
 * as much CPU as the system call; the driver ends a side's output only after everything written to
 * it has gone out, and writes nothing to that side afterwards, so it has no later writes to fail.
 */
final class RelayChannel extends NioSocketChannel {

    /** A channel for an upstream connection. */
    RelayChannel() {
    }

    /** A channel for a connection {@code parent} accepted. */
    RelayChannel(Channel parent, SocketChannel socket) {
        super(parent, socket);
    }

    /**
     * Sends the FIN (shutdown of the socket's output) while still reading. Call on the channel's
     * event loop, after what was written has been flushed.
     */
    void endOutput() throws IOException {
        SocketChannel socket = javaChannel();
        if (socket.isOpen() && !socket.socket().isOutputShutdown()) {
            socket.shutdownOutput();
        }
    }
}
