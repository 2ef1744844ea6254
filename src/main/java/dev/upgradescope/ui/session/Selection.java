package dev.upgradescope.ui.session;

import dev.upgradescope.capture.EventRow;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Field;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the user is looking at inside the selected connection, shared by the views (FX thread):
 * its derived detail, the selected field node, the selected event, and the stream bytes to
 * highlight. Views write it when the user selects something and follow it otherwise.
 */
public final class Selection {

    private final ObjectProperty<ConnectionDetail> detail = new SimpleObjectProperty<>();
    private final ObjectProperty<Field> field = new SimpleObjectProperty<>();
    private final ObjectProperty<EventRow> event = new SimpleObjectProperty<>();
    private final ObjectProperty<ByteRange.InStream> highlight = new SimpleObjectProperty<>();

    public ObjectProperty<ConnectionDetail> detailProperty() {
        return detail;
    }

    public ObjectProperty<Field> fieldProperty() {
        return field;
    }

    public ObjectProperty<EventRow> eventProperty() {
        return event;
    }

    public ObjectProperty<ByteRange.InStream> highlightProperty() {
        return highlight;
    }

    /** Selects a field node and highlights its stream bytes. */
    public void selectField(Field f) {
        field.set(f);
        if (f != null && f.range() != null) {
            highlight.set(f.range().streamRange());
        }
    }

    /** Forgets everything (another connection was selected). */
    public void reset(ConnectionDetail next) {
        field.set(null);
        event.set(null);
        highlight.set(null);
        detail.set(next);
    }
}
