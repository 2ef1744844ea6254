package dev.upgradescope.proxy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link ProxyServer} runs: its listeners, the idle timeouts (waiting for a request head;
 * in a tunnel or after a protocol switch), the largest request head it accepts (RFC 6585 §5:
 * larger gets 431), the largest request body it holds while routing, and the write-buffer water
 * marks that stop reading from one side while the other side is slow.
 */
public record ProxyConfig(List<ListenerConfig> listeners, Duration headIdle, Duration tunnelIdle,
                          int maxHeadBytes, int maxHeldBytes, int lowWaterMark, int highWaterMark,
                          RequestInterceptor interceptor) {

    public static final int DEFAULT_PORT = 8080;

    public ProxyConfig {
        listeners = List.copyOf(listeners);
        Objects.requireNonNull(headIdle, "headIdle");
        Objects.requireNonNull(tunnelIdle, "tunnelIdle");
        Objects.requireNonNull(interceptor, "interceptor");
        if (listeners.isEmpty()) {
            throw new IllegalArgumentException("no listener");
        }
        if (lowWaterMark <= 0 || highWaterMark < lowWaterMark || maxHeadBytes <= 0 || maxHeldBytes < maxHeadBytes) {
            throw new IllegalArgumentException("inconsistent limits");
        }
    }

    /** The defaults with these listeners: 60 s head idle, 5 min tunnel idle, 64 KiB heads. */
    public static ProxyConfig of(List<ListenerConfig> listeners) {
        return new ProxyConfig(listeners, Duration.ofSeconds(60), Duration.ofMinutes(5), 64 * 1024,
                8 * 1024 * 1024, 256 * 1024, 1024 * 1024, RequestInterceptor.FORWARD_ALL);
    }

    /** One forward proxy on 127.0.0.1:8080 with the defaults. */
    public static ProxyConfig defaults() {
        return of(List.of(ListenerConfig.forward(new InetSocketAddress("127.0.0.1", DEFAULT_PORT))));
    }

    public ProxyConfig withTimeouts(Duration head, Duration tunnel) {
        return new ProxyConfig(listeners, head, tunnel, maxHeadBytes, maxHeldBytes, lowWaterMark, highWaterMark,
                interceptor);
    }

    public ProxyConfig withInterceptor(RequestInterceptor next) {
        return new ProxyConfig(listeners, headIdle, tunnelIdle, maxHeadBytes, maxHeldBytes, lowWaterMark,
                highWaterMark, next);
    }
}
