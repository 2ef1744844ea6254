package dev.upgradescope.capture;

import dev.upgradescope.wire.Direction;
import java.util.concurrent.CompletableFuture;

/** What the sink calls hand to the recorder's dissection thread, in call order. */
sealed interface RecorderOp {

    long conn();

    record Open(long conn, ConnectionInfo info) implements RecorderOp {
    }

    record Target(long conn, String target) implements RecorderOp {
    }

    /** {@code weight} is what the chunk counts in its connection's {@code flow} until it is recorded. */
    record ChunkIn(long conn, Direction dir, long offset, long nanos, byte[] bytes, ConnectionFlow flow, long weight)
            implements RecorderOp {
    }

    record NoteIn(long conn, ConnectionNote note) implements RecorderOp {
    }

    /** {@code offset} is where the direction's stream ended (bytes dropped before it show as a gap). */
    record End(long conn, Direction dir, long offset, long nanos) implements RecorderOp {
    }

    /** A source was paused: look again at what waits once what came before is recorded. */
    record Wake() implements RecorderOp {
        @Override
        public long conn() {
            return -1;
        }
    }

    /** Everything before has been dissected and handed to the store. */
    record Barrier(CompletableFuture<Void> done, boolean last) implements RecorderOp {
        @Override
        public long conn() {
            return -1;
        }
    }
}
