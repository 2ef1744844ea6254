package dev.upgradescope.capture;

import dev.upgradescope.dissect.upgrade.UpgradeOutcome;
import dev.upgradescope.wire.Direction;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A connection or event row as the session's tables hold it: the columns read, and the row built from them. */
final class StoredRows {

    static final String CONNECTION_COLUMNS = "id, client, listener, mode, target, opened_nanos, "
            + "opened_wall_us, closed_nanos, closed_wall_us, c2s_bytes, s2c_bytes, asked_protocols, status, "
            + "outcome, protocol, frames, events";
    static final String EVENT_COLUMNS = "id, conn, kind, dir, offset, length, nanos, wall_us, summary, "
            + "attributes, findings, payload_size";

    private StoredRows() {
    }

    static ConnectionRow connection(ResultSet rs) throws SQLException {
        return new ConnectionRow(rs.getLong(1), rs.getString(2), rs.getString(3), mode(rs.getString(4)),
                rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                rs.getLong(11), SessionJson.strings(rs.getString(12)), rs.getInt(13), UpgradeOutcome.ofCode(rs.getString(14)),
                rs.getString(15), rs.getLong(16), rs.getLong(17));
    }

    static EventRow event(ResultSet rs) throws SQLException {
        return event(rs, 0);
    }

    /** The event whose {@link #EVENT_COLUMNS} start after column {@code skip}. */
    static EventRow event(ResultSet rs, int skip) throws SQLException {
        int k = skip;
        String dir = rs.getString(k + 4);
        return new EventRow(rs.getLong(k + 1), rs.getLong(k + 2), rs.getString(k + 3),
                dir == null ? null : Direction.fromCode(dir), rs.getLong(k + 5), rs.getLong(k + 6), rs.getLong(k + 7),
                rs.getLong(k + 8), rs.getString(k + 9), SessionJson.attributes(rs.getString(k + 10)),
                SessionJson.findings(rs.getString(k + 11)), rs.getInt(k + 12));
    }

    static ListenerMode mode(String code) {
        for (ListenerMode m : ListenerMode.values()) {
            if (m.code().equals(code)) {
                return m;
            }
        }
        return ListenerMode.IMPORT;
    }
}
