package dev.upgradescope.ui.fx;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one dispatcher between background threads and the FX thread: any number of {@link #request()}
 * calls within one period lead to a single run of the drain on the FX thread, at most once per
 * period. Producers put their changes in their own accumulator and call {@link #request()}; the
 * drain takes everything accumulated and applies it in one go. No per-event {@code runLater}.
 */
public final class FxBatcher {

    /** Runs a task once after a delay (a scheduled executor in the app, a manual clock in tests). */
    @FunctionalInterface
    public interface Timer {
        void schedule(Runnable task, long delayMillis);
    }

    /** The default period between two drains. */
    public static final long PERIOD_MILLIS = 50;

    private final Timer timer;
    private final Executor fx;
    private final long periodMillis;
    private final Runnable drain;
    private final AtomicBoolean pending = new AtomicBoolean();

    public FxBatcher(Timer timer, Executor fx, long periodMillis, Runnable drain) {
        this.timer = timer;
        this.fx = fx;
        this.periodMillis = periodMillis;
        this.drain = drain;
    }

    /** Asks for a drain; cheap and thread-safe. Calls while a drain is pending are merged into it. */
    public void request() {
        if (pending.compareAndSet(false, true)) {
            timer.schedule(() -> fx.execute(this::run), periodMillis);
        }
    }

    private void run() {
        pending.set(false);
        drain.run();
    }
}
