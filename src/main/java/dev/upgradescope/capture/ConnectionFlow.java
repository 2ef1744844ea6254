package dev.upgradescope.capture;

import dev.upgradescope.wire.Direction;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The recorder's caller-side view of one open connection: where the next chunk of each direction
 * starts, how many of its bytes wait to be recorded, and whether its source was asked to pause.
 * Offsets are advanced by the connection's source (one thread at a time); the pending count is
 * shared with the recorder thread; the pause state changes under this object's lock so that the
 * calls to the {@link CaptureSink.Capacity} are made in the order the state changed.
 */
final class ConnectionFlow {

    private final long[] next = new long[2];
    private final CaptureSink.Capacity capacity;
    final AtomicLong pending = new AtomicLong();
    private boolean full;

    ConnectionFlow(CaptureSink.Capacity capacity) {
        this.capacity = capacity;
    }

    /** Reserves {@code length} bytes of {@code dir}; returns their stream offset. */
    synchronized long advance(Direction dir, int length) {
        long at = next[dir.ordinal()];
        next[dir.ordinal()] = at + length;
        return at;
    }

    synchronized long end(Direction dir) {
        return next[dir.ordinal()];
    }

    /** Asks the source to pause and enters {@code paused}; false if it already was asked. */
    synchronized boolean pause(Set<ConnectionFlow> paused) {
        if (full) {
            return false;
        }
        full = true;
        paused.add(this);
        capacity.changed(true);
        return true;
    }

    /** Lets the source go on and leaves {@code paused}; false if it was not paused. */
    synchronized boolean resume(Set<ConnectionFlow> paused) {
        if (!full) {
            return false;
        }
        full = false;
        paused.remove(this);
        capacity.changed(false);
        return true;
    }
}
