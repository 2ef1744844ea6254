package dev.upgradescope.fuzz;

import java.lang.management.ManagementFactory;

/**
 * A cap on what one fuzz input may make the code under test allocate, counted by the JVM for the
 * current thread (HotSpot's {@code com.sun.management.ThreadMXBean}): a fixed allowance plus a
 * multiple of the input's size, so memory stays bounded by the input and a wide expansion (a
 * deflate bomb, a length field believed) is a finding even when the heap could hold it.
 *
 * <p>The first run of a code path also pays for loading and initialising classes (and, under
 * Jazzer, instrumenting them); so an input over the cap is run a second time and only fails if it
 * is over the cap again.
 */
final class MemoryBudget {

    /** What any input may allocate, however small: buffers, trees, finding texts. */
    static final long BASE = 16L << 20;

    /** What each input byte may add (inflating permessage-deflate is the widest expansion). */
    static final long PER_INPUT_BYTE = 1024;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private MemoryBudget() {
    }

    /** What a run of code may do: anything but a checked exception. */
    @FunctionalInterface
    interface Run {
        void run() throws Exception;
    }

    /** Runs {@code run} for an input of {@code inputLength} bytes and fails if it allocates over the cap. */
    static void run(String what, int inputLength, Run run) throws Exception {
        long cap = BASE + PER_INPUT_BYTE * inputLength;
        long used = measure(run);
        if (used > cap) {
            used = measure(run);
            if (used > cap) {
                throw new AssertionError(what + " allocated " + used + " bytes for an input of " + inputLength
                        + " bytes, over the cap of " + cap + " bytes");
            }
        }
    }

    private static long measure(Run run) throws Exception {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        run.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}
