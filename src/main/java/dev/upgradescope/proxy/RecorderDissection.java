package dev.upgradescope.proxy;

import dev.upgradescope.capture.ConnectionDissection;
import dev.upgradescope.capture.Dissected;
import dev.upgradescope.dissect.ConnectionDissector;
import dev.upgradescope.dissect.DissectionEvent;
import dev.upgradescope.dissect.upgrade.AskedProtocol;
import dev.upgradescope.dissect.upgrade.HandshakeAnalysis;
import dev.upgradescope.dissect.websocket.WsMessage;
import dev.upgradescope.wire.Direction;
import java.util.ArrayList;
import java.util.List;

/**
 * The dissection a recorded proxy connection gets: the dissect layer's {@link ConnectionDissector}
 * (HTTP/1.1 until the switch, then WebSocket, HTTP/2, TLS or opaque; CONNECT tunnels dissected as
 * connections of their own), its events translated into the recorder's terms.
 */
public final class RecorderDissection implements ConnectionDissection {

    /** A fresh dissector per connection. */
    public static final ConnectionDissection.Factory FACTORY = RecorderDissection::new;

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
                out.add(new Dissected.UnitDone(u.unit(), u.unit() instanceof WsMessage m ? m.payload() : null));
            } else if (e instanceof DissectionEvent.HandshakeAnalysed h) {
                HandshakeAnalysis a = h.analysis();
                out.add(new Dissected.Handshake(a.asked().stream().map(AskedProtocol::raw).toList(), a.outcome(),
                        a.status().orElse(0), a.findings()));
            } else if (e instanceof DissectionEvent.ProtocolSwitched s) {
                out.add(new Dissected.Switched(s.protocol(), s.c2sOffset(), s.s2cOffset()));
            }
        }
        return out;
    }
}
