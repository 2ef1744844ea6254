package dev.upgradescope.capture;

import dev.upgradescope.dissect.DissectionEvent;
import dev.upgradescope.dissect.http1.HttpMessage;
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
import java.util.Optional;

/**
 * Re-derives what a session does not store — the field trees of units and handshake analyses — by
 * dissecting a connection's stored chunks again with a fresh dissection, in the order they were
 * recorded, exactly as the recorder fed them. Dissection is deterministic, so the units found are
 * the ones the events were recorded for. It stops where the recording's own dissection stopped:
 * at bytes that were not recorded, or where a dissector failed (the raw bytes still go on).
 */
public final class Redissection {

    /** Bytes of each direction {@link #window} re-dissects and returns. */
    public static final int WINDOW = 64 * 1024;
    private static final int MAX_UNITS = 5_000;
    private static final int MAX_HTTP = 64;
    private static final int PAGE = 1000;

    private final SessionReader reader;
    private final ConnectionDissection.Factory dissections;

    public Redissection(SessionReader reader, ConnectionDissection.Factory dissections) {
        this.reader = reader;
        this.dissections = dissections;
    }

    /**
     * The first {@value #WINDOW} bytes of each direction of a connection and what they dissect
     * into: the handshake analyses' trees (the last analysis of each request), the HTTP messages
     * (at most {@value #MAX_HTTP}), the analyses' findings, the other units (at most
     * {@value #MAX_UNITS}), and the bytes themselves.
     */
    public record Window(List<Field> analyses, List<Unit> httpMessages, List<Finding> handshakeFindings,
                         List<Unit> units, byte[] c2s, byte[] s2c) {
        public Window {
            analyses = List.copyOf(analyses);
            httpMessages = List.copyOf(httpMessages);
            handshakeFindings = List.copyOf(handshakeFindings);
            units = List.copyOf(units);
        }
    }

    /** The window of connection {@code row} (see {@link Window}). */
    public Window window(ConnectionRow row) throws IOException {
        WindowCollector w = new WindowCollector();
        redissect(row.id(), row.closed(), w);
        return new Window(new ArrayList<>(w.analyses.values()), w.http, w.handshakeFindings, w.units,
                w.bytes[0].toByteArray(), w.bytes[1].toByteArray());
    }

    /**
     * The field tree of event {@code eventId}: a unit's tree, or for a handshake event the tree of
     * that analysis (the exchange with its decoded parts); empty for other events.
     */
    public Optional<Field> treeOf(long eventId) throws IOException {
        Optional<EventRow> event = reader.event(eventId);
        if (event.isPresent() && event.get().kind().equals(EventRow.HANDSHAKE)) {
            return handshakeTree(event.get());
        }
        return unitOf(eventId).map(Unit::tree);
    }

    /** The unit recorded as event {@code eventId}: same kind, direction and stream range. */
    public Optional<Unit> unitOf(long eventId) throws IOException {
        Optional<EventRow> event = reader.event(eventId);
        if (event.isEmpty() || event.get().dir() == null) {
            return Optional.empty();
        }
        EventRow e = event.get();
        Unit[] found = {null};
        redissect(e.conn(), closed(e.conn()), (Visitor) r -> {
            if (r instanceof DissectionEvent.UnitDissected u && e.is(u.unit().kind()) && u.unit().dir() == e.dir()
                    && u.unit().offset() == e.offset() && u.unit().length() == e.length()) {
                found[0] = u.unit();
                return false;
            }
            return true;
        });
        return Optional.ofNullable(found[0]);
    }

    /** Every unit of the connection, in recording order. */
    public List<Unit> units(long conn) throws IOException {
        List<Unit> out = new ArrayList<>();
        redissect(conn, closed(conn), (Visitor) r -> {
            if (r instanceof DissectionEvent.UnitDissected u) {
                out.add(u.unit());
            }
            return true;
        });
        return out;
    }

    /**
     * The HTTP/1.1 messages of the connection (those inside a CONNECT tunnel too), in recording
     * order, with what their dissector knows of their framing; the re-dissection stops where the
     * connection switches to another protocol.
     */
    public List<HttpMessage> httpMessages(long conn) throws IOException {
        List<HttpMessage> out = new ArrayList<>();
        redissect(conn, closed(conn), (Visitor) r -> {
            if (r instanceof DissectionEvent.UnitDissected u && u.unit() instanceof HttpMessage m) {
                out.add(m);
            }
            return !(r instanceof DissectionEvent.ProtocolSwitched s) || s.tunnel();
        });
        return out;
    }

    /** The k-th handshake analysis of the re-dissection is the k-th stored one. */
    private Optional<Field> handshakeTree(EventRow event) throws IOException {
        int index = 0;
        long after = 0;
        outer:
        while (true) {
            List<EventRow> page = reader.events(event.conn(), after, PAGE);
            for (EventRow e : page) {
                if (e.id() == event.id()) {
                    break outer;
                }
                if (e.kind().equals(EventRow.HANDSHAKE)) {
                    index++;
                }
            }
            if (page.size() < PAGE) {
                return Optional.empty();
            }
            after = page.get(page.size() - 1).id();
        }
        int wanted = index;
        int[] seen = {0};
        Field[] found = {null};
        redissect(event.conn(), closed(event.conn()), (Visitor) r -> {
            if (r instanceof DissectionEvent.HandshakeAnalysed h && seen[0]++ == wanted) {
                found[0] = h.analysis().tree();
                return false;
            }
            return true;
        });
        return Optional.ofNullable(found[0]);
    }

    private boolean closed(long conn) throws IOException {
        return reader.connection(conn).map(ConnectionRow::closed).orElse(false);
    }

    /** What a re-dissection hands on: each chunk before it is fed, each event it produces. */
    @FunctionalInterface
    private interface Visitor {
        /** A chunk about to be fed; false stops before it is. */
        default boolean chunk(StoredChunk chunk) {
            return true;
        }

        /** One event; false stops. */
        boolean event(DissectionEvent event);
    }

    /**
     * Feeds the stored chunks of {@code conn} to a fresh dissection, then ends both directions if
     * the connection was closed and nothing stopped the run.
     */
    private void redissect(long conn, boolean closed, Visitor visitor) throws IOException {
        ConnectionDissection[] dissection = {dissections.create()};
        long[] expected = new long[2];
        boolean[] going = {true};
        reader.forEachChunk(conn, chunk -> {
            int d = chunk.dir().ordinal();
            if (chunk.offset() != expected[d] || !visitor.chunk(chunk)) {
                going[0] = false; // bytes missing (the recording's dissection stopped here too), or enough seen
                return false;
            }
            expected[d] = chunk.end();
            if (dissection[0] != null) {
                try {
                    going[0] = visitAll(dissection[0].feed(chunk.dir(), chunk.offset(), chunk.bytes()), visitor);
                } catch (RuntimeException e) {
                    dissection[0] = null; // the recorder noted this failure; what was derived stands
                }
            }
            return going[0];
        });
        if (!going[0] || dissection[0] == null || !closed) {
            return;
        }
        try {
            for (Direction dir : Direction.values()) {
                if (!visitAll(dissection[0].end(dir), visitor)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // as above: the recorder noted it
        }
    }

    private static boolean visitAll(List<DissectionEvent> events, Visitor visitor) {
        for (DissectionEvent e : events) {
            if (!visitor.event(e)) {
                return false;
            }
        }
        return true;
    }

    /** Collects a {@link Window}. */
    private static final class WindowCollector implements Visitor {
        final ByteArrayOutputStream[] bytes = {new ByteArrayOutputStream(), new ByteArrayOutputStream()};
        final List<Unit> http = new ArrayList<>();
        final List<Unit> units = new ArrayList<>();
        final List<Finding> handshakeFindings = new ArrayList<>();
        final Map<Long, Field> analyses = new LinkedHashMap<>();
        final Map<Long, List<Finding>> latest = new HashMap<>();
        long fed;

        @Override
        public boolean chunk(StoredChunk chunk) {
            int d = chunk.dir().ordinal();
            fed += chunk.bytes().length;
            if (bytes[0].size() >= WINDOW && bytes[1].size() >= WINDOW || fed > 8L * WINDOW
                    || units.size() >= MAX_UNITS) {
                return false;
            }
            if (bytes[d].size() < WINDOW) {
                int n = (int) Math.min(chunk.bytes().length, WINDOW - bytes[d].size());
                bytes[d].write(chunk.bytes(), 0, n);
            }
            return true;
        }

        @Override
        public boolean event(DissectionEvent r) {
            if (r instanceof DissectionEvent.UnitDissected done) {
                Unit u = done.unit();
                if (u.kind() == UnitKind.HTTP_REQUEST || u.kind() == UnitKind.HTTP_RESPONSE) {
                    if (http.size() < MAX_HTTP) {
                        http.add(u);
                    }
                } else if (units.size() < MAX_UNITS) {
                    units.add(u);
                }
            } else if (r instanceof DissectionEvent.HandshakeAnalysed h) {
                // a later analysis of the same request replaces the earlier one
                handshakeFindings.removeAll(latest.getOrDefault(h.requestOffset(), List.of()));
                latest.put(h.requestOffset(), h.analysis().findings());
                handshakeFindings.addAll(h.analysis().findings());
                analyses.put(h.requestOffset(), h.analysis().tree());
            }
            return true;
        }
    }
}
