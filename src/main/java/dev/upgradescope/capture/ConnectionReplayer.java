package dev.upgradescope.capture;

import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Unit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Re-derives what a session does not store: the field trees of units. It runs a fresh dissection
 * over a connection's stored chunks, in the order they were recorded, exactly as the recorder fed
 * them, and finds the unit an event was recorded for (same kind, direction and stream range).
 */
public final class ConnectionReplayer {

    private final SessionReader reader;
    private final ConnectionDissection.Factory dissections;

    public ConnectionReplayer(SessionReader reader, ConnectionDissection.Factory dissections) {
        this.reader = reader;
        this.dissections = dissections;
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

    /** The k-th handshake analysis of the replay is the k-th stored one: dissection is deterministic. */
    private Optional<Field> handshakeTree(EventRow event) throws IOException {
        int index = 0;
        long after = 0;
        outer:
        while (true) {
            List<EventRow> page = reader.events(event.conn(), after, 1000);
            for (EventRow e : page) {
                if (e.id() == event.id()) {
                    break outer;
                }
                if (e.kind().equals(EventRow.HANDSHAKE)) {
                    index++;
                }
            }
            if (page.size() < 1000) {
                return Optional.empty();
            }
            after = page.get(page.size() - 1).id();
        }
        int wanted = index;
        int[] seen = {0};
        Field[] found = {null};
        replay(event.conn(), r -> {
            if (r instanceof Dissected.Handshake h && seen[0]++ == wanted) {
                found[0] = h.tree();
                return false;
            }
            return true;
        });
        return Optional.ofNullable(found[0]);
    }

    /** The unit recorded as event {@code eventId}, dissected again from the stored bytes. */
    public Optional<Unit> unitOf(long eventId) throws IOException {
        Optional<EventRow> event = reader.event(eventId);
        if (event.isEmpty() || event.get().dir() == null) {
            return Optional.empty();
        }
        EventRow e = event.get();
        Unit[] found = {null};
        replay(e.conn(), r -> {
            if (!(r instanceof Dissected.UnitDone done)) {
                return true;
            }
            Unit unit = done.unit();
            if (unit.kind().code().equals(e.kind()) && unit.dir() == e.dir() && unit.offset() == e.offset()
                    && unit.length() == e.length()) {
                found[0] = unit;
                return false;
            }
            return true;
        });
        return Optional.ofNullable(found[0]);
    }

    /** Every unit of the connection, dissected again from the stored bytes, in recording order. */
    public List<Unit> units(long conn) throws IOException {
        List<Unit> out = new ArrayList<>();
        replay(conn, r -> {
            if (r instanceof Dissected.UnitDone u) {
                out.add(u.unit());
            }
            return true;
        });
        return out;
    }

    private interface ResultVisitor {
        /** Returns false to stop. */
        boolean visit(Dissected result);
    }

    private void replay(long conn, ResultVisitor visitor) throws IOException {
        ConnectionDissection dissection = dissections.create();
        long[] expected = new long[2];
        boolean[] going = {true};
        reader.forEachChunk(conn, chunk -> {
            int d = chunk.dir().ordinal();
            if (chunk.offset() != expected[d]) {
                going[0] = false; // bytes missing: the recording's dissection stopped here too
                return false;
            }
            expected[d] = chunk.end();
            going[0] = visitAll(dissection.feed(chunk.dir(), chunk.offset(), chunk.bytes()), visitor);
            return going[0];
        });
        if (!going[0]) {
            return;
        }
        Optional<ConnectionRow> row = reader.connection(conn);
        if (row.isPresent() && row.get().closed()) {
            for (Direction dir : Direction.values()) {
                if (!visitAll(dissection.end(dir), visitor)) {
                    return;
                }
            }
        }
    }

    private static boolean visitAll(List<Dissected> results, ResultVisitor visitor) {
        for (Dissected r : results) {
            if (!visitor.visit(r)) {
                return false;
            }
        }
        return true;
    }
}
