package dev.upgradescope.capture;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A queue between threads bounded by the total weight of what it holds (bytes, roughly), so a
 * slow consumer holds back producers instead of filling the heap. A producer may wait a bounded
 * time ({@link #offer}) or indefinitely ({@link #put}); after {@link #discard} nothing waits and
 * nothing is kept. One item is always accepted into an empty
 * queue whatever its weight, so an oversized item cannot wedge the queue.
 */
final class BoundedHandoff<T> {

    private record Entry<T>(T item, long weight) {
    }

    private final long capacity;
    private final ArrayDeque<Entry<T>> entries = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private long weight;
    private boolean discarding;

    BoundedHandoff(long capacity) {
        this.capacity = capacity;
    }

    /** Adds {@code item}, waiting at most {@code maxWaitNanos} for room; false if there was none. */
    boolean offer(T item, long itemWeight, long maxWaitNanos) {
        lock.lock();
        try {
            long left = maxWaitNanos;
            while (!discarding && !fits(itemWeight)) {
                if (left <= 0) {
                    return false;
                }
                left = notFull.awaitNanos(left);
            }
            if (!discarding) {
                add(item, itemWeight);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Adds {@code item}, waiting as long as it takes for room (or until the queue discards). */
    void put(T item, long itemWeight) throws InterruptedException {
        lock.lock();
        try {
            while (!discarding && !fits(itemWeight)) {
                notFull.await();
            }
            if (!discarding) {
                add(item, itemWeight);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Adds a small item at once, over capacity if need be (for control messages that must not be lost). */
    void force(T item, long itemWeight) {
        lock.lock();
        try {
            if (!discarding) {
                add(item, itemWeight);
            }
        } finally {
            lock.unlock();
        }
    }

    long capacity() {
        return capacity;
    }

    /**
     * Moves up to {@code max} items into {@code into}, waiting at most {@code waitNanos} for the
     * first; returns how many were moved.
     */
    int drainTo(List<T> into, int max, long waitNanos) throws InterruptedException {
        lock.lock();
        try {
            long left = waitNanos;
            while (entries.isEmpty()) {
                if (left <= 0) {
                    return 0;
                }
                left = notEmpty.awaitNanos(left);
            }
            int n = 0;
            while (n < max && !entries.isEmpty()) {
                Entry<T> e = entries.poll();
                weight -= e.weight();
                into.add(e.item());
                n++;
            }
            notFull.signalAll();
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** From now on producers never wait and what they hand over is dropped; what is queued is cleared. */
    List<T> discard() {
        lock.lock();
        try {
            discarding = true;
            List<T> removed = new java.util.ArrayList<>(entries.size());
            entries.forEach(e -> removed.add(e.item()));
            entries.clear();
            weight = 0;
            notFull.signalAll();
            return removed;
        } finally {
            lock.unlock();
        }
    }

    long weight() {
        lock.lock();
        try {
            return weight;
        } finally {
            lock.unlock();
        }
    }

    private boolean fits(long itemWeight) {
        return entries.isEmpty() || weight + itemWeight <= capacity;
    }

    private void add(T item, long itemWeight) {
        entries.add(new Entry<>(item, itemWeight));
        weight += itemWeight;
        notEmpty.signal();
    }

    static long nanos(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
