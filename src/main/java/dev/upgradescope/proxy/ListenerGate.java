package dev.upgradescope.proxy;

/**
 * What a listener checks before it relays a request: the access token a forward request must carry
 * (null when none is asked, see {@link ProxyAccess}) and the listener's own address, which no
 * request may be relayed to.
 */
record ListenerGate(String token, SelfAddress self) {

    /** Asks for nothing and knows no address of its own. */
    static final ListenerGate NONE = new ListenerGate(null, SelfAddress.NONE);

    /** The gate of {@code listener} bound to {@code bound} under {@code access}. */
    static ListenerGate of(ListenerConfig listener, ProxyAccess access, java.net.InetSocketAddress bound) {
        return new ListenerGate(access.requiredOn(listener) ? access.token() : null, new SelfAddress(bound));
    }
}
