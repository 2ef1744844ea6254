package dev.upgradescope.proxy;

import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.dissect.http1.Http1Parser;
import dev.upgradescope.dissect.http1.HttpMessage;
import dev.upgradescope.dissect.http1.HttpRequest;
import dev.upgradescope.dissect.http1.HttpResponse;
import dev.upgradescope.proxy.SessionCommand.CloseClient;
import dev.upgradescope.proxy.SessionCommand.CloseUpstream;
import dev.upgradescope.proxy.SessionCommand.ConnectUpstream;
import dev.upgradescope.proxy.SessionCommand.ReadClient;
import dev.upgradescope.proxy.SessionCommand.Record;
import dev.upgradescope.proxy.SessionCommand.RecordEnd;
import dev.upgradescope.proxy.SessionCommand.RecordNote;
import dev.upgradescope.proxy.SessionCommand.RecordTarget;
import dev.upgradescope.proxy.SessionCommand.SendToClient;
import dev.upgradescope.proxy.SessionCommand.SendToUpstream;
import dev.upgradescope.proxy.SessionCommand.SetIdleTimeout;
import dev.upgradescope.proxy.SessionCommand.ShutdownClientOutput;
import dev.upgradescope.proxy.SessionCommand.ShutdownUpstreamOutput;
import dev.upgradescope.wire.Direction;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The decisions of one proxied connection, without any I/O (sans-io): events come in (client
 * bytes, upstream connected or failed, upstream bytes, either side closed, idle), commands go out
 * ({@link SessionCommand}). The driver carries the commands out in order.
 *
 * <p>Bytes are relayed verbatim; the proxy rewrites only what it must: an absolute-form request
 * line becomes origin-form upstream, and a CONNECT is answered by the proxy itself. The capture
 * records the <em>client leg</em>: {@code c2s} is exactly what the client sent (absolute-form
 * kept), {@code s2c} exactly what the client received (the proxy's own {@code 200 Connection
 * Established} and error answers included).
 *
 * <p>A forward session reads requests until one asks for an upgrade or a tunnel; while an
 * upgrade request waits for its answer, later client bytes are held: after a {@code 101} they go
 * upstream untouched as the new protocol, otherwise they are read as the next request. Inside a
 * tunnel the first bytes are sniffed (TLS, HTTP, other) — the point where TLS interception will
 * plug in — and then relayed. A reverse session relays from the first byte.
 *
 * <p>Half-close: when one peer ends its direction (FIN), the other peer's direction is ended too
 * once everything that peer sent has been passed on ({@link ShutdownUpstreamOutput},
 * {@link ShutdownClientOutput}), and the other direction keeps flowing — a client that ends its
 * side after its request still gets the whole response. Each direction's end is recorded when it
 * happens; both sides are closed once both directions have ended, on a reset, or on the idle
 * timeout. Not thread-safe: all events of one session come from one thread.
 */
public final class ProxySession {

    /** Where the session is in the life of the connection. */
    enum Phase {
        /** Forward proxy reading requests. */
        HTTP,
        /** An upgrade request went upstream; waiting for its answer, later client bytes held. */
        UPGRADE_PENDING,
        /** A CONNECT waits for its upstream. */
        CONNECT_PENDING,
        /** Bytes flow both ways untouched (reverse proxy, tunnel, after a 101). */
        RELAY,
        CLOSED
    }

    private final ListenerMode mode;
    private final Limits limits;
    private final RequestInterceptor interceptor;
    private final List<SessionCommand> out = new ArrayList<>();

    private Phase phase;
    private final HeldBytes held = new HeldBytes(0);
    private Http1Parser requests;
    private long requestsFedTo;
    private final Deque<HttpRequest> ready = new ArrayDeque<>();
    private Http1Parser responses;
    private String stopCause;
    private int outstanding;

    private int upstreamId;
    private Authority upstream;
    private boolean upstreamUp;
    private final List<byte[]> queued = new ArrayList<>();
    private long queuedBytes;
    private long s2cOffset;
    private boolean sniffPending;
    private boolean reading = true;
    private final boolean[] ended = new boolean[2];
    /** The client ended its direction (FIN); c2s has ended. */
    private boolean clientDone;
    /** The end of c2s was passed on to the current upstream. */
    private boolean upstreamShut;

    /** The limits a session enforces. */
    public record Limits(java.time.Duration headIdle, java.time.Duration tunnelIdle, int maxHeadBytes,
                         int maxHeldBytes) {
        static Limits of(ProxyConfig config) {
            return new Limits(config.headIdle(), config.tunnelIdle(), config.maxHeadBytes(), config.maxHeldBytes());
        }
    }

    private ProxySession(ListenerMode mode, Authority reverseTo, Limits limits, RequestInterceptor interceptor) {
        this.mode = mode;
        this.limits = limits;
        this.interceptor = interceptor;
        this.upstream = reverseTo;
        this.phase = mode == ListenerMode.REVERSE ? Phase.RELAY : Phase.HTTP;
    }

    /** A forward-proxy session (absolute-form requests and CONNECT). */
    public static ProxySession forward(Limits limits, RequestInterceptor interceptor) {
        return new ProxySession(ListenerMode.FORWARD, null, limits, interceptor);
    }

    /** A reverse-proxy session relaying everything to {@code upstream}. */
    public static ProxySession reverse(Limits limits, Authority upstream) {
        return new ProxySession(ListenerMode.REVERSE, upstream, limits, RequestInterceptor.FORWARD_ALL);
    }

    Phase phase() {
        return phase;
    }

    /** The connection was accepted. */
    public List<SessionCommand> start() {
        if (mode == ListenerMode.REVERSE) {
            out.add(new SetIdleTimeout(limits.tunnelIdle()));
            connect(upstream);
        } else {
            out.add(new SetIdleTimeout(limits.headIdle()));
            requests = Http1Parser.forRequests(0);
        }
        return drain();
    }

    /** The client sent {@code bytes}. */
    public List<SessionCommand> onClientData(byte[] bytes) {
        if (phase == Phase.CLOSED) {
            return drain();
        }
        out.add(new Record(Direction.C2S, bytes));
        switch (phase) {
            case RELAY -> relayFromClient(bytes);
            case HTTP -> {
                held.append(bytes);
                readRequests();
            }
            default -> held.append(bytes);
        }
        return drain();
    }

    /** Upstream number {@code id} (from {@link ConnectUpstream}) is connected. */
    public List<SessionCommand> onUpstreamConnected(int id) {
        if (id != upstreamId || phase == Phase.CLOSED) {
            return drain();
        }
        upstreamUp = true;
        if (phase == Phase.CONNECT_PENDING) {
            toClient(ProxyAnswer.CONNECTION_ESTABLISHED);
            enterRelay();
            sniffPending = true;
            if (!held.isEmpty()) {
                relayFromClient(held.takeAll());
            }
        }
        for (byte[] b : queued) {
            out.add(new SendToUpstream(b));
        }
        queued.clear();
        queuedBytes = 0;
        return drain();
    }

    /** Upstream number {@code id} could not be opened. */
    public List<SessionCommand> onUpstreamFailed(int id, UpstreamFailure failure, String detail) {
        if (id != upstreamId || phase == Phase.CLOSED) {
            return drain();
        }
        out.add(new RecordNote(failure.note(), upstream + ": " + detail));
        toClient(ProxyAnswer.badGateway(failure.text() + " (" + upstream + ")"));
        closeBoth(false);
        return drain();
    }

    /** Upstream number {@code id} sent {@code bytes}. */
    public List<SessionCommand> onUpstreamData(int id, byte[] bytes) {
        if (id != upstreamId || phase == Phase.CLOSED) {
            return drain();
        }
        toClient(bytes);
        if (responses != null && (phase == Phase.HTTP || phase == Phase.UPGRADE_PENDING)) {
            Http1Parser reading = responses;
            for (HttpMessage m : reading.feed(bytes)) {
                if (m instanceof HttpResponse r && onResponse(r)) {
                    break;
                }
            }
            if (responses != null && responses.stopped() && !responses.switched()) {
                responses = null; // framing lost: responses can no longer be counted
            }
            if (phase == Phase.HTTP) {
                handleReady();
            }
        }
        return drain();
    }

    /** The client closed its connection (FIN or reset). */
    public List<SessionCommand> onClientClosed() {
        if (phase != Phase.CLOSED) {
            out.add(new RecordNote(NoteCode.CLIENT_CLOSED, "the client closed the connection (" + phase + ")"));
            closeBoth(true);
        }
        end(Direction.C2S);
        return drain();
    }

    /**
     * The client ended its direction (FIN) but still reads: what it sent is passed on, then the
     * upstream is told the same way, and the answer keeps flowing to the client.
     */
    public List<SessionCommand> onClientInputEnded() {
        if (phase == Phase.CLOSED || clientDone) {
            return drain();
        }
        clientDone = true;
        end(Direction.C2S);
        if (phase == Phase.HTTP && ready.isEmpty() && upstream == null) {
            // nothing was routed and no whole request can come any more: nothing to answer
            out.add(new RecordNote(NoteCode.CLIENT_CLOSED, "the client ended its side (FIN) before a whole request"));
            closeBoth(true);
        } else {
            out.add(new RecordNote(NoteCode.CLIENT_CLOSED, "the client ended its side (FIN) (" + phase
                    + "); passed on to the upstream once what it sent has gone there"));
            closeIfBothEnded();
        }
        return drain();
    }

    /**
     * Upstream number {@code id} ended its direction (FIN): once what it sent is relayed, the client
     * is told the same way; the client may still send.
     */
    public List<SessionCommand> onUpstreamInputEnded(int id) {
        if (id != upstreamId || phase == Phase.CLOSED || ended[Direction.S2C.ordinal()]) {
            return drain();
        }
        out.add(new RecordNote(NoteCode.UPSTREAM_CLOSED, "the upstream ended its side (FIN) (" + phase
                + "); passed on to the client"));
        out.add(new ShutdownClientOutput());
        end(Direction.S2C);
        closeIfBothEnded();
        return drain();
    }

    /** Upstream number {@code id} closed its connection (a reset, or a close of its own). */
    public List<SessionCommand> onUpstreamClosed(int id) {
        if (id != upstreamId || phase == Phase.CLOSED) {
            return drain();
        }
        out.add(new RecordNote(NoteCode.UPSTREAM_CLOSED, "the upstream closed the connection (" + phase + ")"));
        closeBoth(false);
        return drain();
    }

    /** Nothing travelled for the current idle timeout. */
    public List<SessionCommand> onIdle() {
        if (phase != Phase.CLOSED) {
            java.time.Duration t = phase == Phase.RELAY ? limits.tunnelIdle() : limits.headIdle();
            out.add(new RecordNote(NoteCode.IDLE_TIMEOUT, "no traffic for " + t + " (" + phase + ")"));
            closeBoth(true);
        }
        return drain();
    }

    // ---- relay ----

    private void relayFromClient(byte[] bytes) {
        if (sniffPending && bytes.length > 0) {
            sniffPending = false;
            onTunnelSniffed(TunnelContent.sniff(bytes));
        }
        toUpstream(bytes);
    }

    /**
     * The decision point for what to do inside a tunnel. Today every tunnel is passed through
     * (the recorder dissects its bytes: TLS hellos or plaintext HTTP); TLS interception will
     * answer here by terminating TLS with a certificate from the local CA.
     */
    private void onTunnelSniffed(TunnelContent content) {
        switch (content) {
            case TLS -> out.add(new RecordNote(NoteCode.TUNNEL_TLS, "TLS ClientHello, passed through"));
            case HTTP -> out.add(new RecordNote(NoteCode.TUNNEL_HTTP, "plaintext HTTP in the tunnel"));
            case OPAQUE -> out.add(new RecordNote(NoteCode.TUNNEL_OPAQUE, "neither TLS nor HTTP, passed through"));
        }
    }

    private void enterRelay() {
        phase = Phase.RELAY;
        requests = null;
        responses = null;
        ready.clear();
        out.add(new SetIdleTimeout(limits.tunnelIdle()));
    }

    // ---- forward proxy: requests ----

    private void readRequests() {
        if (requestsFedTo < held.end()) {
            byte[] fresh = held.copy(Math.max(requestsFedTo, held.start()), held.end());
            requestsFedTo = held.end();
            for (HttpMessage m : requests.feed(fresh)) {
                if (m instanceof HttpRequest r && r.complete()) {
                    ready.add(r);
                }
            }
            if (requests.stopped() && !requests.switched()) {
                stopCause = requests.stopFinding().map(f -> f.code()).orElse("http1.framing-lost");
            }
        }
        handleReady();
        if (phase == Phase.HTTP && ready.isEmpty()) {
            if (stopCause != null) {
                refuseStopped();
            } else {
                checkIncompleteHead();
            }
        }
    }

    /** Restarts reading requests at the first held byte (after a refused upgrade). */
    private void resumeRequests() {
        ready.clear();
        stopCause = null;
        requests = Http1Parser.forRequests(held.start());
        requestsFedTo = held.start();
        out.add(new SetIdleTimeout(limits.headIdle()));
        readRequests();
    }

    private void handleReady() {
        while (phase == Phase.HTTP && !ready.isEmpty()) {
            HttpRequest r = ready.peek();
            Optional<Authority> routed = route(r);
            if (routed.isEmpty()) {
                return;
            }
            if (upstream != null && !routed.get().equals(upstream) && outstanding > 0) {
                return; // wait for the answers from the current upstream before switching
            }
            ready.poll();
            handle(r, routed.get());
        }
    }

    /** Where a request goes; answers 400 (and closes) when it cannot go anywhere. */
    private Optional<Authority> route(HttpRequest r) {
        if (!r.version().startsWith("HTTP/1.")) {
            refuse(NoteCode.NOT_HTTP, ProxyAnswer.badRequest("UpgradeScope expected an HTTP/1.1 request."),
                    "start line: " + r.summary());
            return Optional.empty();
        }
        if (r.method().equals("CONNECT")) {
            // RFC 9110 §9.3.6: the target is the authority, port required (443 assumed if missing)
            Optional<Authority> a = Authority.parse(r.target(), 443);
            if (a.isEmpty()) {
                refuse(NoteCode.UNROUTABLE, ProxyAnswer.badRequest("CONNECT needs host:port, got " + r.target()),
                        r.summary());
            }
            return a;
        }
        Optional<Authority> a = absoluteTarget(r.target()).flatMap(Authority::ofUri);
        if (a.isEmpty()) {
            refuse(NoteCode.UNROUTABLE, ProxyAnswer.badRequest("This is UpgradeScope's forward proxy: it needs an "
                    + "absolute-form request (http://host/path) or CONNECT host:port; configure it as your "
                    + "HTTP proxy, or start a reverse listener."), r.summary());
        }
        return a;
    }

    private void handle(HttpRequest r, Authority to) {
        long start = r.head().offset();
        long end = start + r.length();
        byte[] message = held.copy(start, end);
        held.dropTo(end);
        InterceptVerdict verdict = interceptor.onRequest(r, message);
        if (verdict instanceof InterceptVerdict.Respond respond) {
            out.add(new RecordNote(NoteCode.INTERCEPTED, "answered by the interceptor: " + r.summary()));
            toClient(respond.response());
            closeBoth(false);
            return;
        }
        if (verdict instanceof InterceptVerdict.Drop) {
            out.add(new RecordNote(NoteCode.INTERCEPTED, "dropped by the interceptor: " + r.summary()));
            closeBoth(true);
            return;
        }
        if (r.method().equals("CONNECT")) {
            phase = Phase.CONNECT_PENDING;
            if (upstream != null) {
                out.add(new CloseUpstream());
            }
            connect(to);
            return;
        }
        if (!to.equals(upstream)) {
            if (upstream != null) {
                out.add(new CloseUpstream());
            }
            connect(to);
        }
        byte[] forwarded = verdict instanceof InterceptVerdict.Replace replace
                ? replace.message() : toOriginForm(r, message);
        toUpstream(forwarded);
        outstanding++;
        if (responses != null) {
            responses.expectResponseTo(r);
        }
        if (asksUpgrade(r)) {
            phase = Phase.UPGRADE_PENDING;
        }
    }

    /** RFC 9110 §7.8: an Upgrade field in an HTTP/1.1 request (ignored in HTTP/1.0). */
    private static boolean asksUpgrade(HttpRequest r) {
        return r.headers().has("Upgrade") && !r.isHttp10OrOlder();
    }

    private static Optional<URI> absoluteTarget(String target) {
        try {
            URI uri = new URI(target);
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * RFC 9112 §3.2.2: a proxy forwards origin-form to the origin. Only the request line changes;
     * the rest of the head (Host included) and the body go as the client sent them.
     */
    private static byte[] toOriginForm(HttpRequest r, byte[] message) {
        URI uri = absoluteTarget(r.target()).orElseThrow();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String origin = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        byte[] line = (r.method() + " " + origin + " " + r.version()).getBytes(StandardCharsets.US_ASCII);
        int restFrom = (int) (r.startLine().end() - r.head().offset());
        byte[] all = new byte[line.length + message.length - restFrom];
        System.arraycopy(line, 0, all, 0, line.length);
        System.arraycopy(message, restFrom, all, line.length, message.length - restFrom);
        return all;
    }

    /** The request parser stopped: the bytes are not HTTP/1.x, or a head broke a limit. */
    private void refuseStopped() {
        if (stopCause.equals("http1.head.too-large") || stopCause.equals("http1.line.too-long")) {
            // RFC 6585 §5
            refuse(NoteCode.HEAD_TOO_LARGE, ProxyAnswer.headTooLarge(limits.maxHeadBytes()), stopCause);
        } else {
            refuse(NoteCode.NOT_HTTP, ProxyAnswer.badRequest("UpgradeScope expected an HTTP/1.1 request."),
                    stopCause);
        }
    }

    /** The held bytes do not yet make a request: check they can still become one within limits. */
    private void checkIncompleteHead() {
        int i = 0;
        while (i < held.size() && (held.at(i) == '\r' || held.at(i) == '\n')) {
            i++;
        }
        // RFC 9112 §3: a request line starts with a method token
        if (i < held.size() && !Token.isTchar(held.at(i))) {
            refuse(NoteCode.NOT_HTTP, ProxyAnswer.badRequest("UpgradeScope expected an HTTP/1.1 request."),
                    String.format(Locale.ROOT, "first byte 0x%02x", held.at(i) & 0xff));
        } else if (held.size() > limits.maxHeadBytes() && !held.headEndsWithin(limits.maxHeadBytes())) {
            // RFC 6585 §5
            refuse(NoteCode.HEAD_TOO_LARGE, ProxyAnswer.headTooLarge(limits.maxHeadBytes()),
                    "more than " + limits.maxHeadBytes() + " bytes without the end of the head");
        } else if (held.size() > limits.maxHeldBytes()) {
            refuse(NoteCode.BODY_TOO_LARGE, ProxyAnswer.bodyTooLarge(limits.maxHeldBytes()),
                    "more than " + limits.maxHeldBytes() + " bytes held");
        }
    }

    // ---- forward proxy: responses ----

    /** Returns true when the response switched the connection to relaying. */
    private boolean onResponse(HttpResponse r) {
        if (r.status() == 101) {
            out.add(new RecordNote(NoteCode.SWITCHED, r.summary()));
            outstanding = 0;
            enterRelay();
            if (!held.isEmpty()) {
                toUpstream(held.takeAll());
            }
            return true;
        }
        if (!r.isInformational()) {
            outstanding = Math.max(0, outstanding - 1);
            if (phase == Phase.UPGRADE_PENDING) {
                phase = Phase.HTTP;
                resumeRequests();
            }
        }
        return false;
    }

    // ---- plumbing ----

    private void connect(Authority to) {
        upstream = to;
        upstreamUp = false;
        upstreamShut = false;
        upstreamId++;
        queued.clear();
        queuedBytes = 0;
        responses = mode == ListenerMode.FORWARD ? Http1Parser.forResponses(s2cOffset) : null;
        outstanding = 0;
        out.add(new RecordTarget(to.toString()));
        out.add(new ConnectUpstream(upstreamId, to));
    }

    private void toUpstream(byte[] bytes) {
        if (upstreamUp) {
            out.add(new SendToUpstream(bytes));
        } else {
            queued.add(bytes);
            queuedBytes += bytes.length;
        }
    }

    private void toClient(byte[] bytes) {
        if (ended[Direction.S2C.ordinal()]) {
            return; // the client-bound direction has ended (FIN sent): nothing more can go
        }
        out.add(new Record(Direction.S2C, bytes));
        out.add(new SendToClient(bytes));
        s2cOffset += bytes.length;
    }

    private void refuse(String note, byte[] answer, String detail) {
        out.add(new RecordNote(note, detail));
        toClient(answer);
        closeBoth(true);
    }

    private void closeBoth(boolean clientGone) {
        phase = Phase.CLOSED;
        out.add(new CloseUpstream());
        out.add(new CloseClient());
        end(Direction.S2C);
        if (clientGone) {
            end(Direction.C2S);
        }
        ready.clear();
    }

    private void closeIfBothEnded() {
        if (ended[0] && ended[1]) {
            closeBoth(true);
        }
    }

    /** Passes the client's end on to the upstream once everything the client sent has gone there. */
    private void passClientEnd() {
        if (!clientDone || upstreamShut || !upstreamUp || !queued.isEmpty() || phase == Phase.CLOSED) {
            return;
        }
        // while an upgrade, a CONNECT or a routed request waits, client bytes may still have to go
        boolean allSent = phase == Phase.RELAY || phase == Phase.HTTP && ready.isEmpty();
        if (allSent) {
            upstreamShut = true;
            out.add(new ShutdownUpstreamOutput());
        }
    }

    private void end(Direction dir) {
        if (!ended[dir.ordinal()]) {
            ended[dir.ordinal()] = true;
            out.add(new RecordEnd(dir));
        }
    }

    private List<SessionCommand> drain() {
        passClientEnd();
        boolean want = phase == Phase.CLOSED || held.size() + queuedBytes < limits.maxHeldBytes()
                && !(phase != Phase.HTTP && held.size() >= limits.maxHeadBytes());
        if (want != reading) {
            reading = want;
            out.add(new ReadClient(want));
        }
        List<SessionCommand> commands = List.copyOf(out);
        out.clear();
        return commands;
    }
}
