package dev.upgradescope.proxy;

import dev.upgradescope.capture.ListenerMode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;

/**
 * One listening socket: where it binds, and whether it is a forward proxy (absolute-form and
 * CONNECT) or a reverse proxy sending every connection to one {@code upstream}.
 */
public record ListenerConfig(InetSocketAddress address, ListenerMode mode, Authority upstream) {

    public ListenerConfig {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(mode, "mode");
        if (mode == ListenerMode.REVERSE && upstream == null) {
            throw new IllegalArgumentException("a reverse listener needs an upstream");
        }
        if (mode != ListenerMode.REVERSE && mode != ListenerMode.FORWARD) {
            throw new IllegalArgumentException("a listener is forward or reverse, not " + mode);
        }
    }

    /** A forward proxy on {@code address} (port 0 picks a free port). */
    public static ListenerConfig forward(InetSocketAddress address) {
        return new ListenerConfig(address, ListenerMode.FORWARD, null);
    }

    /** A reverse proxy on {@code address} to {@code upstream} ({@code http://host:port} or {@code ws://…}). */
    public static ListenerConfig reverse(InetSocketAddress address, URI upstream) {
        Authority to = Authority.ofUri(upstream).orElseThrow(
                () -> new IllegalArgumentException("not an http:// or ws:// upstream: " + upstream));
        return new ListenerConfig(address, ListenerMode.REVERSE, to);
    }

    /** True when the address is not a loopback address (the command line warns then). */
    public boolean exposed() {
        return address.getAddress() == null || !address.getAddress().isLoopbackAddress();
    }
}
