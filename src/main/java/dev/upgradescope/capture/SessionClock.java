package dev.upgradescope.capture;

/**
 * Turns the monotonic nanos sources give ({@link System#nanoTime()}) into wall-clock microseconds
 * since the epoch, from one reading of both clocks taken when recording started.
 */
record SessionClock(long anchorNanos, long anchorWallMicros) {

    static SessionClock now() {
        return new SessionClock(System.nanoTime(), System.currentTimeMillis() * 1000);
    }

    long wallMicros(long nanos) {
        return anchorWallMicros + (nanos - anchorNanos) / 1000;
    }
}
