package dev.upgradescope.ui.handshake;

import dev.upgradescope.ui.ViewContext;
import dev.upgradescope.wire.ByteRange;
import dev.upgradescope.wire.Field;
import dev.upgradescope.wire.Finding;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

/**
 * Controller of {@code HandshakeView.fxml}: the header handshakeTree (request and response → start line,
 * headers → decoded parts), each node's findings as a glyph with a tooltip; selecting a node
 * selects its bytes, and a field selected elsewhere (raw bytes, findings) is revealed here.
 */
public final class HandshakeView {

    private final HandshakeViewModel viewModel;
    private final ViewContext context;
    private final Map<Field, TreeItem<HandshakeNode>> items = new IdentityHashMap<>();
    private boolean revealing;

    @FXML private TreeTableView<HandshakeNode> handshakeTree;
    @FXML private TreeTableColumn<HandshakeNode, HandshakeNode> fieldColumn;
    @FXML private TreeTableColumn<HandshakeNode, String> valueColumn;
    @FXML private TreeTableColumn<HandshakeNode, String> rangeColumn;

    public HandshakeView(HandshakeViewModel viewModel, ViewContext context) {
        this.viewModel = viewModel;
        this.context = context;
    }

    @FXML
    void initialize() {
        fieldColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        fieldColumn.setCellFactory(c -> new FieldCell());
        valueColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue().field().value()));
        rangeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(range(c.getValue().getValue().field())));
        handshakeTree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        handshakeTree.setRoot(new TreeItem<>());
        viewModel.rootsProperty().addListener((obs, old, now) -> show(now));
        show(viewModel.rootsProperty().get());
        handshakeTree.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!revealing && now != null && now.getValue() != null) {
                viewModel.select(now.getValue().field());
            }
        });
        viewModel.selection().fieldProperty().addListener((obs, old, now) -> reveal(now));
    }

    private void show(List<HandshakeNode> roots) {
        items.clear();
        TreeItem<HandshakeNode> root = new TreeItem<>();
        for (HandshakeNode n : roots) {
            root.getChildren().add(item(n, 0));
        }
        handshakeTree.setRoot(root);
        reveal(viewModel.selection().fieldProperty().get());
    }

    private TreeItem<HandshakeNode> item(HandshakeNode n, int depth) {
        TreeItem<HandshakeNode> item = new TreeItem<>(n);
        items.put(n.field(), item);
        String label = n.field().label();
        item.setExpanded(depth == 0 || label.equals("Request") || label.equals("Response") || hasFindingsBelow(n));
        for (HandshakeNode c : n.children()) {
            item.getChildren().add(item(c, depth + 1));
        }
        return item;
    }

    private static boolean hasFindingsBelow(HandshakeNode n) {
        return n.children().stream().anyMatch(c -> !c.findings().isEmpty() || hasFindingsBelow(c));
    }

    /** Selects and scrolls to the row of {@code field}, if this handshakeTree shows it. */
    private void reveal(Field field) {
        TreeItem<HandshakeNode> item = field == null ? null : items.get(field);
        if (item == null) {
            return;
        }
        revealing = true;
        try {
            for (TreeItem<HandshakeNode> p = item.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            handshakeTree.getSelectionModel().select(item);
            int row = handshakeTree.getRow(item);
            if (row >= 0) {
                handshakeTree.scrollTo(Math.max(0, row - 3));
            }
        } finally {
            revealing = false;
        }
    }

    static String range(Field f) {
        if (f.range() == null) {
            return "";
        }
        ByteRange.InStream r = f.range().streamRange();
        return r.dir().code() + " " + r.offset() + "+" + r.length();
    }

    /** The field's label, with a glyph for its most serious finding and the findings as tooltip. */
    private final class FieldCell extends TreeTableCell<HandshakeNode, HandshakeNode> {
        private final Label glyph = new Label();

        FieldCell() {
            glyph.getStyleClass().add("finding-glyph");
        }

        @Override
        protected void updateItem(HandshakeNode node, boolean empty) {
            super.updateItem(node, empty);
            glyph.getStyleClass().removeIf(s -> s.startsWith("severity-"));
            if (empty || node == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                setAccessibleText(null);
                return;
            }
            setText(node.field().label());
            if (node.findings().isEmpty()) {
                setGraphic(null);
                setTooltip(null);
                setAccessibleText(node.field().label());
                return;
            }
            var worst = node.worst().orElseThrow();
            glyph.setText(Severities.glyph(worst));
            glyph.getStyleClass().add(Severities.styleClass(worst));
            setGraphic(glyph);
            String text = node.findings().stream().map(this::line).collect(Collectors.joining("\n"));
            Tooltip tip = new Tooltip(text);
            tip.setWrapText(true);
            tip.setMaxWidth(520);
            setTooltip(tip);
            setAccessibleText(node.field().label() + ". " + text);
        }

        private String line(Finding f) {
            return Severities.glyph(f.severity()) + " " + context.text(Severities.textKey(f.severity())) + ": "
                    + f.message(context.language().locale()) + " (" + f.spec() + ")";
        }
    }
}
