package dev.upgradescope.wire;

import java.util.Objects;

/**
 * Bytes as they arrived on one direction of a connection: the common currency of every source
 * (proxy, replay, demo, file import). {@code offset} is the absolute position of the first byte in
 * the direction's stream; {@code nanos} a monotonic timestamp.
 */
public record Chunk(Direction dir, long offset, long nanos, byte[] bytes) {

    public Chunk {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(bytes, "bytes");
    }

    public long end() {
        return offset + bytes.length;
    }
}
