package dev.upgradescope.proxy;

import dev.upgradescope.dissect.http1.Http1Parser;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link ProxyServer} runs: its listeners; the idle timeouts (waiting for a request head; in
 * a tunnel or after a protocol switch); the deadline for a whole request head, however slowly it
 * arrives (RFC 9110 §15.5.9: 408 after it); the largest request head it accepts (RFC 6585 §5:
 * larger gets 431); how many client bytes a connection holds before it stops reading (a larger
 * request body is streamed upstream); the write-buffer water marks that stop reading from one side
 * while the other side is slow; the caps on connections in all and per client address (RFC 9110
 * §15.6.4: 503 past them); the request interceptor; and who may use a forward listener
 * ({@link ProxyAccess}).
 */
public record ProxyConfig(List<ListenerConfig> listeners, Duration headIdle, Duration tunnelIdle,
                          Duration headDeadline, int maxHeadBytes, int maxHeldBytes, int lowWaterMark,
                          int highWaterMark, int maxConnections, int maxConnectionsPerClient,
                          RequestInterceptor interceptor, ProxyAccess access) {

    public static final int DEFAULT_PORT = 8080;

    public ProxyConfig {
        listeners = List.copyOf(listeners);
        Objects.requireNonNull(headIdle, "headIdle");
        Objects.requireNonNull(tunnelIdle, "tunnelIdle");
        Objects.requireNonNull(headDeadline, "headDeadline");
        Objects.requireNonNull(interceptor, "interceptor");
        Objects.requireNonNull(access, "access");
        if (listeners.isEmpty()) {
            throw new IllegalArgumentException("no listener");
        }
        if (lowWaterMark <= 0 || highWaterMark < lowWaterMark || maxHeadBytes <= 0
                || maxHeadBytes > Http1Parser.MAX_HEAD || maxHeldBytes < maxHeadBytes
                || maxConnections <= 0 || maxConnectionsPerClient <= 0) {
            throw new IllegalArgumentException("inconsistent limits");
        }
    }

    /**
     * The defaults with these listeners: 60 s head idle, 5 min tunnel idle, 30 s for a whole head,
     * heads up to the parser's 64 KiB, 1 MiB held per connection, 2,048 connections in all and 256
     * per client address, and a token generated for this run that forward listeners off loopback ask
     * for.
     */
    public static ProxyConfig of(List<ListenerConfig> listeners) {
        return new ProxyConfig(listeners, Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofSeconds(30),
                Http1Parser.MAX_HEAD, 1024 * 1024, 256 * 1024, 1024 * 1024, 2048, 256,
                RequestInterceptor.FORWARD_ALL, ProxyAccess.generated());
    }

    /** One forward proxy on 127.0.0.1:8080 with the defaults. */
    public static ProxyConfig defaults() {
        return of(List.of(ListenerConfig.forward(new InetSocketAddress("127.0.0.1", DEFAULT_PORT))));
    }

    public ProxyConfig withTimeouts(Duration head, Duration tunnel) {
        return new ProxyConfig(listeners, head, tunnel, headDeadline, maxHeadBytes, maxHeldBytes, lowWaterMark,
                highWaterMark, maxConnections, maxConnectionsPerClient, interceptor, access);
    }

    public ProxyConfig withHeadDeadline(Duration deadline) {
        return new ProxyConfig(listeners, headIdle, tunnelIdle, deadline, maxHeadBytes, maxHeldBytes, lowWaterMark,
                highWaterMark, maxConnections, maxConnectionsPerClient, interceptor, access);
    }

    public ProxyConfig withHeadLimits(int headBytes, int heldBytes) {
        return new ProxyConfig(listeners, headIdle, tunnelIdle, headDeadline, headBytes, heldBytes, lowWaterMark,
                highWaterMark, maxConnections, maxConnectionsPerClient, interceptor, access);
    }

    public ProxyConfig withConnectionCaps(int total, int perClient) {
        return new ProxyConfig(listeners, headIdle, tunnelIdle, headDeadline, maxHeadBytes, maxHeldBytes,
                lowWaterMark, highWaterMark, total, perClient, interceptor, access);
    }

    public ProxyConfig withInterceptor(RequestInterceptor next) {
        return new ProxyConfig(listeners, headIdle, tunnelIdle, headDeadline, maxHeadBytes, maxHeldBytes,
                lowWaterMark, highWaterMark, maxConnections, maxConnectionsPerClient, next, access);
    }

    public ProxyConfig withAccess(ProxyAccess next) {
        return new ProxyConfig(listeners, headIdle, tunnelIdle, headDeadline, maxHeadBytes, maxHeldBytes,
                lowWaterMark, highWaterMark, maxConnections, maxConnectionsPerClient, interceptor, next);
    }

    /** The token clients must send, when some listener asks for it; null when none does. */
    public String requiredToken() {
        return listeners.stream().anyMatch(access::requiredOn) ? access.token() : null;
    }
}
