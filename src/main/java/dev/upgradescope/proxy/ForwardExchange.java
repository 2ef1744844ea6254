package dev.upgradescope.proxy;

import dev.upgradescope.dissect.http1.Http1Parser;
import dev.upgradescope.dissect.http1.HttpMessage;
import dev.upgradescope.dissect.http1.HttpRequest;
import dev.upgradescope.dissect.http1.HttpResponse;
import dev.upgradescope.wire.Finding;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The forward proxy's HTTP/1.1 exchange on one client connection, before any switch: reads the
 * held client bytes as requests, routes each ({@link ForwardRequest}), sends it upstream in
 * origin-form (or streams a body larger than the session holds), counts the answers, and tells
 * the session when a {@code 101} switches the connection to relaying.
 */
final class ForwardExchange {

    private final SessionLegs legs;
    private final RequestInterceptor interceptor;
    private final ListenerGate gate;

    private Http1Parser requests = Http1Parser.forRequests(0);
    private long requestsFedTo;
    private final Deque<HttpRequest> ready = new ArrayDeque<>();
    /** The request parser stopped before a whole request (empty when framing was lost). */
    private Optional<Finding> stopCause;
    /** The request whose body is streamed upstream as it comes, until the parser completes it. */
    private HttpRequest streaming;
    private Http1Parser responses;
    private int outstanding;

    ForwardExchange(SessionLegs legs, RequestInterceptor interceptor, ListenerGate gate) {
        this.legs = legs;
        this.interceptor = interceptor;
        this.gate = gate;
    }

    /** True while no request was routed and none is waiting: a FIN now leaves nothing to answer. */
    boolean idle() {
        return ready.isEmpty() && legs.upstream() == null;
    }

    /** True when nothing the client sent waits to be routed. */
    boolean nothingWaiting() {
        return ready.isEmpty();
    }

    /** The bytes of the held queue that are new since the last call are read as requests. */
    void readRequests() {
        HeldBytes held = legs.held;
        if (requestsFedTo < held.end()) {
            byte[] fresh = held.copy(Math.max(requestsFedTo, held.start()), held.end());
            requestsFedTo = held.end();
            for (HttpMessage m : requests.feed(fresh)) {
                if (m instanceof HttpRequest r && r.complete()) {
                    if (streaming != null) {
                        endStreaming(r);
                    } else {
                        ready.add(r);
                    }
                }
            }
            if (streaming != null && !held.isEmpty()) {
                legs.toUpstream(held.takeAll());
            }
            if (requests.stopped() && !requests.switched()) {
                stopCause = requests.stopFinding();
            }
        }
        handleReady();
        if (legs.phase == ProxySession.Phase.HTTP && ready.isEmpty() && streaming == null) {
            if (stopCause != null) {
                legs.refuse(HeadCheck.stopped(stopCause, legs.limits.maxHeadBytes()));
            } else {
                checkIncompleteHead();
            }
        }
        if (legs.phase == ProxySession.Phase.HTTP && requests.headBuffered() > 0) {
            legs.armDeadline();
        } else {
            legs.cancelDeadline();
        }
    }

    /** The upstream sent {@code bytes} (already passed to the client): counts answers, spots a switch. */
    void onUpstreamBytes(byte[] bytes) {
        if (responses == null) {
            return;
        }
        Http1Parser reading = responses;
        for (HttpMessage m : reading.feed(bytes)) {
            if (m instanceof HttpResponse r && onResponse(r)) {
                return;
            }
        }
        if (responses != null && responses.stopped() && !responses.switched()) {
            responses = null; // framing lost: responses can no longer be counted
        }
        if (legs.phase == ProxySession.Phase.HTTP) {
            handleReady();
        }
    }

    /** The connection relays from now on: nothing more is read as HTTP/1. */
    void stop() {
        requests = null;
        responses = null;
        ready.clear();
    }

    /** Restarts reading requests at the first held byte (after a refused upgrade). */
    private void resumeRequests() {
        ready.clear();
        stopCause = null;
        requests = Http1Parser.forRequests(legs.held.start());
        requestsFedTo = legs.held.start();
        legs.idle(legs.limits.headIdle());
        readRequests();
    }

    private void handleReady() {
        while (legs.phase == ProxySession.Phase.HTTP && !ready.isEmpty()) {
            HttpRequest r = ready.peek();
            Optional<Authority> routed = route(r);
            if (routed.isEmpty()) {
                ready.clear();
                return;
            }
            if (waitsForOtherUpstream(routed.get())) {
                return;
            }
            ready.poll();
            long end = r.head().offset() + r.length();
            byte[] message = legs.held.copy(r.head().offset(), end);
            legs.held.dropTo(end);
            handle(r, message, routed.get());
        }
    }

    /** Another origin waits for the answers from the current upstream before the switch. */
    private boolean waitsForOtherUpstream(Authority to) {
        return legs.upstream() != null && !to.equals(legs.upstream()) && outstanding > 0;
    }

    /** Where a request goes; answers in the proxy's name (and closes) when it goes nowhere. */
    private Optional<Authority> route(HttpRequest r) {
        int max = legs.limits.maxHeadBytes();
        if (r.head().length() > max) {
            legs.refuse(HeadCheck.tooLarge(max, "a head of " + r.head().length() + " bytes"));
            return Optional.empty();
        }
        ForwardRequest.Route route = ForwardRequest.route(r, gate);
        if (route.refusal() != null) {
            legs.refuse(route.refusal());
            return Optional.empty();
        }
        return Optional.of(route.to());
    }

    /** Sends {@code r} ({@code message}: its bytes as held, the whole request or its head and the body so far). */
    private void handle(HttpRequest r, byte[] message, Authority to) {
        InterceptVerdict verdict = interceptor.onRequest(r, message);
        if (verdict instanceof InterceptVerdict.Respond respond) {
            legs.note(NoteCode.INTERCEPTED, "answered by the interceptor: " + r.summary());
            legs.toClient(respond.response());
            legs.closeBoth(false);
            return;
        }
        if (verdict instanceof InterceptVerdict.Drop) {
            legs.note(NoteCode.INTERCEPTED, "dropped by the interceptor: " + r.summary());
            legs.closeBoth(true);
            return;
        }
        if (!to.equals(legs.upstream()) || r.method().equals("CONNECT")) {
            if (legs.upstream() != null) {
                legs.closeUpstream();
            }
            legs.connect(to);
            responses = legs.responseParser();
            outstanding = 0;
        }
        if (r.method().equals("CONNECT")) {
            legs.phase = ProxySession.Phase.CONNECT_PENDING;
            return;
        }
        legs.toUpstream(verdict instanceof InterceptVerdict.Replace replace
                ? replace.message() : ForwardRequest.originForm(r, message, gate.token() != null));
        outstanding++;
        if (responses != null) {
            responses.expectResponseTo(r);
        }
        if (streaming == null && ForwardRequest.asksUpgrade(r)) {
            legs.phase = ProxySession.Phase.UPGRADE_PENDING;
        }
    }

    /**
     * No whole request is held: the bytes must still be able to become one within limits; a whole
     * head followed by at least as much body as the session holds starts streaming that body.
     */
    private void checkIncompleteHead() {
        HeldBytes held = legs.held;
        int i = 0;
        while (i < held.size() && (held.at(i) == '\r' || held.at(i) == '\n')) {
            i++;
        }
        Refusal r = HeadCheck.incomplete(i < held.size() ? held.at(i) & 0xff : -1, requests.headBuffered(),
                legs.limits.maxHeadBytes());
        if (r != null) {
            legs.refuse(r);
        } else if (held.size() >= legs.limits.maxHeldBytes() && requests.headBuffered() == 0) {
            startStreaming();
        }
    }

    /**
     * The held bytes are a whole head and the start of a body larger than the session holds: the
     * request goes upstream now, and the rest of its body as it comes (the capture keeps every
     * chunk). The head is read again on its own to route it.
     */
    private void startStreaming() {
        HeldBytes held = legs.held;
        Http1Parser head = Http1Parser.forRequests(held.start());
        head.feed(held.copy(held.start(), held.end()));
        Optional<HttpRequest> partial = head.end().stream()
                .filter(HttpRequest.class::isInstance).map(HttpRequest.class::cast).findFirst();
        if (partial.isEmpty()) {
            return;
        }
        HttpRequest r = partial.get();
        Optional<Authority> routed = route(r);
        if (routed.isEmpty() || waitsForOtherUpstream(routed.get())) {
            return; // refused, or waits for the current upstream's answers (reading paused meanwhile)
        }
        streaming = r;
        handle(r, held.takeAll(), routed.get());
    }

    /** The streamed request {@code whole} is complete: its last body bytes go, later bytes are requests. */
    private void endStreaming(HttpRequest whole) {
        HeldBytes held = legs.held;
        long end = whole.head().offset() + whole.length();
        if (end > held.start()) {
            legs.toUpstream(held.copy(held.start(), end));
            held.dropTo(end);
        }
        streaming = null;
        if (ForwardRequest.asksUpgrade(whole) && legs.phase == ProxySession.Phase.HTTP) {
            legs.phase = ProxySession.Phase.UPGRADE_PENDING;
        }
    }

    /** Returns true when the response switched the connection to relaying. */
    private boolean onResponse(HttpResponse r) {
        if (r.status() == 101) {
            legs.note(NoteCode.SWITCHED, r.summary());
            outstanding = 0;
            stop();
            legs.enterRelay();
            if (!legs.held.isEmpty()) {
                legs.toUpstream(legs.held.takeAll());
            }
            return true;
        }
        if (!r.isInformational()) {
            outstanding = Math.max(0, outstanding - 1);
            if (legs.phase == ProxySession.Phase.UPGRADE_PENDING) {
                legs.phase = ProxySession.Phase.HTTP;
                resumeRequests();
            }
        }
        return false;
    }
}
