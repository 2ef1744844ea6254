package dev.upgradescope.capture;

import dev.upgradescope.dissect.ConnectionDissector;
import dev.upgradescope.dissect.DissectionEvent;
import dev.upgradescope.wire.Direction;
import java.util.List;

/**
 * The dissection of one connection's two streams as the recorder and {@link Redissection} drive
 * it: bytes in, in arrival order per direction, the dissect layer's {@link DissectionEvent}s out,
 * as they are. One instance per connection, used from one thread at a time. The standard one is
 * {@link ConnectionDissector}; tests stand in for it to make a dissection slow or failing. The
 * window and the command line hold a {@link Factory} without reaching the dissect layer.
 */
public interface ConnectionDissection {

    /** The next bytes of {@code dir}; {@code offset} is their absolute stream offset. */
    List<DissectionEvent> feed(Direction dir, long offset, byte[] bytes);

    /** The direction has ended: whatever is pending is emitted. */
    List<DissectionEvent> end(Direction dir);

    /** The dissection of the dissect layer: HTTP/1.1, the upgrade analysis, then WebSocket, HTTP/2, TLS. */
    static Factory standard() {
        return () -> {
            ConnectionDissector dissector = new ConnectionDissector();
            return new ConnectionDissection() {
                @Override
                public List<DissectionEvent> feed(Direction dir, long offset, byte[] bytes) {
                    return dissector.feed(dir, offset, bytes);
                }

                @Override
                public List<DissectionEvent> end(Direction dir) {
                    return dissector.end(dir);
                }
            };
        };
    }

    /** Makes a fresh dissection for each new connection. */
    @FunctionalInterface
    interface Factory {
        ConnectionDissection create();
    }
}
