package dev.upgradescope.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.UnitKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventBlockCodecTest {

    @Test
    void eventsReadBackAsWrittenWithTheBlocksRanges() throws Exception {
        Random random = new Random(7692);
        EventBlockCodec.Builder builder = new EventBlockCodec.Builder(9);
        List<CompactEvent> written = new ArrayList<>();
        long id = 1L << 40;
        long[] at = {5L << 32, 17};
        long nanos = -5_000_000_000L; // nanoTime may be negative
        long wall = 1_700_000_000_000_000L;
        for (int i = 0; i < 2000; i++) {
            id += 1 + random.nextInt(3);
            Direction dir = random.nextBoolean() ? Direction.C2S : Direction.S2C;
            int d = dir.ordinal();
            nanos += random.nextInt(2_000_000) - 1000; // times from two threads may step back a little
            wall += random.nextInt(2000) - 1;
            CompactEvent e;
            int pick = random.nextInt(5);
            if (pick == 0) { // any event as written, with or without a direction
                boolean none = random.nextBoolean();
                e = CompactEvent.written(id, none ? null : dir, none ? 0 : at[d], none ? 0 : 1 + random.nextInt(500),
                        nanos, wall, new CompactEvent.Written(none ? "handshake" : "http-request", "GET /ü 日本 " + i,
                        "{\"n\":" + i + "}", random.nextBoolean() ? "[]" : "[{\"code\":\"x\"}]",
                        random.nextInt(3) - 1));
            } else if (pick < 3) {
                int flags = random.nextInt(256) | (random.nextBoolean() ? CompactEvent.MASKED : 0)
                        | (random.nextInt(3) == 0 ? CompactEvent.LENGTH_16 : 0);
                long payload = random.nextInt(1 << 16);
                e = new CompactEvent(id, UnitKind.WS_FRAME, dir, at[d], CompactUnits.frameHeaderLength(flags) + payload,
                        nanos, wall, flags, payload);
            } else {
                long length = 2 + random.nextInt(1 << 20);
                e = new CompactEvent(id, UnitKind.WS_MESSAGE, dir, at[d], length, nanos, wall,
                        random.nextInt(2), length - 2);
            }
            if (e.dir() != null) {
                at[d] = e.end() + (random.nextInt(4) == 0 ? random.nextInt(100) : 0);
            }
            builder.add(e, null);
            written.add(e);
        }
        EventBlock block = builder.finish();
        assertThat(block.count()).isEqualTo(2000);
        assertThat(block.firstId()).isEqualTo(written.get(0).id());
        assertThat(block.lastId()).isEqualTo(id);
        assertThat(block.minNanos()).isEqualTo(written.stream().mapToLong(CompactEvent::nanos).min().orElseThrow());
        assertThat(block.maxWallMicros()).isEqualTo(written.stream().mapToLong(CompactEvent::wallMicros).max().orElseThrow());
        assertThat(block.c2sStart()).isEqualTo(5L << 32);
        assertThat(EventBlockCodec.decode(block.firstId(), block.count(), block.data())).isEqualTo(written);
        assertThat(builder.count()).isZero(); // finishing starts an empty block
    }

    @Test
    void cutOrForeignBytesAreAFormatErrorNamingTheBlock() {
        EventBlockCodec.Builder builder = new EventBlockCodec.Builder(1);
        builder.add(new CompactEvent(100, UnitKind.WS_FRAME, Direction.C2S, 0, 7, 1, 1, 0x81, 5), null);
        EventBlock block = builder.finish();
        byte[] cut = Arrays.copyOf(block.data(), block.data().length - 1);
        assertThatThrownBy(() -> EventBlockCodec.decode(100, 1, cut)).isInstanceOf(SessionFormatException.class)
                .hasMessageContaining("event block at id 100 ends after 0 of 1 events");
        byte[] foreign = block.data().clone();
        foreign[0] = 0; // kind 0 is no kind
        assertThatThrownBy(() -> EventBlockCodec.decode(100, 1, foreign)).isInstanceOf(SessionFormatException.class)
                .hasMessageContaining("unknown kind");
        byte[] endless = new byte[12];
        endless[0] = 1;
        Arrays.fill(endless, 2, 12, (byte) 0xff);
        assertThatThrownBy(() -> EventBlockCodec.decode(100, 1, endless)).isInstanceOf(SessionFormatException.class);
    }
}
