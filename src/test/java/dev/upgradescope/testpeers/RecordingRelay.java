package dev.upgradescope.testpeers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A loopback TCP relay for tests: every connection accepted on {@link #port()} is forwarded to
 * one upstream address, and the bytes of each direction are recorded exactly as they passed. It
 * is how tests record real conversations between independent peers without trusting our own
 * proxy, and an independent witness of what crosses either leg of the proxy.
 */
public final class RecordingRelay implements AutoCloseable {

    /** The two byte streams of one relayed connection. */
    public record Conversation(byte[] c2s, byte[] s2c) {
    }

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final List<Recording> recordings = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();
    private final Thread acceptor;

    private RecordingRelay(InetSocketAddress upstream) throws IOException {
        this.upstream = upstream;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = new Thread(this::acceptLoop, "recording-relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A relay to {@code upstreamPort} on the loopback address. */
    public static RecordingRelay to(int upstreamPort) throws IOException {
        return to(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort));
    }

    public static RecordingRelay to(InetSocketAddress upstream) throws IOException {
        return new RecordingRelay(upstream);
    }

    public int port() {
        return listener.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    }

    /** The bytes of every connection so far, as they stand now (connections may still be open). */
    public List<Conversation> conversations() {
        List<Recording> now;
        synchronized (recordings) {
            now = List.copyOf(recordings);
        }
        return now.stream().map(Recording::snapshot).toList();
    }

    /** True when both directions of the {@code index}-th connection have ended. */
    public boolean ended(int index) {
        synchronized (recordings) {
            return recordings.size() > index && recordings.get(index).done.getCount() == 0;
        }
    }

    /** The {@code index}-th connection, once both of its directions have ended. */
    public Conversation conversation(int index, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Recording r;
        while (true) {
            synchronized (recordings) {
                if (recordings.size() > index) {
                    r = recordings.get(index);
                    break;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no connection #" + index + " within " + timeout);
            }
            Thread.sleep(10);
        }
        if (!r.done.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            throw new AssertionError("connection #" + index + " did not end within " + timeout);
        }
        return r.snapshot();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(upstream.getAddress(), upstream.getPort());
                Recording r = new Recording();
                synchronized (recordings) {
                    recordings.add(r);
                    sockets.add(client);
                    sockets.add(server);
                }
                pump(client, server, r.c2s, r.done);
                pump(server, client, r.s2c, r.done);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to, ByteArrayOutputStream record, CountDownLatch done) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (record) {
                        record.write(buffer, 0, n);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the peer reset or closed: the recording ends here
            } finally {
                try {
                    to.shutdownOutput();
                } catch (IOException ignored) {
                    // already closed
                }
                done.countDown();
                if (done.getCount() == 0) {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            }
        }, "recording-relay-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /** Stops accepting and closes every relayed connection. */
    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (recordings) {
            sockets.forEach(RecordingRelay::closeQuietly);
        }
    }

    private static final class Recording {
        final ByteArrayOutputStream c2s = new ByteArrayOutputStream();
        final ByteArrayOutputStream s2c = new ByteArrayOutputStream();
        final CountDownLatch done = new CountDownLatch(2);

        Conversation snapshot() {
            synchronized (c2s) {
                synchronized (s2c) {
                    return new Conversation(c2s.toByteArray(), s2c.toByteArray());
                }
            }
        }
    }
}
