package dev.upgradescope.dissect;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.OpaqueBytes;
import dev.upgradescope.wire.StreamDissector;
import dev.upgradescope.wire.Unit;
import java.util.List;

/** Bytes no dissector reads: shown as they arrive, one opaque unit per run, with the reason. */
final class OpaqueStream implements StreamDissector {

    private final String reason;

    OpaqueStream(String reason) {
        this.reason = reason;
    }

    @Override
    public List<Unit> feed(Direction dir, long offset, byte[] bytes, int from, int to) {
        if (to <= from) {
            return List.of();
        }
        return List.of(new OpaqueBytes(dir, offset, to - from, reason, List.of()));
    }

    @Override
    public List<Unit> end(Direction dir) {
        return List.of();
    }
}
