package dev.upgradescope.proxy;

import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.dissect.http1.Http1Parser;
import dev.upgradescope.proxy.SessionCommand.ArmHeadDeadline;
import dev.upgradescope.proxy.SessionCommand.CancelHeadDeadline;
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
import dev.upgradescope.proxy.SessionCommand.ShutdownUpstreamOutput;
import dev.upgradescope.wire.Direction;
import java.util.ArrayList;
import java.util.List;

/**
 * The two legs of one proxied connection as its session sees them, and the commands that move
 * bytes along them: the phase, the client bytes held, the current upstream (bytes queued until it
 * is connected), which direction has ended, the head deadline, and whether the client is read.
 * The session and its forward exchange decide; this keeps the state they share consistent.
 */
final class SessionLegs {

    final ListenerMode mode;
    final ProxySession.Limits limits;
    final SessionOutbox out = new SessionOutbox();
    final HeldBytes held = new HeldBytes(0);
    ProxySession.Phase phase;

    private int upstreamId;
    private Authority upstream;
    private boolean upstreamUp;
    private final List<byte[]> queued = new ArrayList<>();
    private long queuedBytes;
    private long s2cOffset;
    private boolean reading = true;
    private int deadlineId;
    private boolean deadlineArmed;
    private final boolean[] ended = new boolean[2];
    /** The client ended its direction (FIN); c2s has ended. */
    boolean clientDone;
    /** The end of c2s was passed on to the current upstream. */
    private boolean upstreamShut;

    SessionLegs(ListenerMode mode, ProxySession.Limits limits, Authority upstream) {
        this.mode = mode;
        this.limits = limits;
        this.upstream = upstream;
    }

    void add(SessionCommand c) {
        out.add(c);
    }

    void note(String code, String detail) {
        out.add(new RecordNote(code, detail));
    }

    boolean closed() {
        return phase == ProxySession.Phase.CLOSED;
    }

    /** Whether {@code id} is the current upstream and the connection is still open. */
    boolean current(int id) {
        return id == upstreamId && !closed();
    }

    Authority upstream() {
        return upstream;
    }

    boolean upstreamUp() {
        return upstreamUp;
    }

    boolean ended(Direction dir) {
        return ended[dir.ordinal()];
    }

    long s2cOffset() {
        return s2cOffset;
    }

    void idle(java.time.Duration timeout) {
        out.add(new SetIdleTimeout(timeout));
    }

    /** Opens a new upstream to {@code to}; bytes for it are queued until it is connected. */
    void connect(Authority to) {
        upstream = to;
        upstreamUp = false;
        upstreamShut = false;
        upstreamId++;
        dropQueued();
        out.add(new RecordTarget(to.toString()));
        out.add(new ConnectUpstream(upstreamId, to));
    }

    /** The upstream is connected: what was queued for it goes. */
    void upstreamConnected() {
        upstreamUp = true;
        for (byte[] b : queued) {
            out.add(new SendToUpstream(b));
        }
        dropQueued();
    }

    void dropQueued() {
        queued.clear();
        queuedBytes = 0;
    }

    void closeUpstream() {
        out.add(new CloseUpstream());
    }

    void toUpstream(byte[] bytes) {
        if (upstreamUp) {
            out.add(new SendToUpstream(bytes));
        } else {
            queued.add(bytes);
            queuedBytes += bytes.length;
        }
    }

    void toClient(byte[] bytes) {
        if (ended[Direction.S2C.ordinal()]) {
            return; // the client-bound direction has ended (FIN sent): nothing more can go
        }
        out.add(new Record(Direction.S2C, bytes));
        out.add(new SendToClient(bytes));
        s2cOffset += bytes.length;
    }

    /** A response parser for the current upstream's answers, positioned at the client leg's s2c offset. */
    Http1Parser responseParser() {
        return Http1Parser.forResponses(s2cOffset);
    }

    /** From now on a whole request head must arrive within the head deadline (no-op when armed). */
    void armDeadline() {
        if (!deadlineArmed) {
            deadlineArmed = true;
            out.add(new ArmHeadDeadline(++deadlineId, limits.headDeadline()));
        }
    }

    void cancelDeadline() {
        if (deadlineArmed) {
            deadlineArmed = false;
            out.add(new CancelHeadDeadline());
        }
    }

    /** True (once) when deadline number {@code id} is the armed one. */
    boolean deadlinePassed(int id) {
        if (id == deadlineId && deadlineArmed && !closed()) {
            deadlineArmed = false;
            return true;
        }
        return false;
    }

    /** Bytes flow both ways untouched from now on (tunnel, after a 101). */
    void enterRelay() {
        phase = ProxySession.Phase.RELAY;
        cancelDeadline();
        idle(limits.tunnelIdle());
    }

    /** Answers in the proxy's name and closes (a refusal without a note only answers). */
    void refuse(Refusal r) {
        if (r.note() != null) {
            note(r.note(), r.detail());
        }
        toClient(r.answer());
        closeBoth(true);
    }

    void closeBoth(boolean clientGone) {
        phase = ProxySession.Phase.CLOSED;
        cancelDeadline();
        out.add(new CloseUpstream());
        out.add(new CloseClient());
        end(Direction.S2C);
        if (clientGone) {
            end(Direction.C2S);
        }
    }

    void closeIfBothEnded() {
        if (ended[0] && ended[1]) {
            closeBoth(true);
        }
    }

    void end(Direction dir) {
        if (!ended[dir.ordinal()]) {
            ended[dir.ordinal()] = true;
            out.add(new RecordEnd(dir));
        }
    }

    /**
     * The commands of this event. The client's end is passed on to the upstream once everything it
     * sent has gone there ({@code allSent}); the client is read only while fewer than maxHeldBytes
     * wait (held or queued) — the one bound on what a session keeps.
     */
    List<SessionCommand> drain(boolean allSent) {
        if (clientDone && !upstreamShut && upstreamUp && queued.isEmpty() && !closed() && allSent) {
            upstreamShut = true;
            out.add(new ShutdownUpstreamOutput());
        }
        boolean want = closed() || held.size() + queuedBytes < limits.maxHeldBytes();
        if (want != reading) {
            reading = want;
            out.add(new ReadClient(want));
        }
        return out.drain();
    }
}
