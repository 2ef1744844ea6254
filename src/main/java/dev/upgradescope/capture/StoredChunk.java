package dev.upgradescope.capture;

import dev.upgradescope.wire.Direction;

/** Stored raw bytes of one direction of a connection, in the order the recorder received them. */
public record StoredChunk(long id, long conn, Direction dir, long offset, long nanos, long wallMicros, byte[] bytes) {

    public long end() {
        return offset + bytes.length;
    }
}
