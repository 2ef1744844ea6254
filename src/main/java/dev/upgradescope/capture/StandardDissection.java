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
                byte[] payload = u.unit() instanceof WsMessage m && !m.text() ? m.payload() : null;
                out.add(new Dissected.UnitDone(u.unit(), payload));
            } else if (e instanceof DissectionEvent.HandshakeAnalysed h) {
                out.add(handshake(h.requestOffset(), h.analysis()));
            } else if (e instanceof DissectionEvent.ProtocolSwitched s) {
                out.add(new Dissected.Switched(s.protocol(), s.c2sOffset(), s.s2cOffset()));
            }
        }
        return out;
    }

    private static Dissected.Handshake handshake(long requestOffset, HandshakeAnalysis a) {
        return new Dissected.Handshake(requestOffset, a.asked().stream().map(AskedProtocol::raw).toList(),
                a.outcome(), a.status().orElse(0), a.summary(), a.attributes(), a.findings(), a.tree());
    }
}
