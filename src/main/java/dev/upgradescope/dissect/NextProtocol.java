package dev.upgradescope.dissect;

import dev.upgradescope.dissect.http2.H2Config;
import dev.upgradescope.dissect.http2.H2Dissector;
import dev.upgradescope.dissect.tls.TlsDissector;
import dev.upgradescope.dissect.upgrade.HandshakeAnalysis;
import dev.upgradescope.dissect.upgrade.SwitchedTo;
import dev.upgradescope.dissect.websocket.WsDissector;
import dev.upgradescope.wire.StreamDissector;

/** The dissector for what a connection speaks after a switch, and the protocol's short name. */
record NextProtocol(String name, StreamDissector dissector) {

    /** After a 101: what the handshake analysis says the connection switched to. */
    static NextProtocol after(HandshakeAnalysis analysis) {
        SwitchedTo to = analysis == null ? SwitchedTo.NONE : analysis.switchedTo();
        if (to instanceof SwitchedTo.WebSocket ws) {
            return new NextProtocol("websocket", new WsDissector(ws.negotiation()));
        } else if (to instanceof SwitchedTo.H2c h2c) {
            return new NextProtocol("h2c", new H2Dissector(H2Config.afterUpgrade(h2c.fromHeader())));
        } else if (to instanceof SwitchedTo.Tls) {
            return new NextProtocol("tls", tls());
        }
        String named = to instanceof SwitchedTo.Other other && !other.protocols().isEmpty()
                ? String.join(", ", other.protocols()) : "unknown";
        return new NextProtocol(named, new OpaqueStream("protocol " + named + " is not dissected"));
    }

    static StreamDissector tls() {
        return new TlsDissector();
    }

    static StreamDissector http2PriorKnowledge() {
        return new H2Dissector(H2Config.priorKnowledge());
    }
}
