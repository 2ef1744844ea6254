package dev.upgradescope.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent witness for tests: a plain-socket TCP relay that keeps, per accepted connection,
 * the bytes that went each way. Put in front of a server it shows what the proxy sent upstream
 * and what the server answered; put in front of the proxy it shows what the client sent and got.
 */
final class TapRelay implements AutoCloseable {

    /** The bytes of one relayed connection. */
    static final class Tap {
        final ByteArrayOutputStream up = new ByteArrayOutputStream();
        final ByteArrayOutputStream down = new ByteArrayOutputStream();
        volatile int closedDirections;

        synchronized byte[] up() {
            return up.toByteArray();
        }

        synchronized byte[] down() {
            return down.toByteArray();
        }
    }

    private final ServerSocket server;
    private final InetSocketAddress to;
    private final List<Tap> taps = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();

    TapRelay(InetSocketAddress to) throws IOException {
        this.to = to;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "tap-accept");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    }

    synchronized List<Tap> taps() {
        return List.copyOf(taps);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket in = server.accept();
                Socket out = new Socket(to.getAddress(), to.getPort());
                Tap tap = new Tap();
                synchronized (this) {
                    taps.add(tap);
                    sockets.add(in);
                    sockets.add(out);
                }
                pump(in, out, tap, true);
                pump(out, in, tap, false);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to, Tap tap, boolean up) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (tap) {
                        (up ? tap.up : tap.down).write(buf, 0, n);
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away: close both below
            }
            try {
                to.shutdownOutput();
            } catch (IOException e) {
                closeQuietly(to);
            }
            tap.closedDirections++;
            if (tap.closedDirections >= 2) {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tap-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public synchronized void close() throws IOException {
        server.close();
        sockets.forEach(TapRelay::closeQuietly);
    }
}
