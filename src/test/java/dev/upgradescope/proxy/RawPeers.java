package dev.upgradescope.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;

/** Plain-socket peers for loopback tests: a server thread per accepted connection, bounded by socket timeouts. */
final class RawPeers {

    /** What a server does with one accepted connection. */
    @FunctionalInterface
    interface Conversation {
        void talk(Socket s) throws IOException;
    }

    /** A loopback server running {@code conversation} on each accepted connection, each on its own daemon thread. */
    static final class Server implements AutoCloseable {
        private final ServerSocket socket;

        Server(Conversation conversation) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        s.setSoTimeout(20_000);
                        Thread t = new Thread(() -> {
                            try (s) {
                                conversation.talk(s);
                            } catch (IOException ignored) {
                                // the test sees what the client got
                            }
                        }, "raw-peer");
                        t.setDaemon(true);
                        t.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "raw-accept");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Reads everything until the peer ends its direction. */
    static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    /** Reads up to the end of an HTTP head (the empty line). */
    static void readHead(InputStream in) throws IOException {
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    /** Copies input to output until the peer ends its direction, then ends ours. */
    static void echo(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        byte[] buf = new byte[16 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
            out.write(buf, 0, n);
        }
        out.flush();
        s.shutdownOutput();
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private RawPeers() {
    }
}
