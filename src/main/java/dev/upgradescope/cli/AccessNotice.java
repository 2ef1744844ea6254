package dev.upgradescope.cli;

import dev.upgradescope.proxy.ListenerConfig;
import dev.upgradescope.proxy.ProxyAccess;
import dev.upgradescope.proxy.ProxyConfig;
import java.io.PrintWriter;

/**
 * What {@code capture} tells the user on stderr about who can reach its listeners: a warning for
 * each listener off loopback, the access token the forward listeners ask for (generated for this
 * capture, or given with {@code --auth}), and a warning when {@code --no-auth} leaves an exposed
 * forward listener open.
 */
final class AccessNotice {

    private AccessNotice() {
    }

    /** The access {@code --auth TOKEN} / {@code --no-auth} ask for; a generated token otherwise. */
    static ProxyAccess access(String token, boolean noAuth) {
        if (token != null && noAuth) {
            throw new IllegalArgumentException("--auth and --no-auth exclude each other");
        }
        if (noAuth) {
            return ProxyAccess.OPEN;
        }
        return token == null ? ProxyAccess.generated() : ProxyAccess.token(token);
    }

    static void print(ProxyConfig config, PrintWriter err) {
        for (ListenerConfig l : config.listeners()) {
            if (l.exposed()) {
                err.println("upgradescope capture: warning: listening on " + text(l)
                        + " exposes the proxy beyond this machine; anyone who can reach it can use it.");
                if (l.mode() == dev.upgradescope.capture.ListenerMode.FORWARD && !config.access().requiredOn(l)) {
                    err.println("upgradescope capture: warning: --no-auth: the forward listener on " + text(l)
                            + " is an open proxy, into this machine's loopback-only services too.");
                }
            }
        }
        String token = config.requiredToken();
        if (token != null) {
            err.println("upgradescope capture: forward listeners ask for the access token " + token
                    + (config.access().everywhere() ? "" : " (on addresses other than loopback)")
                    + ": send it as the Basic password of Proxy-Authorization, any user name, e.g. "
                    + "curl --proxy-user any:" + token);
        }
    }

    private static String text(ListenerConfig l) {
        String host = l.address().getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + l.address().getPort();
    }
}
