package dev.upgradescope.proxy;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The address a listener is bound to, to recognise a request that names the listener itself
 * (absolute-form or CONNECT to its own {@code host:port}, or a reverse upstream that is the
 * listener): relaying it would send it straight back to the proxy, a loop. A target names the
 * listener when its port is the listener's and its host is {@code localhost}, the bound address, a
 * loopback address (for a loopback or wildcard listener), or, for a wildcard listener, an address
 * of one of this machine's interfaces. Other names that resolve to the machine are not looked up.
 */
record SelfAddress(InetSocketAddress bound) {

    /** Never names anything (a listener whose address is not known, as in some tests). */
    static final SelfAddress NONE = new SelfAddress(null);

    boolean names(Authority target) {
        if (bound == null || target.port() != bound.getPort()) {
            return false;
        }
        InetAddress local = bound.getAddress();
        boolean wildcard = local == null || local.isAnyLocalAddress();
        String host = target.host().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return wildcard || local.isLoopbackAddress();
        }
        byte[] literal = NetUtil.createByteArrayFromIpAddressString(host);
        if (literal == null) {
            return false;
        }
        try {
            InetAddress a = InetAddress.getByAddress(literal);
            if (a.equals(local) || a.isAnyLocalAddress()) {
                return true;
            }
            if (a.isLoopbackAddress()) {
                return wildcard || local.isLoopbackAddress();
            }
            return wildcard && NetworkInterface.getByInetAddress(a) != null;
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }
}
