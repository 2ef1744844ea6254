package dev.upgradescope.proxy;

import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.dissect.http1.Http1Parser;
import dev.upgradescope.proxy.SessionCommand.ArmHeadDeadline;
import dev.upgradescope.proxy.SessionCommand.CloseUpstream;
import dev.upgradescope.proxy.SessionCommand.ConnectUpstream;
import dev.upgradescope.proxy.SessionCommand.RecordTarget;
import dev.upgradescope.proxy.SessionCommand.ResetClient;
import dev.upgradescope.proxy.SessionCommand.ShutdownClientOutput;
import dev.upgradescope.wire.Direction;
import java.time.Duration;
import java.util.List;

/**
 * The decisions of one proxied connection, without any I/O (sans-io): events come in (client
 * bytes, upstream connected, failed or reset, upstream bytes, either side closed, idle, the head
 * deadline), commands go out ({@link SessionCommand}). The driver carries the commands out in order.
 *
 * <p>Bytes are relayed verbatim; the proxy rewrites only what it must: an absolute-form request
 * line becomes origin-form upstream (without the proxy's own credentials), and a CONNECT is
 * answered by the proxy itself. The capture records the <em>client leg</em>: {@code c2s} is exactly
 * what the client sent, {@code s2c} exactly what the client received (the proxy's own answers
 * included).
 *
 * <p>A forward session reads requests until one asks for an upgrade or a tunnel; while an
 * upgrade request waits for its answer, later client bytes are held: after a {@code 101} they go
 * upstream untouched as the new protocol, otherwise they are read as the next request. A body
 * larger than the session holds is streamed upstream as it comes. Inside a tunnel the first bytes
 * are sniffed (TLS, HTTP, other) and then relayed. A reverse session connects at once and relays,
 * holding only a request head that is still incomplete until the protocol may switch
 * ({@link ReverseHeadWatch}).
 *
 * <p>Limits: a request head must stay within {@code maxHeadBytes} (431) and arrive whole within
 * {@code headDeadline} however slowly it trickles (408); no more than {@code maxHeldBytes} wait
 * for the upstream before the session stops reading from the client. Half-close: when one peer ends
 * its direction (FIN), the other peer's direction is ended too once everything that peer sent has
 * been passed on, and the other direction keeps flowing. An upstream reset is passed on as a reset.
 * Not thread-safe: all events of one session come from one thread.
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

    /** Whether the listener let the connection in, and which connection cap refused it if not. */
    public enum Admission {
        ADMITTED(null, null),
        /** Too many connections from the client's address (RFC 9110 §15.6.4: 503). */
        CLIENT_CAP(NoteCode.CLIENT_CAP, "too many connections from this client address"),
        /** Too many connections in all. */
        TOTAL_CAP(NoteCode.TOTAL_CAP, "too many connections in all");

        private final String note;
        private final String text;

        Admission(String note, String text) {
            this.note = note;
            this.text = text;
        }
    }

    /** The limits a session enforces. */
    public record Limits(Duration headIdle, Duration tunnelIdle, Duration headDeadline, int maxHeadBytes,
                         int maxHeldBytes) {
        public Limits {
            if (maxHeadBytes > Http1Parser.MAX_HEAD || maxHeldBytes < maxHeadBytes) {
                throw new IllegalArgumentException("inconsistent limits");
            }
        }

        static Limits of(ProxyConfig config) {
            return new Limits(config.headIdle(), config.tunnelIdle(), config.headDeadline(), config.maxHeadBytes(),
                    config.maxHeldBytes());
        }
    }

    private final SessionLegs legs;
    private final ListenerGate gate;
    /** The forward exchange (forward listeners only). */
    private final ForwardExchange exchange;
    /** Reverse listeners, until the protocol may switch. */
    private ReverseHeadWatch watch;
    /** A reverse upstream that is down (or the listener itself): answered once a whole head is in. */
    private Refusal reverseDown;
    private boolean sniffPending;

    private ProxySession(ListenerMode mode, Authority reverseTo, Limits limits, RequestInterceptor interceptor,
                         ListenerGate gate) {
        this.legs = new SessionLegs(mode, limits, reverseTo);
        this.gate = gate;
        this.exchange = mode == ListenerMode.FORWARD ? new ForwardExchange(legs, interceptor, gate) : null;
        legs.phase = mode == ListenerMode.REVERSE ? Phase.RELAY : Phase.HTTP;
    }

    /** A forward-proxy session (absolute-form requests and CONNECT) asking nothing of the client. */
    public static ProxySession forward(Limits limits, RequestInterceptor interceptor) {
        return forward(limits, interceptor, ListenerGate.NONE);
    }

    static ProxySession forward(Limits limits, RequestInterceptor interceptor, ListenerGate gate) {
        return new ProxySession(ListenerMode.FORWARD, null, limits, interceptor, gate);
    }

    /** A reverse-proxy session relaying everything to {@code upstream}. */
    public static ProxySession reverse(Limits limits, Authority upstream) {
        return reverse(limits, upstream, ListenerGate.NONE);
    }

    static ProxySession reverse(Limits limits, Authority upstream, ListenerGate gate) {
        return new ProxySession(ListenerMode.REVERSE, upstream, limits, RequestInterceptor.FORWARD_ALL, gate);
    }

    Phase phase() {
        return legs.phase;
    }

    /** The connection was accepted. */
    public List<SessionCommand> start() {
        return start(Admission.ADMITTED);
    }

    /** The connection was accepted, or refused by a connection cap ({@code admission}). */
    public List<SessionCommand> start(Admission admission) {
        if (admission != Admission.ADMITTED) {
            legs.refuse(new Refusal(admission.note, ProxyAnswer.overCapacity(admission.text), admission.text));
            return drain();
        }
        if (legs.mode == ListenerMode.REVERSE) {
            legs.idle(legs.limits.tunnelIdle());
            watch = new ReverseHeadWatch(legs.limits.maxHeadBytes());
            Authority to = legs.upstream();
            if (gate.self().names(to)) {
                legs.add(new RecordTarget(to.toString()));
                reverseDown = new Refusal(NoteCode.LOOP, ProxyAnswer.loopDetected(to),
                        "the reverse upstream " + to + " is this listener");
                legs.armDeadline();
            } else {
                legs.connect(to);
            }
        } else {
            legs.idle(legs.limits.headIdle());
        }
        return drain();
    }

    /** The client sent {@code bytes}. */
    public List<SessionCommand> onClientData(byte[] bytes) {
        if (legs.closed()) {
            return drain();
        }
        legs.add(new SessionCommand.Record(Direction.C2S, bytes));
        switch (legs.phase) {
            case RELAY -> {
                if (watch != null) {
                    legs.held.append(bytes);
                    watchHeads(bytes);
                } else {
                    relayFromClient(bytes);
                }
            }
            case HTTP -> {
                legs.held.append(bytes);
                exchange.readRequests();
            }
            default -> legs.held.append(bytes);
        }
        return drain();
    }

    /** Upstream number {@code id} (from {@link ConnectUpstream}) is connected. */
    public List<SessionCommand> onUpstreamConnected(int id) {
        if (!legs.current(id)) {
            return drain();
        }
        if (legs.phase == Phase.CONNECT_PENDING) {
            legs.toClient(ProxyAnswer.CONNECTION_ESTABLISHED);
            exchange.stop();
            legs.enterRelay();
            sniffPending = true;
            legs.upstreamConnected();
            if (!legs.held.isEmpty()) {
                relayFromClient(legs.held.takeAll());
            }
        } else {
            legs.upstreamConnected();
        }
        return drain();
    }

    /**
     * Upstream number {@code id} could not be opened. A forward session answers 502 at once (its
     * request is in); a reverse one first waits for the client's request head, within the head
     * deadline, so the request is recorded with the answer.
     */
    public List<SessionCommand> onUpstreamFailed(int id, UpstreamFailure failure, String detail) {
        if (!legs.current(id)) {
            return drain();
        }
        Authority to = legs.upstream();
        legs.note(failure.note(), to + ": " + detail);
        Refusal answer = new Refusal(null, ProxyAnswer.badGateway(failure.text() + " (" + to + ")"), detail);
        if (watch != null && !watch.headSeen()) {
            reverseDown = answer;
            legs.dropQueued();
            legs.armDeadline();
        } else {
            legs.toClient(answer.answer());
            legs.closeBoth(false);
        }
        return drain();
    }

    /** Upstream number {@code id} sent {@code bytes}. */
    public List<SessionCommand> onUpstreamData(int id, byte[] bytes) {
        if (!legs.current(id)) {
            return drain();
        }
        legs.toClient(bytes);
        if (watch != null && !watch.headSeen()) {
            endWatch(); // the server spoke first: not HTTP/1, nothing to watch
        }
        if (exchange != null && (legs.phase == Phase.HTTP || legs.phase == Phase.UPGRADE_PENDING)) {
            exchange.onUpstreamBytes(bytes);
        }
        return drain();
    }

    /** The client closed its connection (FIN or reset). */
    public List<SessionCommand> onClientClosed() {
        if (!legs.closed()) {
            legs.note(NoteCode.CLIENT_CLOSED, "the client closed the connection (" + legs.phase + ")");
            legs.closeBoth(true);
        }
        legs.end(Direction.C2S);
        return drain();
    }

    /**
     * The client ended its direction (FIN) but still reads: what it sent is passed on, then the
     * upstream is told the same way, and the answer keeps flowing to the client.
     */
    public List<SessionCommand> onClientInputEnded() {
        if (legs.closed() || legs.clientDone) {
            return drain();
        }
        legs.clientDone = true;
        legs.end(Direction.C2S);
        if (watch != null && reverseDown == null) {
            endWatch(); // no more of a head can come: what there is goes as it is
        }
        if (legs.phase == Phase.HTTP && exchange.idle() || reverseDown != null) {
            // nothing was routed and no whole request can come any more: nothing to answer
            legs.note(NoteCode.CLIENT_CLOSED, "the client ended its side (FIN) before a whole request");
            legs.closeBoth(true);
        } else {
            legs.note(NoteCode.CLIENT_CLOSED, "the client ended its side (FIN) (" + legs.phase
                    + "); passed on to the upstream once what it sent has gone there");
            legs.closeIfBothEnded();
        }
        return drain();
    }

    /**
     * Upstream number {@code id} ended its direction (FIN): once what it sent is relayed, the client
     * is told the same way; the client may still send.
     */
    public List<SessionCommand> onUpstreamInputEnded(int id) {
        if (!legs.current(id) || legs.ended(Direction.S2C)) {
            return drain();
        }
        legs.note(NoteCode.UPSTREAM_CLOSED, "the upstream ended its side (FIN) (" + legs.phase
                + "); passed on to the client");
        legs.add(new ShutdownClientOutput());
        legs.end(Direction.S2C);
        legs.closeIfBothEnded();
        return drain();
    }

    /** Upstream number {@code id} closed its connection (a close of its own after its FIN, or a failure). */
    public List<SessionCommand> onUpstreamClosed(int id) {
        if (!legs.current(id)) {
            return drain();
        }
        legs.note(NoteCode.UPSTREAM_CLOSED, "the upstream closed the connection (" + legs.phase + ")");
        legs.closeBoth(false);
        return drain();
    }

    /**
     * Upstream number {@code id} reset its connection (RST): the client's connection is reset too
     * (RFC 9293 §3.10.7.3), after what the upstream sent before, so a frame cut short reaches the
     * client as a cut, not as a clean end.
     */
    public List<SessionCommand> onUpstreamReset(int id) {
        if (!legs.current(id)) {
            return drain();
        }
        legs.note(NoteCode.UPSTREAM_RESET, "the upstream reset the connection (" + legs.phase
                + "); passed on to the client as a reset");
        legs.phase = Phase.CLOSED;
        legs.cancelDeadline();
        legs.add(new CloseUpstream());
        legs.add(new ResetClient());
        legs.end(Direction.S2C);
        legs.end(Direction.C2S);
        return drain();
    }

    /** Nothing travelled for the current idle timeout. */
    public List<SessionCommand> onIdle() {
        if (!legs.closed()) {
            Duration t = legs.phase == Phase.RELAY ? legs.limits.tunnelIdle() : legs.limits.headIdle();
            legs.note(NoteCode.IDLE_TIMEOUT, "no traffic for " + t + " (" + legs.phase + ")");
            legs.closeBoth(true);
        }
        return drain();
    }

    /**
     * The head deadline number {@code id} (from {@link ArmHeadDeadline}) passed without a whole
     * request head: RFC 9110 §15.5.9, 408.
     */
    public List<SessionCommand> onHeadDeadline(int id) {
        if (legs.deadlinePassed(id)) {
            Duration d = legs.limits.headDeadline();
            legs.refuse(new Refusal(NoteCode.HEAD_DEADLINE, ProxyAnswer.requestTimeout(d),
                    "no whole request head within " + d + " (" + legs.phase + ")"));
        }
        return drain();
    }

    // ---- relay ----

    private void relayFromClient(byte[] bytes) {
        if (sniffPending && bytes.length > 0) {
            sniffPending = false;
            onTunnelSniffed(TunnelContent.sniff(bytes));
        }
        legs.toUpstream(bytes);
    }

    /**
     * The decision point for what to do inside a tunnel. Today every tunnel is passed through
     * (the recorder dissects its bytes: TLS hellos or plaintext HTTP); TLS interception will
     * answer here by terminating TLS with a certificate from the local CA.
     */
    private void onTunnelSniffed(TunnelContent content) {
        switch (content) {
            case TLS -> legs.note(NoteCode.TUNNEL_TLS, "TLS ClientHello, passed through");
            case HTTP -> legs.note(NoteCode.TUNNEL_HTTP, "plaintext HTTP in the tunnel");
            case OPAQUE -> legs.note(NoteCode.TUNNEL_OPAQUE, "neither TLS nor HTTP, passed through");
        }
    }

    /** Reverse mode until the protocol may switch: heads within limits, a down upstream answered after one. */
    private void watchHeads(byte[] bytes) {
        ReverseHeadWatch.Step step = watch.feed(bytes, legs.held);
        if (step.refusal() != null) {
            legs.refuse(step.refusal());
            return;
        }
        if (reverseDown != null) {
            if (step.headSeen()) {
                legs.refuse(reverseDown);
            }
            return;
        }
        HeldBytes held = legs.held;
        if (step.relayTo() > held.start()) {
            relayFromClient(held.copy(held.start(), step.relayTo()));
            held.dropTo(step.relayTo());
        }
        if (step.ended()) {
            endWatch();
        } else if (step.inHead()) {
            legs.armDeadline();
        } else {
            legs.cancelDeadline();
        }
    }

    /** Stops watching heads: what is held goes upstream, and everything after it untouched. */
    private void endWatch() {
        watch = null;
        legs.cancelDeadline();
        if (!legs.held.isEmpty()) {
            relayFromClient(legs.held.takeAll());
        }
    }

    private List<SessionCommand> drain() {
        // while an upgrade, a CONNECT or a routed request waits, client bytes may still have to go
        boolean allSent = legs.phase == Phase.RELAY && legs.held.isEmpty()
                || legs.phase == Phase.HTTP && exchange.nothingWaiting();
        return legs.drain(allSent);
    }
}
