package dev.upgradescope.ui.session;

import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.proxy.ListenerConfig;
import dev.upgradescope.proxy.ProxyConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What the toolbar asks a capture to be: forward or reverse proxy, where it listens
 * ({@code host:port}), and for a reverse proxy the upstream ({@code http://host:port}).
 */
public record CaptureSettings(ListenerMode mode, String listen, String upstream) {

    public static final CaptureSettings DEFAULTS =
            new CaptureSettings(ListenerMode.FORWARD, "127.0.0.1:8080", "http://127.0.0.1:9000");

    /** The listen address, if it reads as {@code host:port} with a port from 0 to 65535. */
    public Optional<InetSocketAddress> listenAddress() {
        String s = listen == null ? "" : listen.trim();
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            return Optional.empty();
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(s.substring(colon + 1));
            if (port < 0 || port > 65535) {
                return Optional.empty();
            }
            return Optional.of(new InetSocketAddress(host, port));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The upstream of a reverse proxy, if it is an {@code http://} or {@code ws://} address with a host. */
    public Optional<URI> upstreamUri() {
        try {
            URI uri = URI.create(upstream == null ? "" : upstream.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("ws")) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (IllegalArgumentException e) {
            // not a URI: fall through
        }
        return Optional.empty();
    }

    /**
     * The proxy configuration these settings ask for.
     *
     * @throws IOException if the address or the upstream does not read as one
     */
    public ProxyConfig proxyConfig() throws IOException {
        InetSocketAddress address = listenAddress()
                .orElseThrow(() -> new IOException("not a host:port address: " + listen));
        ListenerConfig listener = mode == ListenerMode.REVERSE
                ? ListenerConfig.reverse(address, upstreamUri()
                        .orElseThrow(() -> new IOException("not an http:// upstream: " + upstream)))
                : ListenerConfig.forward(address);
        return ProxyConfig.of(List.of(listener));
    }

    public boolean valid() {
        return listenAddress().isPresent() && (mode != ListenerMode.REVERSE || upstreamUri().isPresent());
    }
}
