package dev.upgradescope.wire;

import java.util.List;

/**
 * An incremental dissector for one connection's two streams after a protocol switch. Bytes are
 * fed in arrival order per direction; each call returns the units completed by those bytes.
 * Implementations keep their own per-direction state, never throw on bad input (it becomes a
 * finding), and are not thread-safe.
 */
public interface StreamDissector {

    /** Consumes the next bytes of {@code dir}; {@code offset} is their absolute stream offset. */
    List<Unit> feed(Direction dir, long offset, byte[] bytes, int from, int to);

    default List<Unit> feed(Direction dir, long offset, byte[] bytes) {
        return feed(dir, offset, bytes, 0, bytes.length);
    }

    /** The direction has ended: emit what is pending, marking a partial unit as truncated. */
    List<Unit> end(Direction dir);
}
