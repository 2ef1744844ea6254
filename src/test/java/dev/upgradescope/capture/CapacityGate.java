package dev.upgradescope.capture;

import java.util.concurrent.TimeUnit;

/**
 * A {@link CaptureSink.Capacity} for a test source that runs on a thread of its own
 * (a producer in a test): it remembers whether the sink is full, and {@link #awaitAvailable} waits until it is not.
 * A source calls {@code awaitAvailable()} before each chunk to record at the rate the sink keeps.
 */
public final class CapacityGate implements CaptureSink.Capacity {

    private boolean full;

    @Override
    public synchronized void changed(boolean nowFull) {
        full = nowFull;
        if (!nowFull) {
            notifyAll();
        }
    }

    public synchronized boolean full() {
        return full;
    }

    /** Waits while the sink is full. */
    public synchronized void awaitAvailable() throws InterruptedException {
        while (full) {
            wait();
        }
    }

    /** Waits at most {@code timeout} while the sink is full; returns true if it is available. */
    public synchronized boolean awaitAvailable(long timeout, TimeUnit unit) throws InterruptedException {
        long left = unit.toNanos(timeout);
        long deadline = System.nanoTime() + left;
        while (full && left > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
            left = deadline - System.nanoTime();
        }
        return !full;
    }
}
