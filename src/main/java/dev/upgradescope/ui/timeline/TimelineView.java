package dev.upgradescope.ui.timeline;

import dev.upgradescope.ui.ViewContext;
import dev.upgradescope.ui.fx.Background;
import dev.upgradescope.ui.session.InspectedSession;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.AccessibleAttribute;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;

/**
 * Controller of {@code TimelineView.fxml}: one lane per connection on a shared time axis, drawn on
 * one canvas (only the visible lanes and the visible time window), driven by the pointer and the
 * keys through {@link TimelineInput}. Repaints at most once per pulse, only when something changed.
 */
public final class TimelineView {

    /** The timeline's texts ({@code dev/upgradescope/ui/timeline/timeline*.properties}). */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("dev.upgradescope.ui.timeline.timeline", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private final TimelineViewModel vm;
    private final ResourceBundle texts;
    private final TimelineSessionLink link;

    @FXML private VBox root;
    @FXML private Label titleLabel;
    @FXML private Label hintLabel;
    @FXML private javafx.scene.control.MenuButton legendButton;
    @FXML private Label hoverLabel;
    @FXML private ToggleButton followButton;
    @FXML private Button zoomInButton;
    @FXML private Button zoomOutButton;
    @FXML private Button fitButton;
    @FXML private Pane plot;
    @FXML private Canvas canvas;
    @FXML private ScrollBar laneBar;
    @FXML private Pane palettePane;

    private TimelinePainter painter;
    private boolean dirty = true;
    private long lastPaintNanos;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private boolean syncingBar;
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            onPulse();
        }
    };

    /** A timeline over the inspected session, in {@code locale}. */
    public TimelineView(InspectedSession session, Locale locale) {
        this.texts = bundle(locale);
        SessionPages pages = new SessionPages();
        this.vm = new TimelineViewModel(pages, new Background(pages.worker(), Platform::runLater), texts);
        this.link = new TimelineSessionLink(session, vm, pages, this::invalidate);
    }

    /** A timeline in the main window (built by the window's view factory). */
    public TimelineView(ViewContext context) {
        this(context.session(), context.language().locale());
    }

    /** A timeline over any view model (tests, benchmarks). */
    public TimelineView(TimelineViewModel vm, ResourceBundle texts) {
        this.vm = vm;
        this.texts = texts;
        this.link = null;
    }

    public TimelineViewModel viewModel() {
        return vm;
    }

    /** The selected mark; the main window may bind to it (the session's selection is updated already). */
    public javafx.beans.property.ObjectProperty<MarkRef> selectedProperty() {
        return vm.selectedProperty();
    }

    public VBox root() {
        return root;
    }

    /** The FX thread's CPU time spent in the last repaint of the canvas (for benchmarks). */
    public long lastPaintNanos() {
        return lastPaintNanos;
    }

    /** The controller of a timeline root node (for tests and benchmarks driving the real window). */
    public static TimelineView of(javafx.scene.Node root) {
        return (TimelineView) root.getProperties().get(TimelineView.class);
    }

    @FXML
    void initialize() {
        root.getProperties().put(TimelineView.class, this);
        painter = new TimelinePainter(vm, new TimelinePalette(palettePane, this::invalidate));
        painter.emptyText(texts.getString("timeline.empty"));
        titleLabel.setText(texts.getString("timeline.title"));
        hintLabel.setText(texts.getString("timeline.hint"));
        legendButton.setText(texts.getString("timeline.legend"));
        legendButton.setOnShowing(e -> fillLegend());
        followButton.setText(texts.getString("timeline.follow"));
        followButton.setTooltip(new Tooltip(texts.getString("timeline.follow.help")));
        followButton.selectedProperty().bindBidirectional(vm.followLiveProperty());
        zoomInButton.setAccessibleText(texts.getString("timeline.zoomIn"));
        zoomInButton.setTooltip(new Tooltip(texts.getString("timeline.zoomIn")));
        zoomOutButton.setAccessibleText(texts.getString("timeline.zoomOut"));
        zoomOutButton.setTooltip(new Tooltip(texts.getString("timeline.zoomOut")));
        fitButton.setText(texts.getString("timeline.fit"));
        fitButton.setTooltip(new Tooltip(texts.getString("timeline.fit.help")));
        plot.setAccessibleText(texts.getString("timeline.accessible"));
        plot.setAccessibleHelp(texts.getString("timeline.help"));
        laneBar.setAccessibleText(texts.getString("timeline.lanes"));
        hoverLabel.textProperty().bind(vm.hoverTextProperty());
        hintLabel.visibleProperty().bind(vm.hoverTextProperty().isEmpty()); // the hover line takes its room
        hintLabel.managedProperty().bind(hintLabel.visibleProperty());

        canvas.widthProperty().bind(plot.widthProperty());
        canvas.heightProperty().bind(plot.heightProperty());
        canvas.widthProperty().addListener(o -> resized());
        canvas.heightProperty().addListener(o -> resized());
        vm.revisionProperty().addListener(o -> invalidate());
        vm.axisProperty().addListener(o -> invalidate());
        vm.firstLaneProperty().addListener(o -> {
            syncBar();
            invalidate();
        });
        vm.laneCountProperty().addListener(o -> syncBar());
        vm.hoveredProperty().addListener(o -> invalidate());
        vm.selectedProperty().addListener((obs, was, now) -> {
            plot.setAccessibleText(now == null ? texts.getString("timeline.accessible") : vm.describe(now, null));
            plot.notifyAccessibleAttributeChanged(AccessibleAttribute.TEXT);
        });
        laneBar.valueProperty().addListener((obs, was, now) -> {
            if (!syncingBar) {
                vm.scrollLanes((int) Math.round(now.doubleValue()));
            }
        });
        plot.focusedProperty().addListener(o -> invalidate());
        TimelineInput.attach(vm, plot);
        root.sceneProperty().addListener((obs, was, now) -> {
            if (now == null) {
                pulse.stop();
                if (link != null) {
                    link.unbind();
                }
            } else {
                if (link != null) {
                    link.bind();
                }
                pulse.start();
            }
        });
        syncBar();
        invalidate();
    }

    private void onPulse() {
        if (link != null) {
            link.pulse();
        }
        if (!dirty) {
            pulse.stop(); // idle: no pulses asked for until the next change
            return;
        }
        {
            dirty = false;
            if (root.getScene() != null) {
                painter.font(hintLabel.getFont());
            }
            long t = CPU.getCurrentThreadCpuTime();
            painter.paint(canvas, plot.isFocused());
            lastPaintNanos = CPU.getCurrentThreadCpuTime() - t;
        }
    }

    /** Asks for a repaint at the next pulse. */
    void invalidate() {
        dirty = true;
        if (root != null && root.getScene() != null) {
            pulse.start();
        }
    }

    private void resized() {
        vm.setViewport(Math.max(1, canvas.getWidth() - TimelinePainter.GUTTER),
                Math.max(1, canvas.getHeight() - TimelinePainter.RULER));
        syncBar();
        invalidate();
    }

    private void syncBar() {
        syncingBar = true;
        try {
            int count = vm.laneCountProperty().get();
            int visible = Math.max(1, (int) Math.floor((canvas.getHeight() - TimelinePainter.RULER)
                    / TimelineViewModel.LANE_HEIGHT));
            int max = Math.max(0, count - visible);
            laneBar.setMin(0);
            laneBar.setMax(max);
            laneBar.setVisibleAmount(max == 0 ? 1 : Math.max(1, (double) visible * max / count));
            laneBar.setUnitIncrement(1);
            laneBar.setBlockIncrement(Math.max(1, visible - 1));
            laneBar.setDisable(max == 0);
            laneBar.setValue(vm.firstLaneProperty().get());
        } finally {
            syncingBar = false;
        }
    }

    /** One menu row per kind: its shape in its theme colour and its name. */
    private void fillLegend() {
        legendButton.getItems().clear();
        for (MarkKind k : MarkKind.values()) {
            if (k == MarkKind.OTHER || k == MarkKind.WS_OTHER || k == MarkKind.NOTE) {
                continue;
            }
            Canvas swatch = new Canvas(14, 14);
            MarkPainter.draw(swatch.getGraphicsContext2D(), k.shape(), 7, 7, 10, painter.palette().of(k));
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(texts.getString(k.textKey()), swatch);
            item.setMnemonicParsing(false); // RST_STREAM keeps its underscore
            legendButton.getItems().add(item);
        }
        javafx.scene.control.MenuItem dirs = new javafx.scene.control.MenuItem(texts.getString("timeline.legend.tracks"));
        dirs.setMnemonicParsing(false);
        legendButton.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), dirs);
    }

    @FXML
    void zoomIn() {
        vm.zoomIn();
    }

    @FXML
    void zoomOut() {
        vm.zoomOut();
    }

    @FXML
    void fit() {
        vm.fit();
    }
}
