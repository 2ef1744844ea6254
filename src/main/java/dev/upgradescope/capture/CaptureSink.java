package dev.upgradescope.capture;

import dev.upgradescope.wire.Direction;

/**
 * Where every source of bytes (proxy listener, replay, demo, file import) hands what it sees. The
 * recorder implements it: it feeds the dissectors and the store. Calls for one connection come in
 * order from one thread at a time; calls for different connections may come from different
 * threads. Implementations never block the caller on disk I/O.
 */
public interface CaptureSink {

    /** A new connection; returns its id, unique within the capture session. */
    long open(ConnectionInfo info);

    /** The connection's destination became known or changed (e.g. after a CONNECT request). */
    void target(long conn, String target);

    /** Bytes that travelled in {@code dir}, exactly as sent, at monotonic time {@code nanos}. */
    void chunk(long conn, Direction dir, long nanos, byte[] bytes);

    /** The proxy's own observation about the connection. */
    void note(long conn, ConnectionNote note);

    /** One direction ended (FIN, reset or our close). */
    void end(long conn, Direction dir, long nanos);
}
