package dev.upgradescope.ui.session;

import dev.upgradescope.capture.CaptureListener;
import dev.upgradescope.capture.CaptureStore;
import dev.upgradescope.capture.ConnectionDissection;
import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.capture.Recorder;
import dev.upgradescope.proxy.ListenerConfig;
import dev.upgradescope.proxy.ProxyConfig;
import dev.upgradescope.proxy.ProxyServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A running capture: a proxy listener recording through a {@link Recorder} into a new session file,
 * whose change feed goes to a {@link CaptureListener}. Started and stopped off the FX thread.
 */
public final class LiveCapture implements AutoCloseable {

    private final CaptureStore store;
    private final Recorder recorder;
    private final ProxyServer proxy;
    private final String accessToken;

    private LiveCapture(CaptureStore store, Recorder recorder, ProxyServer proxy, String accessToken) {
        this.store = store;
        this.recorder = recorder;
        this.proxy = proxy;
        this.accessToken = accessToken;
    }

    /**
     * Creates a session file in {@code dir}, starts recording and binds the listener.
     *
     * @throws IOException if the file cannot be created or the address cannot be bound
     */
    public static LiveCapture start(CaptureSettings settings, Path dir, ConnectionDissection.Factory dissections,
                                    CaptureListener listener) throws IOException {
        InetSocketAddress address = settings.listenAddress()
                .orElseThrow(() -> new IOException("not a host:port address: " + settings.listen()));
        ListenerConfig listenerConfig = settings.mode() == ListenerMode.REVERSE
                ? ListenerConfig.reverse(address, settings.upstreamUri()
                        .orElseThrow(() -> new IOException("not an http:// upstream: " + settings.upstream())))
                : ListenerConfig.forward(address);
        Files.createDirectories(dir);
        Path file = dir.resolve("capture-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss-SSS")) + ".upgradescope");
        CaptureStore store = CaptureStore.create(file);
        store.addListener(listener);
        Recorder recorder = new Recorder(store, dissections);
        try {
            ProxyConfig config = ProxyConfig.of(List.of(listenerConfig));
            ProxyServer proxy = ProxyServer.start(config, recorder);
            return new LiveCapture(store, recorder, proxy, config.requiredToken());
        } catch (IOException | RuntimeException e) {
            recorder.close();
            store.close();
            throw e;
        }
    }

    public Path file() {
        return store.file();
    }

    /** Where the listener is bound (the real port when 0 was asked). */
    public InetSocketAddress address() {
        return proxy.address();
    }

    /**
     * The token a forward listener off loopback asks for (generated for this capture), or null when
     * the listener asks for none.
     */
    public String accessToken() {
        return accessToken;
    }

    /** Waits until what was recorded so far is committed (readers then see it). */
    public void flush() throws IOException {
        recorder.flush();
    }

    /** Stops listening, then records what is queued and closes the session file. */
    @Override
    public void close() throws IOException {
        proxy.close();
        try {
            recorder.close();
        } finally {
            store.close();
        }
    }
}
