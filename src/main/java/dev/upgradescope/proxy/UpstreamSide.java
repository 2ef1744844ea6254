package dev.upgradescope.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.io.IOException;

/**
 * The I/O of one upstream channel, turned into the driver's events and tagged with the upstream's
 * number so late events of an old one are ignored. A read that fails with an {@link IOException}
 * (the peer's RST) makes the close that follows a reset.
 */
final class UpstreamSide extends ChannelInboundHandlerAdapter {

    /** What the driver does with an upstream's events. */
    interface Events {
        void upstreamData(int id, byte[] bytes);

        void upstreamBurstEnded();

        boolean upstreamMayRead();

        void upstreamInputEnded(int id);

        void upstreamClosed(int id, boolean reset);

        void upstreamWritabilityChanged(int id);
    }

    private final int id;
    private final Events events;
    private boolean reset;

    UpstreamSide(int id, Events events) {
        this.id = id;
        this.events = events;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            events.upstreamData(id, ByteBufUtil.getBytes(buf));
        } finally {
            buf.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        events.upstreamBurstEnded();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.channel().config().setAutoRead(events.upstreamMayRead());
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            events.upstreamInputEnded(id);
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        events.upstreamClosed(id, reset);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        events.upstreamWritabilityChanged(id);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        reset |= cause instanceof IOException;
        ctx.close();
    }
}
