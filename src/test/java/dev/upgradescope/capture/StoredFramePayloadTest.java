package dev.upgradescope.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradescope.wire.Direction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredFramePayloadTest {

    @Test
    void aClientFramesPayloadIsUnmasked() {
        // RFC 6455 §5.7: a masked "Hello" from the client
        byte[] wire = {(byte) 0x81, (byte) 0x85, 0x37, (byte) 0xfa, 0x21, 0x3d, 0x7f, (byte) 0x9f, 0x4d, 0x51, 0x58};
        EventRow frame = new EventRow(7, 1, "ws-frame", Direction.C2S, 189, wire.length, 0, 0,
                "TEXT fin len=5 masked", Map.of(), List.of(), -1);

        assertThat(new String(StoredFramePayload.of(frame, wire), StandardCharsets.UTF_8)).isEqualTo("Hello");
    }

    @Test
    void aFrameCutByTheDisplayCapStillShowsWhatArrived() {
        byte[] wire = {(byte) 0x82, 0x7e, 0x01, 0x00, 1, 2, 3};
        EventRow frame = new EventRow(8, 1, "ws-frame", Direction.S2C, 0, 260, 0, 0, "BINARY fin len=256",
                Map.of(), List.of(), -1);

        assertThat(StoredFramePayload.of(frame, wire)).containsExactly(1, 2, 3);
    }

    @Test
    void bytesThatAreNoFrameGiveNoPayload() {
        EventRow frame = new EventRow(9, 1, "ws-frame", Direction.S2C, 0, 1, 0, 0, "", Map.of(), List.of(), -1);

        assertThat(StoredFramePayload.of(frame, new byte[] {(byte) 0x82})).isNull();
    }
}
