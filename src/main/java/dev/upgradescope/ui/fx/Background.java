package dev.upgradescope.ui.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The one way the UI runs work off the FX thread: a task built with {@link #task(Callable)} runs on
 * a worker executor and its result (or failure) is handed back on the FX executor. Reads of the
 * session file all go through one worker thread, in order, so one reader suffices. Which results
 * still count is said by a {@link Latest} (only the newest request) or a {@link Generation}
 * (everything asked since the last change of what is shown).
 */
public final class Background implements AutoCloseable {

    private final Executor worker;
    private final Executor fx;
    private volatile boolean closed;

    /**
     * @param worker runs the work, in order (an executor service is shut down by {@link #close()})
     * @param fx     runs results and failures on the FX thread
     */
    public Background(Executor worker, Executor fx) {
        this.worker = worker;
        this.fx = fx;
    }

    /** A worker thread that does not keep the JVM alive. */
    public static ExecutorService daemonWorker(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public <T> Task<T> task(Callable<T> work) {
        return new Task<>(work);
    }

    public Executor fx() {
        return fx;
    }

    /** A new token: results of tasks started with an older token from the same {@link Latest} are dropped. */
    public Latest latest() {
        return new Latest();
    }

    /** A new generation: results of its tasks started before its {@link Generation#next()} are dropped. */
    public Generation generation() {
        return new Generation();
    }

    @Override
    public void close() {
        closed = true;
        if (worker instanceof ExecutorService service) {
            service.shutdownNow();
        }
    }

    /** Only the newest request counts (a new selection makes older loads pointless). */
    public final class Latest {
        private final AtomicLong current = new AtomicLong();

        public <T> Task<T> task(Callable<T> work) {
            long mine = current.incrementAndGet();
            return new Task<>(work).onlyIf(() -> current.get() == mine);
        }
    }

    /**
     * Several requests may count at once (pages of marks and hover texts of the same session), until
     * what they were asked for is gone (another session, another connection): then {@link #next()}.
     */
    public final class Generation {
        private final AtomicLong current = new AtomicLong();

        public <T> Task<T> task(Callable<T> work) {
            long mine = current.get();
            return new Task<>(work).onlyIf(() -> current.get() == mine);
        }

        /** Drops the results of every task started so far. */
        public void next() {
            current.incrementAndGet();
        }
    }

    /** A unit of background work with its FX-thread continuations. */
    public final class Task<T> {
        private final Callable<T> work;
        private Consumer<? super T> success = r -> { };
        private Consumer<? super Exception> failure = e -> { };
        private java.util.function.BooleanSupplier still = () -> true;

        private Task(Callable<T> work) {
            this.work = work;
        }

        public Task<T> onSuccess(Consumer<? super T> c) {
            this.success = c;
            return this;
        }

        public Task<T> onFailure(Consumer<? super Exception> c) {
            this.failure = c;
            return this;
        }

        Task<T> onlyIf(java.util.function.BooleanSupplier condition) {
            this.still = condition;
            return this;
        }

        /** Runs the work; after {@link Background#close()} (the window is going away) nothing runs. */
        public void start() {
            if (closed) {
                return;
            }
            try {
                worker.execute(this::run);
            } catch (RejectedExecutionException closedMeanwhile) {
                // closed between the check and the hand-over: the result would have no one to show it to
            }
        }

        private void run() {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                fx.execute(() -> {
                    if (still.getAsBoolean()) {
                        failure.accept(e);
                    }
                });
                return;
            }
            fx.execute(() -> {
                if (still.getAsBoolean()) {
                    success.accept(result);
                }
            });
        }
    }
}
