package dev.upgradescope.ui.raw;

import dev.upgradescope.ui.fx.Background;
import dev.upgradescope.ui.session.ConnectionDetail;
import dev.upgradescope.ui.session.InspectedSession;
import dev.upgradescope.ui.session.RawWindow;
import dev.upgradescope.ui.session.Selection;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The raw tab's state: the window of bytes shown for each direction, the range to highlight, and
 * the mapping from a clicked byte to the deepest field covering it. A highlight outside a shown
 * window loads the window around it from the session file (off the FX thread).
 */
public final class RawViewModel {

    /** Bytes loaded per direction when the raw view moves to another part of a stream. */
    static final int WINDOW = 64 * 1024;

    private final InspectedSession session;
    private final Selection selection;
    private final Map<Direction, ReadOnlyObjectWrapper<RawWindow>> windows = new EnumMap<>(Direction.class);
    private final Map<Direction, Background.Latest> loads = new EnumMap<>(Direction.class);

    public RawViewModel(InspectedSession session) {
        this.session = session;
        this.selection = session.selection();
        for (Direction d : Direction.values()) {
            windows.put(d, new ReadOnlyObjectWrapper<>(RawWindow.empty(d)));
            loads.put(d, session.background().latest());
        }
        selection.detailProperty().addListener((obs, old, now) -> showDetail(now));
        selection.highlightProperty().addListener((obs, old, now) -> follow(now));
        showDetail(selection.detailProperty().get());
    }

    public ReadOnlyObjectProperty<RawWindow> windowProperty(Direction dir) {
        return windows.get(dir).getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ByteRange.InStream> highlightProperty() {
        return selection.highlightProperty();
    }

    private void showDetail(ConnectionDetail detail) {
        for (Direction d : Direction.values()) {
            windows.get(d).set(detail == null ? RawWindow.empty(d) : detail.window(d));
        }
    }

    private void follow(ByteRange.InStream range) {
        ConnectionDetail detail = selection.detailProperty().get();
        if (range == null || detail == null) {
            return;
        }
        RawWindow shown = windows.get(range.dir()).get();
        if (shown.contains(range.offset()) || range.length() == 0 && shown.end() == range.offset()) {
            return;
        }
        long base = Math.max(0, (range.offset() / HexLayout.BYTES_PER_LINE) * HexLayout.BYTES_PER_LINE - 1024);
        long conn = detail.row().id();
        Direction dir = range.dir();
        loads.get(dir).task(() -> new RawWindow(dir, base,
                session.source().reader().bytes(conn, dir, base, WINDOW))).onSuccess(w -> {
                    if (selection.detailProperty().get() == detail) {
                        windows.get(dir).set(w);
                    }
                }).start();
    }

    /** The user picked byte {@code offset} of {@code dir}: select the deepest field there, or just that byte. */
    public void pick(Direction dir, long offset) {
        ConnectionDetail detail = selection.detailProperty().get();
        if (detail == null) {
            return;
        }
        Optional<Field> field = detail.deepestAt(dir, offset);
        if (field.isPresent()) {
            selection.selectField(field.get());
        } else {
            selection.fieldProperty().set(null);
            selection.highlightProperty().set(ByteRange.of(dir, offset, 1));
        }
    }

    /** The path of labels from a tree's root to the selected field, for the breadcrumb. */
    public ReadOnlyObjectProperty<Field> fieldProperty() {
        return selection.fieldProperty();
    }
}
