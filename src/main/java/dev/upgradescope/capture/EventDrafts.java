package dev.upgradescope.capture;

import dev.upgradescope.dissect.DissectionEvent;
import dev.upgradescope.dissect.http1.HttpResponse;
import dev.upgradescope.dissect.upgrade.HandshakeAnalysis;
import dev.upgradescope.wire.Unit;
import dev.upgradescope.wire.UnitKind;
import java.util.List;
import java.util.Map;

/**
 * The rows the recorder stores for what a dissection emits (without an id yet), and the running
 * summary of the connection they update: frames after the switch, the final status, what was asked,
 * the outcome, the protocol switched to.
 */
final class EventDrafts {

    private EventDrafts() {
    }

    static EventRow unit(LiveConnection c, Unit unit, long payloadSize, long nanos, long wall) {
        Map<String, Object> attributes = unit.attributes();
        count(c, unit);
        return new EventRow(0, c.id, unit.kind().code(), unit.dir(), unit.offset(), unit.length(), nanos, wall,
                unit.summary(), attributes, unit.findings(), (int) Math.min(Integer.MAX_VALUE, payloadSize));
    }

    /** Counts a unit in the connection's summary: a frame or record, or the final status of a response. */
    static void count(LiveConnection c, Unit unit) {
        UnitKind kind = unit.kind();
        if (kind == UnitKind.WS_FRAME || kind == UnitKind.H2_FRAME || kind == UnitKind.TLS_RECORD) {
            c.frames++;
        }
        if (unit instanceof HttpResponse r && c.status == 0 && (r.status() >= 200 || r.status() == 101)) {
            c.status = r.status();
        }
    }

    static EventRow handshake(LiveConnection c, DissectionEvent.HandshakeAnalysed h, long nanos, long wall) {
        HandshakeAnalysis a = h.analysis();
        List<String> asked = h.askedProtocols();
        c.asked = asked;
        c.status = a.status().orElse(0);
        c.outcome = a.outcome();
        return new EventRow(0, c.id, EventRow.HANDSHAKE, null, 0, 0, nanos, wall, a.summary(),
                FrozenAttributes.adopt(h.attributes(asked)), a.findings(), -1);
    }

    static EventRow protocolSwitch(LiveConnection c, DissectionEvent.ProtocolSwitched s, long nanos, long wall) {
        c.protocol = s.protocol();
        return new EventRow(0, c.id, EventRow.PROTOCOL_SWITCH, null, 0, 0, nanos, wall, s.summary(),
                FrozenAttributes.adopt(s.attributes()), List.of(), -1);
    }
}
