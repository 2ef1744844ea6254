package dev.upgradescope.ui.timeline;

import dev.upgradescope.wire.Direction;

/** Where in a lane a mark sits: client-to-server above the centre line, server-to-client below, the rest on it. */
public enum Track {
    C2S,
    S2C,
    CENTRE;

    public static Track of(Direction dir) {
        if (dir == null) {
            return CENTRE;
        }
        return dir == Direction.C2S ? C2S : S2C;
    }
}
