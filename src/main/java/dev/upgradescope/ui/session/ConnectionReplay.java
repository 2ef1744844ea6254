package dev.upgradescope.ui.session;

import dev.upgradescope.capture.ConnectionDissection;
import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.capture.Dissected;
import dev.upgradescope.capture.SessionReader;
import dev.upgradescope.capture.StoredChunk;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import dev.upgradescope.wire.Unit;
import dev.upgradescope.wire.UnitKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-derives the field trees of a connection's first bytes: the stored chunks are fed, in the order
 * they were recorded, to a fresh dissection, until {@code window} bytes of each direction were seen.
 * Trees are not stored in the session; this is how the detail panes get them. Runs on the worker.
 */
public final class ConnectionReplay {

    /** Bytes of each direction re-dissected and shown in the raw view. */
    public static final int WINDOW = 64 * 1024;
    private static final int MAX_UNITS = 5_000;

    private final ConnectionDissection.Factory dissections;

    public ConnectionReplay(ConnectionDissection.Factory dissections) {
        this.dissections = dissections;
    }

    public ConnectionDetail derive(SessionReader reader, ConnectionRow row) throws IOException {
        State s = new State(dissections.create());
        reader.forEachChunk(row.id(), s::accept); // stops once the window is full
        if (!s.stoppedEarly && row.closed()) {
            s.finish(); // the whole connection was seen: what is pending is complete or truncated
        }
        return new ConnectionDetail(row, new ArrayList<>(s.analyses.values()), s.http, s.handshakeFindings, s.units,
                new RawWindow(Direction.C2S, 0, s.bytes[0].toByteArray()),
                new RawWindow(Direction.S2C, 0, s.bytes[1].toByteArray()), reader.notes(row.id()));
    }

    private static final class State {
        ConnectionDissection dissection;
        final ByteArrayOutputStream[] bytes = {new ByteArrayOutputStream(), new ByteArrayOutputStream()};
        final List<Unit> http = new ArrayList<>();
        final List<Unit> units = new ArrayList<>();
        final List<Finding> handshakeFindings = new ArrayList<>();
        final Map<Long, Field> analyses = new LinkedHashMap<>();
        final Map<Long, List<Finding>> latest = new HashMap<>();
        long fed;
        boolean stoppedEarly;

        State(ConnectionDissection dissection) {
            this.dissection = dissection;
        }

        /** Takes one chunk; false once enough was seen. */
        boolean accept(StoredChunk chunk) {
            int d = chunk.dir().ordinal();
            fed += chunk.bytes().length;
            if (bytes[0].size() >= WINDOW && bytes[1].size() >= WINDOW || fed > 8L * WINDOW
                    || units.size() >= MAX_UNITS) {
                stoppedEarly = true;
                return false;
            }
            if (bytes[d].size() < WINDOW) {
                int n = (int) Math.min(chunk.bytes().length, WINDOW - bytes[d].size());
                bytes[d].write(chunk.bytes(), 0, n);
            }
            if (dissection != null) {
                try {
                    collect(dissection.feed(chunk.dir(), chunk.offset(), chunk.bytes()));
                } catch (RuntimeException e) {
                    dissection = null; // the recorder noted this failure; show what was derived
                }
            }
            return true;
        }

        void finish() {
            if (dissection != null) {
                try {
                    for (Direction dir : Direction.values()) {
                        collect(dissection.end(dir));
                    }
                } catch (RuntimeException e) {
                    dissection = null;
                }
            }
        }

        private void collect(List<Dissected> results) {
            for (Dissected r : results) {
                if (r instanceof Dissected.UnitDone done) {
                    Unit u = done.unit();
                    if (u.kind() == UnitKind.HTTP_REQUEST || u.kind() == UnitKind.HTTP_RESPONSE) {
                        if (http.size() < 64) {
                            http.add(u);
                        }
                    } else if (units.size() < MAX_UNITS) {
                        units.add(u);
                    }
                } else if (r instanceof Dissected.Handshake h) {
                    // a later analysis of the same request replaces the earlier one
                    handshakeFindings.removeAll(latest.getOrDefault(h.requestOffset(), List.of()));
                    latest.put(h.requestOffset(), h.findings());
                    handshakeFindings.addAll(h.findings());
                    if (h.tree() != null) {
                        analyses.put(h.requestOffset(), h.tree());
                    }
                }
            }
        }
    }
}
