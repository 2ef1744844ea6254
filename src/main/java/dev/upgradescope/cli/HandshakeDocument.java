package dev.upgradescope.cli;

import dev.upgradescope.dissect.upgrade.AskedProtocol;
import dev.upgradescope.dissect.upgrade.HandshakeAnalysis;
import dev.upgradescope.wire.UnitDocument;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code handshake} object of {@code dissect --json} (see docs/cli.md). */
final class HandshakeDocument {

    private HandshakeDocument() {
    }

    static Map<String, Object> of(HandshakeAnalysis analysis) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocols", analysis.asked().stream().map(AskedProtocol::raw).toList());
        m.put("outcome", analysis.outcome().code());
        m.put("status", analysis.status().isPresent() ? analysis.status().getAsInt() : null);
        m.put("switchedTo", analysis.switchedTo().describe());
        m.put("findings", UnitDocument.findings(analysis.findings()));
        return m;
    }
}
