package dev.upgradescope.capture;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;

/**
 * How the store writes each kind of row: the statement parameters of a connection, a chunk, an
 * event, a block and a note, in the column order of {@link SessionSchema}.
 */
final class StoredColumns {

    private static final System.Logger LOG = System.getLogger(CaptureStore.class.getName());

    private StoredColumns() {
    }

    static void bindConnection(PreparedStatement ps, int at, ConnectionRow r) throws SQLException {
        ps.setLong(at + 1, r.id());
        ps.setString(at + 2, r.client());
        ps.setString(at + 3, r.listener());
        ps.setString(at + 4, r.mode().code());
        ps.setLong(at + 5, r.openedNanos());
        ps.setLong(at + 6, r.openedWallMicros());
        bindChanging(ps, at + 6, r);
    }

    /** The columns of a connection that change while it lives, in {@link SessionSchema#CHANGING_COLUMNS} parameters. */
    static void bindChanging(PreparedStatement ps, int at, ConnectionRow r) throws SQLException {
        ps.setString(at + 1, r.target());
        ps.setLong(at + 2, r.closedNanos());
        ps.setLong(at + 3, r.closedWallMicros());
        ps.setLong(at + 4, r.c2sBytes());
        ps.setLong(at + 5, r.s2cBytes());
        ps.setString(at + 6, SessionJson.strings(r.askedProtocols()));
        ps.setInt(at + 7, r.status());
        ps.setString(at + 8, r.outcomeCode());
        ps.setString(at + 9, r.protocol());
        ps.setLong(at + 10, r.frames());
        ps.setLong(at + 11, r.events());
    }

    static void bindChunk(PreparedStatement ps, int at, StoreOp.ChunkWrite c) throws SQLException {
        ps.setLong(at + 1, c.conn());
        ps.setString(at + 2, c.dir().code());
        ps.setLong(at + 3, c.offset());
        ps.setInt(at + 4, c.bytes().length);
        ps.setLong(at + 5, c.nanos());
        ps.setLong(at + 6, c.wallMicros());
        ps.setBytes(at + 7, c.bytes());
    }

    static void bindEvent(PreparedStatement insertEvent, int at, StoreOp.EventWrite write)
            throws SQLException {
        EventRow e = write.row();
        byte[] payload = write.payload();
        insertEvent.setLong(at + 1, e.id());
        insertEvent.setLong(at + 2, e.conn());
        insertEvent.setString(at + 3, e.kind());
        if (e.dir() == null) {
            insertEvent.setNull(at + 4, Types.VARCHAR);
        } else {
            insertEvent.setString(at + 4, e.dir().code());
        }
        insertEvent.setLong(at + 5, e.offset());
        insertEvent.setLong(at + 6, e.length());
        insertEvent.setLong(at + 7, e.nanos());
        insertEvent.setLong(at + 8, e.wallMicros());
        insertEvent.setString(at + 9, e.summary());
        insertEvent.setString(at + 10, write.attributesJson());
        insertEvent.setString(at + 11, write.findingsJson());
        if (payload == null) {
            insertEvent.setNull(at + 12, Types.BLOB);
        } else {
            insertEvent.setBytes(at + 12, payload);
        }
        insertEvent.setInt(at + 13, e.payloadSize());
    }

    /** The attributes of a row as JSON. */
    static String attributesJson(EventRow e) {
        return attributesJson(e.kind(), e.attributes());
    }

    /** Attributes are plain values by contract; one that is not must not stop the recording. */
    static String attributesJson(String kind, Map<String, Object> attributes) {
        try {
            return SessionJson.attributes(attributes);
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.ERROR, "attributes of a " + kind + " are not plain JSON values", ex);
            return SessionJson.attributes(Map.of("unserializable", String.valueOf(ex.getMessage())));
        }
    }

    static void bindBlock(PreparedStatement insertBlock, EventBlock b) throws SQLException {
        insertBlock.setLong(1, b.conn());
        insertBlock.setLong(2, b.firstId());
        insertBlock.setLong(3, b.lastId());
        insertBlock.setInt(4, b.count());
        insertBlock.setLong(5, b.minNanos());
        insertBlock.setLong(6, b.maxNanos());
        insertBlock.setLong(7, b.minWallMicros());
        insertBlock.setLong(8, b.maxWallMicros());
        insertBlock.setLong(9, b.c2sStart());
        insertBlock.setLong(10, b.c2sEnd());
        insertBlock.setLong(11, b.s2cStart());
        insertBlock.setLong(12, b.s2cEnd());
        insertBlock.setBytes(13, b.data());
    }

    static void bindNote(PreparedStatement insertNote, NoteRow n) throws SQLException {
        insertNote.setLong(1, n.id());
        insertNote.setLong(2, n.conn());
        insertNote.setString(3, n.code());
        insertNote.setString(4, n.detail());
        insertNote.setLong(5, n.nanos());
        insertNote.setLong(6, n.wallMicros());
    }
}
