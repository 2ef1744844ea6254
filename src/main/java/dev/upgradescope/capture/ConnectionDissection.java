package dev.upgradescope.capture;

import dev.upgradescope.wire.Direction;
import java.util.List;

/**
 * The dissection of one connection's two streams as the recorder drives it: bytes in, in arrival
 * order per direction, {@link Dissected} results out. One instance per connection, used from one
 * thread at a time. The dissect layer's {@code ConnectionDissector} is adapted to it.
 */
public interface ConnectionDissection {

    /** The next bytes of {@code dir}; {@code offset} is their absolute stream offset. */
    List<Dissected> feed(Direction dir, long offset, byte[] bytes);

    /** The direction has ended: whatever is pending is emitted. */
    List<Dissected> end(Direction dir);

    /** The dissection of the dissect layer: HTTP/1.1, the upgrade analysis, then WebSocket, HTTP/2, TLS. */
    static Factory standard() {
        return StandardDissection::new;
    }

    /** Makes a fresh dissection for each new connection. */
    @FunctionalInterface
    interface Factory {
        ConnectionDissection create();
    }
}
