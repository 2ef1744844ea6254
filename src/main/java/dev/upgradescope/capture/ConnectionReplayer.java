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

    /** The field tree of the unit recorded as event {@code eventId}, if that event is a unit. */
    public Optional<Field> treeOf(long eventId) throws IOException {
        return unitOf(eventId).map(Unit::tree);
    }

    /** The unit recorded as event {@code eventId}, dissected again from the stored bytes. */
    public Optional<Unit> unitOf(long eventId) throws IOException {
        Optional<EventRow> event = reader.event(eventId);
        if (event.isEmpty() || event.get().dir() == null) {
            return Optional.empty();
        }
        EventRow e = event.get();
        Unit[] found = {null};
        replay(e.conn(), unit -> {
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
        replay(conn, u -> {
            out.add(u);
            return true;
        });
        return out;
    }

    private interface UnitVisitor {
        /** Returns false to stop. */
        boolean visit(Unit unit);
    }

    private void replay(long conn, UnitVisitor visitor) throws IOException {
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

    private static boolean visitAll(List<Dissected> results, UnitVisitor visitor) {
        for (Dissected r : results) {
            if (r instanceof Dissected.UnitDone u && !visitor.visit(u.unit())) {
                return false;
            }
        }
        return true;
    }
}
