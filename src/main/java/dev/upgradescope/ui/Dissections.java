package dev.upgradescope.ui;

import dev.upgradescope.capture.ConnectionDissection;
import dev.upgradescope.capture.Dissected;
import dev.upgradescope.wire.Direction;
import java.util.List;

/**
 * The dissection the window records with. Until the dissect layer's connection dissector is
 * available here, connections are recorded byte for byte without being cut into units.
 */
final class Dissections {

    private Dissections() {
    }

    static ConnectionDissection.Factory factory() {
        return () -> new ConnectionDissection() {
            @Override
            public List<Dissected> feed(Direction dir, long offset, byte[] bytes) {
                return List.of();
            }

            @Override
            public List<Dissected> end(Direction dir) {
                return List.of();
            }
        };
    }
}
