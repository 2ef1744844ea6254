package dev.upgradescope.proxy;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** A {@code host:port} an upstream connection goes to. IPv6 literals are kept without brackets. */
public record Authority(String host, int port) {

    public Authority {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * Reads {@code host:port}, {@code host} or {@code [v6]:port} (RFC 9110 §7.2 authority without
     * userinfo); {@code defaultPort} fills a missing port. Empty when it is not an authority.
     */
    public static Optional<Authority> parse(String text, int defaultPort) {
        if (text == null || text.isEmpty() || text.indexOf('@') >= 0 || text.indexOf('/') >= 0) {
            return Optional.empty();
        }
        String host;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return Optional.empty();
                }
                port = rest.substring(1);
            }
        } else {
            int colon = text.lastIndexOf(':');
            if (colon >= 0 && text.indexOf(':') != colon) {
                return Optional.empty();
            }
            host = colon < 0 ? text : text.substring(0, colon);
            port = colon < 0 ? null : text.substring(colon + 1);
        }
        if (host.isEmpty()) {
            return Optional.empty();
        }
        try {
            int p = port == null ? defaultPort : Integer.parseInt(port);
            return p < 1 || p > 65535 ? Optional.empty() : Optional.of(new Authority(host.toLowerCase(Locale.ROOT), p));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The authority of an {@code http://} or {@code ws://} URI (port 80 when absent). */
    public static Optional<Authority> ofUri(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("ws") || uri.getRawAuthority() == null) {
            return Optional.empty();
        }
        return parse(uri.getRawAuthority(), 80);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
