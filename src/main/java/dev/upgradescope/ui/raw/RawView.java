package dev.upgradescope.ui.raw;

import dev.upgradescope.ui.ViewContext;
import dev.upgradescope.ui.session.RawWindow;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Direction;
import dev.upgradescope.wire.Field;
import java.util.EnumMap;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;

/**
 * Controller of {@code RawView.fxml}: hex and ASCII of both directions (RichTextFX), the selected
 * range highlighted and scrolled into view; clicking or moving the caret onto a byte selects the
 * deepest field covering it.
 */
public final class RawView {

    private final RawViewModel viewModel;
    private final ViewContext context;
    private final Map<Direction, StyleClassedTextArea> areas = new EnumMap<>(Direction.class);

    @FXML private BorderPane c2sPane;
    @FXML private BorderPane s2cPane;
    @FXML private Label pathLabel;

    public RawView(RawViewModel viewModel, ViewContext context) {
        this.viewModel = viewModel;
        this.context = context;
    }

    @FXML
    void initialize() {
        install(Direction.C2S, c2sPane, "raw.c2s.accessible");
        install(Direction.S2C, s2cPane, "raw.s2c.accessible");
        viewModel.highlightProperty().addListener((obs, old, now) -> highlight(now));
        highlight(viewModel.highlightProperty().get());
        viewModel.fieldProperty().addListener((obs, old, now) -> path(now));
        path(viewModel.fieldProperty().get());
    }

    private void install(Direction dir, BorderPane pane, String accessibleKey) {
        StyleClassedTextArea area = new StyleClassedTextArea();
        area.setEditable(false);
        area.setWrapText(false);
        area.getStyleClass().add("hex-area");
        area.setAccessibleText(context.text(accessibleKey));
        area.setId("hex-" + dir.code());
        areas.put(dir, area);
        pane.setCenter(new VirtualizedScrollPane<>(area));
        area.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> picked(dir));
        area.addEventHandler(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode().isNavigationKey()) {
                picked(dir);
            }
        });
        viewModel.windowProperty(dir).addListener((obs, old, now) -> show(dir, now));
        show(dir, viewModel.windowProperty(dir).get());
    }

    private void show(Direction dir, RawWindow window) {
        StyleClassedTextArea area = areas.get(dir);
        area.replaceText(HexLayout.text(window.bytes(), window.base()));
        ByteRange.InStream h = viewModel.highlightProperty().get();
        if (h != null && h.dir() == dir && areas.size() == Direction.values().length) {
            highlight(h);
        }
    }

    private void picked(Direction dir) {
        StyleClassedTextArea area = areas.get(dir);
        RawWindow w = viewModel.windowProperty(dir).get();
        int index = HexLayout.byteAt(area.getCaretPosition(), w.bytes().length);
        if (index >= 0) {
            viewModel.pick(dir, w.base() + index);
        }
    }

    private void highlight(ByteRange.InStream range) {
        for (Direction d : Direction.values()) {
            StyleClassedTextArea area = areas.get(d);
            area.clearStyle(0, area.getLength());
        }
        if (range == null) {
            return;
        }
        StyleClassedTextArea area = areas.get(range.dir());
        RawWindow w = viewModel.windowProperty(range.dir()).get();
        int from = (int) Math.max(0, range.offset() - w.base());
        int to = (int) Math.min(w.bytes().length, range.end() - w.base());
        if (to <= from) {
            return;
        }
        for (int[] span : HexLayout.spans(from, to)) {
            area.setStyleClass(span[0], Math.min(span[1], area.getLength()), "hex-highlight");
        }
        int line = from / HexLayout.BYTES_PER_LINE;
        area.showParagraphAtTop(Math.max(0, line - 2));
    }

    private void path(Field f) {
        pathLabel.setText(f == null ? context.text("raw.path.none")
                : context.text("raw.path", f.label(), f.value(), f.range() == null ? "" : f.range().toString()));
    }

    /** The hex area of one direction (for tests). */
    StyleClassedTextArea area(Direction dir) {
        return areas.get(dir);
    }
}
