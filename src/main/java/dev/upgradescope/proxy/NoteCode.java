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
    /** Nothing travelled for the idle timeout; both sides were closed. */
    public static final String IDLE_TIMEOUT = "idle.timeout";
    /** The request head grew over the limit; answered 431. */
    public static final String HEAD_TOO_LARGE = "request.head-too-large";
    /** The client did not speak HTTP/1.x to the forward proxy; answered 400. */
    public static final String NOT_HTTP = "request.not-http";
    /** A request the forward proxy cannot route (origin-form, unknown scheme); answered 400. */
    public static final String UNROUTABLE = "request.unroutable";
    /** A request body larger than the proxy holds while routing; answered 413. */
    public static final String BODY_TOO_LARGE = "request.body-too-large";
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
