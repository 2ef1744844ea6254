package dev.upgradescope.capture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows of one table gathered on the session writer thread and inserted {@value #SIZE} at a time
 * with one multi-row {@code INSERT}: one call into SQLite instead of one per row. Rows keep the
 * order they were added in; {@link #flush} writes what is left one row at a time.
 *
 * @param <T> what a row is made from
 */
final class RowBatch<T> {

    /** Binds one row's columns, from parameter {@code at + 1} on. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement ps, int at, T row) throws SQLException;
    }

    static final int SIZE = 32;

    private final PreparedStatement one;
    private final PreparedStatement many;
    private final int columns;
    private final Binder<T> binder;
    private final List<T> pending = new ArrayList<>(SIZE);

    /**
     * @param insert an {@code INSERT … VALUES (?, …)} of one row with {@code columns} parameters
     */
    RowBatch(Connection db, String insert, int columns, Binder<T> binder) throws SQLException {
        this.one = db.prepareStatement(insert);
        int values = insert.indexOf("VALUES");
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        this.many = db.prepareStatement(insert.substring(0, values + 7)
                + String.join(", ", Collections.nCopies(SIZE, row)));
        this.columns = columns;
        this.binder = binder;
    }

    void add(T row) throws SQLException {
        pending.add(row);
        if (pending.size() == SIZE) {
            for (int i = 0; i < SIZE; i++) {
                binder.bind(many, i * columns, pending.get(i));
            }
            many.executeUpdate();
            many.clearParameters(); // let go of the rows' bytes
            pending.clear();
        }
    }

    void flush() throws SQLException {
        for (T row : pending) {
            binder.bind(one, 0, row);
            one.executeUpdate();
        }
        one.clearParameters();
        pending.clear();
    }

    /** Forgets the rows not written yet (the transaction is being rolled back). */
    void discard() {
        pending.clear();
    }
}
