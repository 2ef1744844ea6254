package dev.upgradescope.ui.session;

import dev.upgradescope.wire.Direction;

/** The recorded bytes of one direction from stream offset {@code base} on (a window, not the whole stream). */
public record RawWindow(Direction dir, long base, byte[] bytes) {

    public static RawWindow empty(Direction dir) {
        return new RawWindow(dir, 0, new byte[0]);
    }

    public long end() {
        return base + bytes.length;
    }

    public boolean contains(long offset) {
        return offset >= base && offset < end();
    }
}
