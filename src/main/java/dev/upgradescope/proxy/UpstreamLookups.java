package dev.upgradescope.proxy;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Resolves upstream host names on a few threads of their own, so a slow lookup holds back only the
 * connection that waits for it, never an event loop and the other connections on it. IP literals
 * are answered at once without a lookup.
 */
final class UpstreamLookups implements AutoCloseable {

    private static final int THREADS = 4;

    private final HostResolver resolver;
    private final ExecutorService threads;

    UpstreamLookups(HostResolver resolver) {
        this.resolver = resolver;
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "upgradescope-lookup-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.threads = pool;
    }

    /** The address of {@code host:port}; completes on a lookup thread, or at once for an IP literal. */
    CompletableFuture<InetSocketAddress> resolve(String name, int port) {
        String host = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
        byte[] literal = NetUtil.createByteArrayFromIpAddressString(host);
        if (literal != null) {
            try {
                return CompletableFuture.completedFuture(
                        new InetSocketAddress(InetAddress.getByAddress(host, literal), port));
            } catch (UnknownHostException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        CompletableFuture<InetSocketAddress> f = new CompletableFuture<>();
        Executor on = threads;
        try {
            on.execute(() -> {
                try {
                    f.complete(new InetSocketAddress(resolver.resolve(host), port));
                } catch (UnknownHostException | RuntimeException e) {
                    f.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            f.completeExceptionally(new UnknownHostException(host + ": the proxy is shutting down"));
        }
        return f;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
