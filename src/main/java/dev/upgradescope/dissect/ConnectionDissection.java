package dev.upgradescope.dissect;

import dev.upgradescope.wire.Direction;
import java.util.List;

/**
 * The dissection of one connection's two streams as a recorder drives it: bytes in, in arrival
 * order per direction, {@link DissectionEvent}s out. One instance per connection, used from one
 * thread at a time. {@link ConnectionDissector} is the real one; tests stand in for it to make a
 * dissection slow or failing.
 */
public interface ConnectionDissection {

    /** The next bytes of {@code dir}; {@code offset} is their absolute stream offset. */
    List<DissectionEvent> feed(Direction dir, long offset, byte[] bytes);

    /** The direction has ended: whatever is pending is emitted. */
    List<DissectionEvent> end(Direction dir);

    /** The dissection of the dissect layer: HTTP/1.1, the upgrade analysis, then WebSocket, HTTP/2, TLS. */
    static Factory standard() {
        return ConnectionDissector::new;
    }

    /** Makes a fresh dissection for each new connection. */
    @FunctionalInterface
    interface Factory {
        ConnectionDissection create();
    }
}
