package dev.upgradescope.capture;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Delivers committed changes to {@link CaptureListener}s on its own daemon thread. The writer hands
 * over one batch per commit and never waits: when the feed is full the batch is dropped and
 * counted, and listeners hear {@code changesLost} before the next batch that gets through.
 */
final class ChangeFeed implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ChangeFeed.class.getName());
    private static final int BATCHES = 1024;

    private final List<CaptureListener> listeners = new CopyOnWriteArrayList<>();
    private final BlockingQueue<List<Consumer<CaptureListener>>> batches = new ArrayBlockingQueue<>(BATCHES);
    private final Thread thread;
    private long lost;
    private volatile boolean closing;

    ChangeFeed(String name) {
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    void add(CaptureListener l) {
        listeners.add(l);
    }

    void remove(CaptureListener l) {
        listeners.remove(l);
    }

    boolean hasListeners() {
        return !listeners.isEmpty();
    }

    /** Called by the writer only. */
    void publish(List<Consumer<CaptureListener>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        long dropped = lost;
        if (dropped > 0) {
            if (!batches.offer(List.of(l -> l.changesLost(dropped)))) {
                lost += batch.size();
                return;
            }
            lost = 0;
        }
        if (!batches.offer(batch)) {
            lost += batch.size();
        }
    }

    private void run() {
        while (true) {
            List<Consumer<CaptureListener>> batch;
            try {
                batch = batches.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (batch == null) {
                if (closing) {
                    return;
                }
                continue;
            }
            for (Consumer<CaptureListener> change : batch) {
                for (CaptureListener l : listeners) {
                    try {
                        change.accept(l);
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "capture listener failed", e);
                    }
                }
            }
        }
    }

    /** Delivers what is queued, then stops. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
