package dev.upgradescope.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** One read-only query against a session file, with SQLite's errors turned into I/O errors naming the file. */
final class SqlReads {

    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Reads one row; false stops the read (the rest of the rows are not stepped through). */
    interface RowVisitor {
        boolean visit(ResultSet rs) throws SQLException;
    }

    private final Connection db;
    private final Path file;

    SqlReads(Connection db, Path file) {
        this.db = db;
        this.file = file;
    }

    void query(String sql, Binder binder, RowReader reader) throws IOException {
        visit(sql, binder, rs -> {
            reader.read(rs);
            return true;
        });
    }

    void visit(String sql, Binder binder, RowVisitor visitor) throws IOException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && visitor.visit(rs)) {
                    // next row
                }
            }
        } catch (SQLException e) {
            throw new IOException("Cannot read session " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // A row whose stored values do not decode (damaged JSON, an unknown code, a negative range)
            throw damaged(file, e);
        }
    }

    /** The error for stored values that do not decode: the file is damaged, not the reader broken. */
    static SessionFormatException damaged(Path file, RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new SessionFormatException(file + " is damaged: a stored value cannot be read ("
                + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")", e);
    }
}
