package dev.upgradescope.ui.timeline;

import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.capture.EventRow;
import dev.upgradescope.capture.ListenerMode;
import dev.upgradescope.capture.NoteRow;
import dev.upgradescope.dissect.upgrade.UpgradeOutcome;
import dev.upgradescope.wire.Direction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/** An in-memory store of events for view-model tests, read synchronously. */
public final class Events implements StoredEvents {

    public final List<EventRow> rows = new ArrayList<>();
    public final List<NoteRow> notes = new ArrayList<>();
    public int reads;
    /** While set, reads of pages fail with it (a session file gone bad). */
    public IOException failing;

    public static ConnectionRow connection(long id, long opened, long closed, long events) {
        return new ConnectionRow(id, "127.0.0.1:5" + id, "127.0.0.1:8080", ListenerMode.REVERSE, "127.0.0.1:9000",
                opened, opened / 1000, closed, closed < 0 ? -1 : closed / 1000, 0, 0, List.of("websocket"), 101,
                UpgradeOutcome.UPGRADED, "websocket", events, events);
    }

    public EventRow frame(long conn, long nanos, Direction dir, int opcode) {
        EventRow e = new EventRow(rows.size() + 1, conn, "ws-frame", dir, 0, 0, nanos, nanos / 1000,
                "OP" + opcode + " fin len=1", Map.of("opcode", opcode), List.of(), -1);
        rows.add(e);
        return e;
    }

    public EventRow event(long conn, long nanos, String kind, Direction dir, String summary) {
        EventRow e = new EventRow(rows.size() + 1, conn, kind, dir, 0, 0, nanos, nanos / 1000, summary, Map.of(),
                List.of(), -1);
        rows.add(e);
        return e;
    }

    public NoteRow note(long conn, long nanos, String code, String detail) {
        NoteRow n = new NoteRow(notes.size() + 1, conn, code, detail, nanos, nanos / 1000);
        notes.add(n);
        return n;
    }

    @Override
    public List<NoteRow> notes(long conn) {
        return notes.stream().filter(n -> n.conn() == conn).toList();
    }

    @Override
    public List<EventRow> events(long conn, long afterId, int limit) throws IOException {
        reads++;
        if (failing != null) {
            throw failing;
        }
        return rows.stream().filter(e -> e.conn() == conn && e.id() > afterId).limit(limit).toList();
    }

    @Override
    public Optional<EventRow> event(long eventId) {
        return rows.stream().filter(e -> e.id() == eventId).findFirst();
    }

    public static ResourceBundle texts() {
        return TimelineView.bundle(Locale.ENGLISH);
    }
}
