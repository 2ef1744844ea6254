package dev.upgradescope.ui.archfixture;

import dev.upgradescope.dissect.websocket.WsDissector;
import dev.upgradescope.dissect.websocket.WsFrame;
import dev.upgradescope.dissect.websocket.WsNegotiation;

/** Breaks a line on purpose (see ArchitectureRulesTest): the window running a dissector itself. */
final class ReachesADissector {

    /** What a unit says may be read; building the dissector that made it may not. */
    Object reread(byte[] wire, WsFrame seen) {
        return seen == null ? new WsDissector(WsNegotiation.NONE) : seen.payload();
    }
}
