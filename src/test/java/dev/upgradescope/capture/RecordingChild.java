package dev.upgradescope.capture;

import dev.upgradescope.wire.Direction;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A process that records a WebSocket connection until it is killed: after each flush it prints
 * {@code flushed N}, N being the number of frames known to be committed. Run by {@link KillTest}.
 */
public final class RecordingChild {

    static final int PAYLOAD = 100;

    private RecordingChild() {
    }

    public static void main(String[] args) throws Exception {
        CaptureStore store = CaptureStore.create(Path.of(args[0]));
        Recorder recorder = new Recorder(store, ConnectionDissection.standard());
        long conn = recorder.open(new ConnectionInfo("127.0.0.1:1", "127.0.0.1:2", ListenerMode.REVERSE, "t:80", 0,
                System.nanoTime()));
        recorder.chunk(conn, Direction.C2S, System.nanoTime(), WsConversation.REQUEST);
        recorder.chunk(conn, Direction.S2C, System.nanoTime(), WsConversation.RESPONSE);
        for (int n = 1; ; n++) {
            recorder.chunk(conn, Direction.S2C, System.nanoTime(), frame(n));
            if (n % 250 == 0) {
                recorder.flush();
                System.out.println("flushed " + n);
                System.out.flush();
                Thread.sleep(2);
            }
        }
    }

    /** A binary frame whose payload starts with its sequence number. */
    static byte[] frame(int n) {
        ByteBuffer b = ByteBuffer.allocate(2 + PAYLOAD);
        b.put((byte) 0x82).put((byte) PAYLOAD).putInt(n);
        return b.array();
    }
}
