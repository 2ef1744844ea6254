package dev.upgradescope.capture;

import dev.upgradescope.dissect.ConnectionDissector;
import dev.upgradescope.dissect.DissectionEvent;
import dev.upgradescope.dissect.upgrade.AskedProtocol;
import dev.upgradescope.dissect.upgrade.HandshakeAnalysis;
import dev.upgradescope.dissect.websocket.WsMessage;
import dev.upgradescope.wire.Direction;
import java.util.ArrayList;
import java.util.List;

/**
 * The recorder's view of the dissect layer's {@link ConnectionDissector}: its events in the
 * recorder's terms, with the payload of binary WebSocket messages (text is in the unit's
 * {@code text} attribute) so it can be stored beside the event.
 */
final class StandardDissection implements ConnectionDissection {

    private final ConnectionDissector dissector = new ConnectionDissector();

    @Override
    public List<Dissected> feed(Direction dir, long offset, byte[] bytes) {
        return translate(dissector.feed(dir, offset, bytes));
    }

    @Override
    public List<Dissected> end(Direction dir) {
        return translate(dissector.end(dir));
    }

    private static List<Dissected> translate(List<DissectionEvent> events) {
        List<Dissected> out = new ArrayList<>(events.size());
        for (DissectionEvent e : events) {
            if (e instanceof DissectionEvent.UnitDissected u) {
                out.add(unitDone(u.unit()));
            } else if (e instanceof DissectionEvent.HandshakeAnalysed h) {
                out.add(handshake(h.requestOffset(), h.analysis()));
            } else if (e instanceof DissectionEvent.ProtocolSwitched s) {
                out.add(new Dissected.Switched(s.protocol(), s.c2sOffset(), s.s2cOffset()));
            }
        }
        return out;
    }

    /**
     * A binary message's payload is stored only when it was compressed (inflating it again needs the
     * whole connection's deflate context); otherwise it is its frames' payloads, unmasked, which
     * {@link SessionReader#payload} reads back from the chunks. A text message carries its text in
     * its attributes.
     */
    private static Dissected.UnitDone unitDone(dev.upgradescope.wire.Unit unit) {
        if (unit instanceof WsMessage m && !m.text()) {
            return m.compressed() ? new Dissected.UnitDone(m, m.payload())
                    : new Dissected.UnitDone(m, null, m.payloadLength());
        }
        return new Dissected.UnitDone(unit);
    }

    private static Dissected.Handshake handshake(long requestOffset, HandshakeAnalysis a) {
        List<String> asked = new ArrayList<>(a.asked().size());
        for (AskedProtocol p : a.asked()) {
            asked.add(p.raw());
        }
        return Dissected.Handshake.withTreeBuilt(requestOffset, asked, a.outcome(), a.status().orElse(0), a.summary(),
                a.attributes(), a.findings(), a::tree);
    }
}
