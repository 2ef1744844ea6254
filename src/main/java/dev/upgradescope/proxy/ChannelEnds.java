package dev.upgradescope.proxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;

/** How the driver ends one side of a connection, each time after what was written to it has gone. */
final class ChannelEnds {

    private ChannelEnds() {
    }

    /** Sends the FIN while still reading (half-close). */
    static void shutdownOutputAfterFlush(Channel ch) {
        if (ch instanceof SocketChannel s && ch.isOpen()) {
            ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> {
                if (s instanceof RelayChannel relay) {
                    try {
                        relay.endOutput();
                    } catch (java.io.IOException e) {
                        // the connection is gone: its close comes as an event of its own
                    }
                } else if (s.isOpen() && !s.isOutputShutdown()) {
                    s.shutdownOutput();
                }
            });
        }
    }

    /** Closes (the FIN goes after what was written). */
    static void closeAfterFlush(Channel ch) {
        if (ch != null && ch.isOpen()) {
            ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Closes with a reset (RST): {@code SO_LINGER} 0 makes the close abortive. */
    static void resetAfterFlush(Channel ch) {
        if (ch != null && ch.isOpen()) {
            ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> {
                ch.config().setOption(ChannelOption.SO_LINGER, 0);
                ch.close();
            });
        }
    }
}
