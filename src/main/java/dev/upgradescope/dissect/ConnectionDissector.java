package dev.upgradescope.dissect;

import dev.upgradescope.dissect.DissectionEvent.HandshakeAnalysed;
import dev.upgradescope.dissect.DissectionEvent.ProtocolSwitched;
import dev.upgradescope.dissect.DissectionEvent.UnitDissected;
import dev.upgradescope.dissect.http1.Http1Parser;
import dev.upgradescope.dissect.http1.HttpMessage;
import dev.upgradescope.dissect.http1.HttpRequest;
import dev.upgradescope.dissect.http1.HttpResponse;
import dev.upgradescope.dissect.upgrade.HandshakeAnalysis;
import dev.upgradescope.wire.Chunk;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.OpaqueBytes;
import dev.upgradescope.wire.StreamDissector;
import dev.upgradescope.wire.Unit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Dissects one connection from its two byte streams, the one pipeline every source goes through.
 * The client's first bytes decide what the connection speaks (HTTP/1.1, a TLS ClientHello, the
 * HTTP/2 preface). HTTP/1.1 exchanges are read until one switches protocols: after a 101 the
 * handshake analysis chooses the next dissector; after a 2xx to CONNECT the tunnel is dissected
 * as a connection of its own. Bytes the client sends after an upgrade request are held by the
 * parser until the answer says what they are. Not thread-safe; feed each direction in order.
 */
public final class ConnectionDissector {

    /** How much the client may send after an upgrade request before its answer is seen. */
    static final int MAX_HELD_BYTES = 4 << 20;

    private final StreamStart start;
    private Http1Parser requests;
    private Http1Parser responses;
    private final Deque<HttpRequest> awaitingAnswer = new ArrayDeque<>();
    private final List<HttpResponse> interim = new ArrayList<>();
    private long heldBytes;
    private final OpaqueStream notHttp = new OpaqueStream("not HTTP/1.1");
    private boolean c2sEnded;
    private boolean s2cEnded;
    private StreamDissector next;
    private ConnectionDissector tunnel;

    public ConnectionDissector() {
        this(0, 0);
    }

    /** A dissector whose streams start at these offsets (the inside of a CONNECT tunnel). */
    public ConnectionDissector(long c2sStart, long s2cStart) {
        start = new StreamStart(c2sStart, s2cStart);
    }

    /** Consumes the next bytes of {@code dir}, which start at absolute {@code offset}. */
    public List<DissectionEvent> feed(Direction dir, long offset, byte[] bytes) {
        List<DissectionEvent> out = new ArrayList<>();
        if (tunnel != null) {
            out.addAll(tunnel.feed(dir, offset, bytes));
        } else if (next != null) {
            units(out, next.feed(dir, offset, bytes));
        } else if (requests == null) {
            start.hold(new Chunk(dir, offset, 0, bytes));
            decideIfPossible(out, false);
        } else if (dir == Direction.C2S) {
            feedRequests(out, offset, bytes);
        } else {
            feedResponses(out, offset, bytes);
        }
        return out;
    }

    /**
     * The direction has ended; whatever was pending is emitted, partial units marked truncated.
     * Bytes the client sent after an upgrade request stay held until the server's side has ended
     * too, since its answer decides what they are.
     */
    public List<DissectionEvent> end(Direction dir) {
        List<DissectionEvent> out = new ArrayList<>();
        if (dir == Direction.C2S) {
            c2sEnded = true;
        } else {
            s2cEnded = true;
        }
        if (requests == null && next == null && tunnel == null) {
            decideIfPossible(out, true);
        }
        if (tunnel != null) {
            out.addAll(tunnel.end(dir));
        } else if (next != null) {
            units(out, next.end(dir));
        } else if (dir == Direction.S2C) {
            responsesDone(out, responses.end());
            for (HttpRequest unanswered : awaitingAnswer) {
                if (UpgradeRequests.asksToSwitch(unanswered)) {
                    out.add(new HandshakeAnalysed(unanswered.offset(),
                            HandshakeAnalysis.of(unanswered, List.copyOf(interim), null)));
                }
            }
            awaitingAnswer.clear();
            if (c2sEnded && next == null && tunnel == null) {
                finishRequests(out);
            }
        } else if (!requests.paused() || s2cEnded) {
            finishRequests(out);
        }
        return out;
    }

    /** No answer can come any more: held bytes are read as HTTP, and the request stream ends. */
    private void finishRequests(List<DissectionEvent> out) {
        if (requests.paused()) {
            requestsDone(out, requests.resume());
        }
        drainStopped(out, requests);
        requestsDone(out, requests.end());
        drainStopped(out, requests);
    }

    /** After the parser stopped without a switch, what it holds is shown as opaque, with the reason. */
    private void drainStopped(List<DissectionEvent> out, Http1Parser parser) {
        if (!parser.stopped() || parser.switched()) {
            return;
        }
        Chunk rest = parser.takeRemainder();
        if (rest.bytes().length > 0) {
            out.add(new UnitDissected(new OpaqueBytes(rest.dir(), rest.offset(), rest.bytes().length,
                    "not HTTP/1.1", parser.stopFinding().stream().toList())));
        }
    }

    // ------------------------------------------------------------------ what the connection speaks

    private void decideIfPossible(List<DissectionEvent> out, boolean ending) {
        StreamStart.Verdict verdict = start.verdict(ending);
        switch (verdict) {
            case NEED_MORE -> {
                return;
            }
            case HTTP1 -> {
                requests = Http1Parser.forRequests(start.c2sStart());
                responses = Http1Parser.forResponses(start.s2cStart());
            }
            case TLS -> useNext(out, NextProtocol.tls(), "tls");
            case HTTP2 -> useNext(out, NextProtocol.http2PriorKnowledge(), "h2");
            case OPAQUE -> useNext(out, new OpaqueStream("unknown protocol"), "opaque");
        }
        for (Chunk c : start.drain()) {
            out.addAll(feed(c.dir(), c.offset(), c.bytes()));
        }
    }

    private void useNext(List<DissectionEvent> out, StreamDissector dissector, String protocol) {
        next = dissector;
        out.add(new ProtocolSwitched(protocol, start.c2sStart(), start.s2cStart()));
    }

    // ------------------------------------------------------------------ HTTP/1.1

    private void feedRequests(List<DissectionEvent> out, long offset, byte[] bytes) {
        if (requests.stopped()) {
            units(out, notHttp.feed(Direction.C2S, offset, bytes));
            return;
        }
        requestsDone(out, requests.feed(bytes, 0, bytes.length));
        if (requests.paused()) {
            heldBytes += bytes.length;
            if (heldBytes > MAX_HELD_BYTES) {
                // No answer after this much: the held bytes are more HTTP (pipelining), not a new protocol.
                requestsDone(out, requests.resume());
            }
        }
        drainStopped(out, requests);
    }

    private void requestsDone(List<DissectionEvent> out, List<HttpMessage> messages) {
        for (HttpMessage m : messages) {
            out.add(new UnitDissected(m));
            if (m instanceof HttpRequest request) {
                heldBytes = 0;
                awaitingAnswer.add(request);
                responses.expectResponseTo(request);
                if (UpgradeRequests.asksToSwitch(request)) {
                    out.add(new HandshakeAnalysed(request.offset(), HandshakeAnalysis.ofRequest(request)));
                }
            }
        }
    }

    private void feedResponses(List<DissectionEvent> out, long offset, byte[] bytes) {
        if (responses.stopped()) {
            units(out, notHttp.feed(Direction.S2C, offset, bytes));
            return;
        }
        responsesDone(out, responses.feed(bytes, 0, bytes.length));
    }

    private void responsesDone(List<DissectionEvent> out, List<HttpMessage> messages) {
        for (HttpMessage m : messages) {
            out.add(new UnitDissected(m));
            if (m instanceof HttpResponse response && next == null && tunnel == null) {
                answered(out, response);
            }
        }
        if (next == null && tunnel == null) {
            drainStopped(out, responses);
        }
    }

    private void answered(List<DissectionEvent> out, HttpResponse response) {
        if (response.isInformational() && response.status() != 101) {
            interim.add(response);
            return;
        }
        HttpRequest request = awaitingAnswer.poll();
        List<HttpResponse> before = List.copyOf(interim);
        interim.clear();
        HandshakeAnalysis analysis = null;
        if (request != null && (UpgradeRequests.asksToSwitch(request) || response.status() == 101
                || response.status() == 426)) {
            analysis = HandshakeAnalysis.of(request, before, response);
            out.add(new HandshakeAnalysed(request.offset(), analysis));
        }
        if (response.status() == 101) {
            NextProtocol chosen = NextProtocol.after(analysis);
            next = chosen.dissector();
            handOver(out, chosen.name(), next::feed);
        } else if (request != null && request.method().equals("CONNECT") && response.status() / 100 == 2) {
            Chunk c2sRest = requests.takeRemainder();
            Chunk s2cRest = responses.takeRemainder();
            tunnel = new ConnectionDissector(c2sRest.offset(), s2cRest.offset());
            out.add(new ProtocolSwitched(ProtocolSwitched.TUNNEL, c2sRest.offset(), s2cRest.offset()));
            out.addAll(tunnel.feed(Direction.C2S, c2sRest.offset(), c2sRest.bytes()));
            out.addAll(tunnel.feed(Direction.S2C, s2cRest.offset(), s2cRest.bytes()));
            if (c2sEnded) {
                out.addAll(tunnel.end(Direction.C2S));
            }
        } else if (requests.paused() && awaitingAnswer.isEmpty()) {
            requestsDone(out, requests.resume());
            drainStopped(out, requests);
        }
    }

    private void handOver(List<DissectionEvent> out, String protocol, Feeder feeder) {
        Chunk c2sRest = requests.takeRemainder();
        Chunk s2cRest = responses.takeRemainder();
        out.add(new ProtocolSwitched(protocol, c2sRest.offset(), s2cRest.offset()));
        if (c2sRest.bytes().length > 0) {
            units(out, feeder.feed(Direction.C2S, c2sRest.offset(), c2sRest.bytes()));
        }
        if (s2cRest.bytes().length > 0) {
            units(out, feeder.feed(Direction.S2C, s2cRest.offset(), s2cRest.bytes()));
        }
        if (c2sEnded) {
            units(out, next.end(Direction.C2S));
        }
    }

    private static void units(List<DissectionEvent> out, List<Unit> units) {
        for (Unit u : units) {
            out.add(new UnitDissected(u));
        }
    }

    @FunctionalInterface
    private interface Feeder {
        List<Unit> feed(Direction dir, long offset, byte[] bytes);
    }
}
