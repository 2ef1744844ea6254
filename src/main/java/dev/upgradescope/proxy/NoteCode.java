package dev.upgradescope.proxy;

/** The stable codes of the notes the proxy attaches to a connection. */
public final class NoteCode {

    /** The upstream actively refused the connection. */
    public static final String UPSTREAM_REFUSED = "upstream.refused";
    /** The upstream host name did not resolve. */
    public static final String UPSTREAM_UNKNOWN_HOST = "upstream.unknown-host";
    /** Connecting to the upstream failed for another reason (timeout, unreachable). */
    public static final String UPSTREAM_FAILED = "upstream.failed";
    /**
     * The upstream ended its side (FIN: passed on to the client, whose side stays open until it ends
     * too), or reset its connection (the client side was closed too).
     */
    public static final String UPSTREAM_CLOSED = "upstream.closed";
    /**
     * The client ended its side (FIN: passed on to the upstream, whose answer keeps flowing), or reset
     * its connection (the upstream side was closed too).
     */
    public static final String CLIENT_CLOSED = "client.closed";
    /** The upstream reset its connection (RST): passed on to the client as a reset. */
    public static final String UPSTREAM_RESET = "upstream.reset";
    /** Nothing travelled for the idle timeout; both sides were closed. */
    public static final String IDLE_TIMEOUT = "idle.timeout";
    /** The request head grew over the limit; answered 431. */
    public static final String HEAD_TOO_LARGE = "request.head-too-large";
    /** The client did not speak HTTP/1.x to the forward proxy; answered 400. */
    public static final String NOT_HTTP = "request.not-http";
    /** A request the forward proxy cannot route (origin-form, unknown scheme); answered 400. */
    public static final String UNROUTABLE = "request.unroutable";
    /** A request head did not arrive whole within the head deadline; answered 408. */
    public static final String HEAD_DEADLINE = "request.head-deadline";
    /** A forward request without the proxy's token (Proxy-Authorization); answered 407. */
    public static final String AUTH_REQUIRED = "request.proxy-auth-required";
    /** A request addressed to the proxy's own listener; answered 508, never relayed to itself. */
    public static final String LOOP = "request.loop";
    /** The client's address already holds as many connections as one client may; answered 503. */
    public static final String CLIENT_CAP = "limit.connections-per-client";
    /** The proxy already holds as many connections as it accepts; answered 503. */
    public static final String TOTAL_CAP = "limit.connections-total";
    /** The CONNECT tunnel starts with a TLS ClientHello; passed through untouched. */
    public static final String TUNNEL_TLS = "tunnel.tls";
    /** The CONNECT tunnel carries plaintext HTTP. */
    public static final String TUNNEL_HTTP = "tunnel.http";
    /** The CONNECT tunnel carries something that is neither TLS nor HTTP. */
    public static final String TUNNEL_OPAQUE = "tunnel.opaque";
    /** The upstream answered 101: from here on, bytes are relayed untouched. */
    public static final String SWITCHED = "protocol.switched";
    /** The interceptor answered or dropped a request. */
    public static final String INTERCEPTED = "request.intercepted";

    private NoteCode() {
    }
}
