package dev.upgradescope.proxy;

import dev.upgradescope.wire.Direction;
import java.time.Duration;

/**
 * What a {@link ProxySession} asks its driver to do. The session never touches a socket: it turns
 * events into these commands, and the Netty side carries them out in order. Byte arrays handed out
 * here are never modified afterwards, so the driver may wrap them without copying.
 */
public sealed interface SessionCommand {

    /** Open upstream number {@code id} to {@code authority}; its events carry that number. */
    record ConnectUpstream(int id, Authority authority) implements SessionCommand {
    }

    /** Write bytes to the client. */
    record SendToClient(byte[] bytes) implements SessionCommand {
    }

    /** Write bytes to the upstream. */
    record SendToUpstream(byte[] bytes) implements SessionCommand {
    }

    /** Flush what is queued for the client, then close the client connection. */
    record CloseClient() implements SessionCommand {
    }

    /** Flush what is queued for the upstream, then close the upstream connection. */
    record CloseUpstream() implements SessionCommand {
    }

    /**
     * Flush what is queued for the client, then end the client-bound direction (FIN) while still
     * reading from the client: the upstream finished sending.
     */
    record ShutdownClientOutput() implements SessionCommand {
    }

    /**
     * Flush what is queued for the upstream, then end the upstream-bound direction (FIN) while still
     * reading from the upstream: the client finished sending.
     */
    record ShutdownUpstreamOutput() implements SessionCommand {
    }

    /** Hand bytes to the capture as travelling in {@code dir} on the client leg. */
    record Record(Direction dir, byte[] bytes) implements SessionCommand {
    }

    /** Tell the capture that direction {@code dir} of the client leg ended. */
    record RecordEnd(Direction dir) implements SessionCommand {
    }

    /** Tell the capture something the proxy itself observed ({@code code} as in {@link NoteCode}). */
    record RecordNote(String code, String detail) implements SessionCommand {
    }

    /** Tell the capture where the connection is headed ({@code host:port}). */
    record RecordTarget(String target) implements SessionCommand {
    }

    /** From now on, close both sides after {@code timeout} without traffic. */
    record SetIdleTimeout(Duration timeout) implements SessionCommand {
    }

    /**
     * Fire {@code ProxySession.onHeadDeadline(id)} after {@code after}, unless cancelled: a whole
     * request head must arrive by then, however it trickles in.
     */
    record ArmHeadDeadline(int id, Duration after) implements SessionCommand {
    }

    /** The head the armed deadline waited for is complete: cancel the deadline. */
    record CancelHeadDeadline() implements SessionCommand {
    }

    /**
     * Flush what is queued for the client, then close the client connection with a reset (RST,
     * {@code SO_LINGER} 0) instead of a FIN: the upstream reset its side.
     */
    record ResetClient() implements SessionCommand {
    }

    /** Stop or resume reading from the client (the session holds enough unsent bytes). */
    record ReadClient(boolean enabled) implements SessionCommand {
    }
}
