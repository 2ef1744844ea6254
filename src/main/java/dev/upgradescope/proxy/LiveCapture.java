package dev.upgradescope.proxy;

import dev.upgradescope.capture.CaptureListener;
import dev.upgradescope.capture.CaptureStore;
import dev.upgradescope.capture.ConnectionDissection;
import dev.upgradescope.capture.Recorder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * A running capture, as the window and {@code upgradescope capture} both start it: proxy listeners
 * recording through one {@link Recorder} into a new session file, whose change feed goes to the
 * given listeners. Stopping it stops listening first, then records what is queued and closes the file.
 */
public final class LiveCapture implements AutoCloseable {

    private final CaptureStore store;
    private final Recorder recorder;
    private final ProxyServer proxy;

    private LiveCapture(CaptureStore store, Recorder recorder, ProxyServer proxy) {
        this.store = store;
        this.recorder = recorder;
        this.proxy = proxy;
    }

    /**
     * Creates the session file {@code file} (owner-only; it must not exist), starts recording and
     * binds the listeners of {@code config}.
     *
     * @throws IOException if the file cannot be created or an address cannot be bound
     */
    public static LiveCapture start(ProxyConfig config, Path file, ConnectionDissection.Factory dissections,
                                    List<CaptureListener> listeners) throws IOException {
        CaptureStore store = CaptureStore.create(file);
        listeners.forEach(store::addListener);
        Recorder recorder = new Recorder(store, dissections);
        try {
            return new LiveCapture(store, recorder, ProxyServer.start(config, recorder));
        } catch (IOException | RuntimeException e) {
            recorder.close();
            store.close();
            throw e;
        }
    }

    public Path file() {
        return store.file();
    }

    /** Where the first listener is bound (the real port when 0 was asked). */
    public InetSocketAddress address() {
        return proxy.address();
    }

    /** Where each listener is bound, in the order of the configuration. */
    public List<InetSocketAddress> addresses() {
        return proxy.addresses();
    }

    /** Waits until what was recorded so far is committed (readers then see it). */
    public void flush() throws IOException {
        recorder.flush();
    }

    /** Stops listening, then records what is queued and closes the session file. */
    @Override
    public void close() throws IOException {
        try {
            proxy.close();
        } finally {
            try {
                recorder.close();
            } finally {
                store.close();
            }
        }
    }
}
