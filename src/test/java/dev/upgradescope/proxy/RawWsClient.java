package dev.upgradescope.proxy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A deliberately small WebSocket client on a plain socket for tests: it writes the handshake it is
 * given, reads the answer head, and sends and reads single frames, compressing with
 * permessage-deflate (RFC 7692 §7.2.1) when asked. Every byte it sends is kept.
 */
final class RawWsClient implements AutoCloseable {

    static final byte[] TAIL = {0, 0, (byte) 0xff, (byte) 0xff};

    final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final Inflater inflater = new Inflater(true);

    RawWsClient(InetSocketAddress to) throws IOException {
        socket = new Socket(to.getAddress(), to.getPort());
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    static String handshake(String target, String host, String extensions) {
        return "GET " + target + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + (extensions == null ? "" : "Sec-WebSocket-Extensions: " + extensions + "\r\n")
                + "\r\n";
    }

    void send(byte[] bytes) throws IOException {
        sent.writeBytes(bytes);
        out.write(bytes);
        out.flush();
    }

    void send(String ascii) throws IOException {
        send(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Reads up to and including the empty line that ends a response head. */
    String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            received.write(b);
            byte[] h = head.toByteArray();
            if (h.length >= 4 && h[h.length - 4] == '\r' && h[h.length - 3] == '\n' && h[h.length - 2] == '\r'
                    && h[h.length - 1] == '\n') {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    byte[] readExactly(int n) throws IOException {
        byte[] b = new byte[n];
        in.readFully(b);
        received.writeBytes(b);
        return b;
    }

    /** A masked frame (RFC 6455 §5.2) as the client writes it; RSV1 when compressed. */
    static byte[] frame(int opcode, boolean rsv1, byte[] payload, byte[] mask) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x80 | (rsv1 ? 0x40 : 0) | opcode);
        if (payload.length < 126) {
            f.write(0x80 | payload.length);
        } else {
            f.write(0x80 | 126);
            f.write(payload.length >>> 8);
            f.write(payload.length & 0xff);
        }
        f.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            f.write(payload[i] ^ mask[i & 3]);
        }
        return f.toByteArray();
    }

    /** RFC 7692 §7.2.1: deflate, flush, drop the trailing 00 00 ff ff. */
    byte[] compress(byte[] data) {
        deflater.setInput(data);
        byte[] buf = new byte[data.length + 64];
        int n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        return Arrays.copyOf(buf, n - 4);
    }

    byte[] inflate(byte[] payload) throws DataFormatException {
        byte[] withTail = Arrays.copyOf(payload, payload.length + 4);
        System.arraycopy(TAIL, 0, withTail, payload.length, 4);
        inflater.setInput(withTail);
        byte[] buf = new byte[65536];
        int n = inflater.inflate(buf);
        return Arrays.copyOf(buf, n);
    }

    /** Reads one unmasked server frame: returns {first byte, payload...}. */
    Frame readFrame() throws IOException {
        byte[] h = readExactly(2);
        int len = h[1] & 0x7f;
        if (len == 126) {
            byte[] l = readExactly(2);
            len = (l[0] & 0xff) << 8 | l[1] & 0xff;
        }
        return new Frame(h[0] & 0xff, readExactly(len));
    }

    record Frame(int first, byte[] payload) {
        int opcode() {
            return first & 0x0f;
        }

        boolean rsv1() {
            return (first & 0x40) != 0;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
