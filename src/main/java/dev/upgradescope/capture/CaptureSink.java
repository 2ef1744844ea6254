package dev.upgradescope.capture;

import dev.upgradescope.wire.Direction;

/**
 * Where every source of bytes (proxy listener, replay, demo, file import) hands what it sees. The
 * recorder implements it: it feeds the dissectors and the store. Calls for one connection come in
 * order from one thread at a time; calls for different connections may come from different
 * threads. Implementations never block the caller: no call waits for disk I/O or for room.
 *
 * <p><b>Back-pressure.</b> A sink never drops bytes to keep up. Instead, a source that opens a
 * connection with {@link #open(ConnectionInfo, Capacity)} is told through its {@link Capacity}
 * when the sink holds too many of that connection's bytes (or too many bytes in all) not yet
 * recorded: the source should then stop producing bytes for that connection (a proxy stops reading
 * from both of its sockets, so TCP flow control slows the peers) until the capacity says it is
 * available again. A source that keeps producing anyway is not refused: the sink keeps every byte
 * and its memory grows, so a source that cannot pause (or reads a file at its own pace) waits for
 * the capacity itself (as the tests' {@code CapacityGate} does). Once a sink has stopped recording (its
 * store failed) it never asks a source to pause, and releases those it had paused.
 */
public interface CaptureSink {

    /**
     * Told whether the sink can take more bytes of one connection. {@code changed(true)}: stop
     * producing bytes for the connection; {@code changed(false)}: go on. Calls for one connection
     * are made one at a time, in the order the sink's state changed, so the last call made is the
     * current state; {@code changed(true)} may come from inside {@link #chunk} on the caller's
     * thread, {@code changed(false)} comes from the sink's own thread. A capacity must return
     * quickly and must not call back into the sink.
     */
    @FunctionalInterface
    interface Capacity {

        /** For sources that do not pace themselves. */
        Capacity IGNORED = full -> {
        };

        void changed(boolean full);
    }

    /** A new connection; returns its id, unique within the capture session. */
    long open(ConnectionInfo info);

    /**
     * A new connection whose source is told through {@code capacity} when to pause and resume;
     * returns its id. A sink without back-pressure ignores {@code capacity}.
     */
    default long open(ConnectionInfo info, Capacity capacity) {
        return open(info);
    }

    /** The connection's destination became known or changed (e.g. after a CONNECT request). */
    void target(long conn, String target);

    /**
     * Bytes that travelled in {@code dir}, exactly as sent, at monotonic time {@code nanos}. The sink
     * takes ownership of {@code bytes}: the caller must not modify them afterwards.
     */
    void chunk(long conn, Direction dir, long nanos, byte[] bytes);

    /** The proxy's own observation about the connection. */
    void note(long conn, ConnectionNote note);

    /** One direction ended (FIN, reset or our close). */
    void end(long conn, Direction dir, long nanos);
}
