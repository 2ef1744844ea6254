package dev.upgradescope.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns an upstream host name into an address. Called off the event loops (a lookup may take
 * seconds), so it may block; the system resolver is the default.
 */
@FunctionalInterface
interface HostResolver {

    HostResolver SYSTEM = InetAddress::getByName;

    InetAddress resolve(String host) throws UnknownHostException;
}
