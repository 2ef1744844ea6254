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
 * session file all go through one worker thread, in order, so one reader suffices.
 */
public final class Background implements AutoCloseable {

    private final ExecutorService worker;
    private final Executor fx;

    public Background(ExecutorService worker, Executor fx) {
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

    @Override
    public void close() {
        worker.shutdownNow();
    }

    /** Only the newest request counts (a new selection makes older loads pointless). */
    public final class Latest {
        private final AtomicLong current = new AtomicLong();

        public <T> Task<T> task(Callable<T> work) {
            long mine = current.incrementAndGet();
            return new Task<>(work).onlyIf(() -> current.get() == mine);
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
            if (worker.isShutdown()) {
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
