package dev.upgradescope.proxy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The caps on connections a proxy holds at once, in all and per client address, shared by every
 * listener and event loop of one {@link ProxyServer}: a client that opens connections and sends
 * nothing (or a byte a second) can hold only so many. Thread-safe.
 */
final class ConnectionCaps {

    private final int total;
    private final int perClient;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<Object, Integer> byClient = new ConcurrentHashMap<>();

    ConnectionCaps(int total, int perClient) {
        this.total = total;
        this.perClient = perClient;
    }

    /** Counts a new connection from {@code client}, or says which cap refuses it (then nothing is counted). */
    ProxySession.Admission admit(Object client) {
        if (open.incrementAndGet() > total) {
            open.decrementAndGet();
            return ProxySession.Admission.TOTAL_CAP;
        }
        boolean[] full = new boolean[1];
        byClient.compute(client, (k, n) -> {
            int now = n == null ? 0 : n;
            full[0] = now >= perClient;
            return full[0] ? n : now + 1;
        });
        if (full[0]) {
            open.decrementAndGet();
            return ProxySession.Admission.CLIENT_CAP;
        }
        return ProxySession.Admission.ADMITTED;
    }

    /** A connection {@link #admit} let in from {@code client} has ended. */
    void release(Object client) {
        byClient.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
        open.decrementAndGet();
    }

    /** How many connections are counted now (for tests). */
    int open() {
        return open.get();
    }
}
