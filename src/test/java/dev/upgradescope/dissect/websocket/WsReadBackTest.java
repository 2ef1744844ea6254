package dev.upgradescope.dissect.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.Direction;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Reading an uncompressed message's payload back from the bytes of its frames (RFC 6455 §5.2, §5.4). */
class WsReadBackTest {

    @Test
    void fragmentsAreUnmaskedAndJoinedAndAnInterleavedPingIsSkipped() {
        byte[] first = new byte[200];
        Arrays.fill(first, (byte) 'a');
        ByteArrayOutputStream span = new ByteArrayOutputStream();
        span.writeBytes(frame(0x02, false, first, new byte[] {1, 2, 3, 4}));
        span.writeBytes(frame(0x89, true, "ping".getBytes(), new byte[] {5, 6, 7, 8}));
        span.writeBytes(frame(0x80, true, "end".getBytes(), null));
        byte[] expected = new byte[203];
        System.arraycopy(first, 0, expected, 0, 200);
        System.arraycopy("end".getBytes(), 0, expected, 200, 3);
        assertThat(WsReadBack.messagePayload(Direction.S2C, 0, span.toByteArray(), 1 << 20)).isEqualTo(expected);
        assertThat(WsReadBack.messagePayload(Direction.S2C, 0, span.toByteArray(), 10)).isEqualTo(Arrays.copyOf(expected, 10));
    }

    @Test
    void aTruncatedSpanGivesWhatIsThereAndNeverThrows() {
        byte[] whole = frame(0x82, true, "hello".getBytes(), new byte[] {9, 9, 9, 9});
        for (int n = 0; n <= whole.length; n++) {
            byte[] part = Arrays.copyOf(whole, n);
            assertThat(WsReadBack.messagePayload(Direction.C2S, 0, part, 1 << 20).length).isLessThanOrEqualTo(5);
        }
        assertThat(WsReadBack.messagePayload(Direction.C2S, 0, whole, 1 << 20)).isEqualTo("hello".getBytes());
    }

    @Test
    void aFramesPayloadIsUnmaskedAndNoFrameGivesNull() {
        byte[] whole = frame(0x81, true, "Hello".getBytes(), new byte[] {0x37, (byte) 0xfa, 0x21, 0x3d});
        assertThat(WsReadBack.framePayload(Direction.C2S, 7, whole)).isEqualTo("Hello".getBytes());
        assertThat(WsReadBack.framePayload(Direction.C2S, 7, new byte[] {(byte) 0x81})).isNull();
        assertThat(WsReadBack.message(Direction.C2S, 7, whole, 1 << 20).orElseThrow().textValue()).contains("Hello");
    }

    /** {@code first} is the first byte (FIN and opcode); {@code key} null for an unmasked frame. */
    private static byte[] frame(int first, boolean fin, byte[] payload, byte[] key) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(fin ? first | 0x80 : first);
        int mask = key == null ? 0 : 0x80;
        if (payload.length < 126) {
            f.write(mask | payload.length);
        } else {
            f.write(mask | 126);
            f.write(payload.length >> 8);
            f.write(payload.length & 0xff);
        }
        if (key != null) {
            f.writeBytes(key);
        }
        for (int i = 0; i < payload.length; i++) {
            f.write(key == null ? payload[i] : payload[i] ^ key[i & 3]);
        }
        return f.toByteArray();
    }
}
