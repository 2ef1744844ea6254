package dev.upgradescope.capture.archfixture;

import io.netty.buffer.Unpooled;

/** Breaks a line on purpose (see ArchitectureRulesTest): Netty outside the proxy. */
final class StoreWithNetty {

    int size(byte[] bytes) {
        return Unpooled.wrappedBuffer(bytes).readableBytes();
    }
}
