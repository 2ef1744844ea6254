package dev.upgradescope.ui.session;

import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.capture.EventRow;
import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.dissect.upgrade.UpgradeOutcome;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Finding;
import java.util.List;
import java.util.Map;

/** Rows as the capture feed would give them, for tests. */
public final class SessionRows {

    private SessionRows() {
    }

    public static ConnectionRow connection(long id, String target, List<String> asked, int status, String outcome) {
        return new ConnectionRow(id, "127.0.0.1:5" + id, "127.0.0.1:8080", ListenerMode.FORWARD, target, 1_000L * id,
                1_700_000_000_000_000L + id, -1, -1, 100, 200, asked, status, UpgradeOutcome.ofCode(outcome), "", 3, 5);
    }

    public static ConnectionRow closed(ConnectionRow r) {
        return new ConnectionRow(r.id(), r.client(), r.listener(), r.mode(), r.target(), r.openedNanos(),
                r.openedWallMicros(), r.openedNanos() + 5, r.openedWallMicros() + 5, r.c2sBytes(), r.s2cBytes(),
                r.askedProtocols(), r.status(), r.outcome(), r.protocol(), r.frames(), r.events());
    }

    public static EventRow event(long id, long conn, String kind, Direction dir, Map<String, Object> attributes,
                                 List<Finding> findings) {
        return new EventRow(id, conn, kind, dir, id * 10, 10, id, id, kind + " " + id, attributes, findings, -1);
    }
}
