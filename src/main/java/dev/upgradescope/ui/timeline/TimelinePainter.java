package dev.upgradescope.ui.timeline;

import dev.upgradescope.capture.ConnectionRow;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Paints the timeline canvas from its view model: the gutter with one label per visible lane, the
 * time ruler, and for each visible lane its lifetime line and the cells of the visible window only.
 */
final class TimelinePainter {

    /** Width of the lane labels on the left. */
    static final double GUTTER = 170;
    /** Height of the time ruler on top. */
    static final double RULER = 22;
    private static final double MARK = 9;

    private final TimelineViewModel vm;
    private final TimelinePalette palette;
    private Font font = Font.font(11);
    private Font bold = Font.font(null, FontWeight.BOLD, 11);
    private Font small = Font.font(10);
    private String emptyText = "";

    TimelinePainter(TimelineViewModel vm, TimelinePalette palette) {
        this.vm = vm;
        this.palette = palette;
    }

    TimelinePalette palette() {
        return palette;
    }

    void font(Font base) {
        double size = Math.max(10, base.getSize() - 1);
        font = Font.font(base.getFamily(), size);
        bold = Font.font(base.getFamily(), FontWeight.BOLD, size);
        small = Font.font(base.getFamily(), Math.max(9, size - 1.5));
    }

    void emptyText(String text) {
        emptyText = text;
    }

    void paint(Canvas canvas, boolean focused) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(palette.role("plot-background"));
        g.fillRect(0, 0, w, h);
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        int count = vm.laneCountProperty().get();
        if (count == 0) {
            g.setFill(palette.role("ruler-text"));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(emptyText, w / 2, h / 2);
            g.setTextAlign(TextAlignment.LEFT);
            return;
        }
        double plotW = w - GUTTER;
        int first = vm.firstLaneProperty().get();
        int last = vm.lastVisibleLane();
        for (int i = first; i <= last; i++) {
            lane(g, i, plotW, w, focused);
        }
        ruler(g, plotW, h);
        g.setStroke(palette.role("grid"));
        g.setLineWidth(1);
        g.strokeLine(GUTTER - 0.5, 0, GUTTER - 0.5, h);
    }

    private void ruler(GraphicsContext g, double plotW, double h) {
        g.setFill(palette.role("plot-background"));
        g.fillRect(0, 0, GUTTER + plotW, RULER);
        g.setStroke(palette.role("grid"));
        g.setLineWidth(1);
        g.strokeLine(0, RULER - 0.5, GUTTER + plotW, RULER - 0.5);
        g.setFill(palette.role("ruler-text"));
        g.setTextAlign(TextAlignment.LEFT);
        for (Tick t : vm.ticks()) {
            double x = Math.round(GUTTER + t.x()) + 0.5;
            if (x < GUTTER) {
                continue;
            }
            g.strokeLine(x, RULER - 6, x, h);
            g.fillText(t.label(), x + 3, RULER / 2);
        }
    }

    private void lane(GraphicsContext g, int i, double plotW, double w, boolean focused) {
        double top = RULER + vm.laneCentre(i) - TimelineViewModel.LANE_HEIGHT / 2;
        double cy = RULER + vm.laneCentre(i);
        if (i % 2 == 1) {
            g.setFill(palette.role("lane-alt"));
            g.fillRect(0, top, w, TimelineViewModel.LANE_HEIGHT);
        }
        ConnectionRow row = vm.row(i);
        MarkRef selected = vm.selectedProperty().get();
        boolean isSelectedLane = selected != null && selected.conn() == row.id();
        if (isSelectedLane) {
            g.setFill(palette.role("hover"));
            g.fillRect(0, top, w, TimelineViewModel.LANE_HEIGHT);
        }
        if (focused && vm.focusedLaneProperty().get() == i) {
            g.setStroke(palette.role("focus"));
            g.setLineWidth(1.5);
            g.strokeRect(1, top + 1, w - 2, TimelineViewModel.LANE_HEIGHT - 2);
        }
        label(g, row, cy, isSelectedLane);
        g.save();
        g.beginPath();
        g.rect(GUTTER, top, plotW, TimelineViewModel.LANE_HEIGHT);
        g.clip();
        TimeAxis a = vm.axis();
        double x0 = GUTTER + a.toX(row.openedNanos());
        double x1 = GUTTER + a.toX(row.closed() ? row.closedNanos() : Math.max(vm.latest(), row.openedNanos()));
        g.setStroke(palette.role("lane-line"));
        g.setLineWidth(1);
        g.strokeLine(Math.max(GUTTER, x0), Math.round(cy) + 0.5, Math.min(GUTTER + plotW, x1), Math.round(cy) + 0.5);
        List<MarkCell> cells = vm.cells(i, -MARK, plotW + MARK);
        for (MarkCell c : cells) {
            double y = cy + TimelineViewModel.trackOffset(c.track());
            if (c.single()) {
                MarkPainter.draw(g, c.kind().shape(), GUTTER + c.x(), y, MARK, palette.of(c.kind()));
            } else {
                double barH = Math.min(TimelineViewModel.LANE_HEIGHT / 2 - 2, 4 + 2 * log2(c.count()));
                g.setFill(palette.role("density"));
                double by = c.track() == Track.S2C ? cy + 2 : c.track() == Track.C2S ? cy - 2 - barH : cy - barH / 2;
                g.fillRect(GUTTER + c.x(), by, Math.max(1, c.width() - 0.5), barH);
            }
        }
        MarkPainter.draw(g, MarkShape.TRIANGLE_RIGHT, x0 + 3, cy, MARK, palette.of(MarkKind.CONNECT));
        if (row.closed()) {
            MarkPainter.draw(g, MarkShape.BAR, x1, cy, MARK, palette.of(MarkKind.CLOSED));
        }
        if (isSelectedLane) {
            double sx = GUTTER + a.toX(selected.nanos()) + (selected.kind() == MarkKind.CONNECT ? 3 : 0);
            double sy = cy + TimelineViewModel.trackOffset(selected.track());
            g.setStroke(palette.role("selection"));
            g.setLineWidth(2);
            g.strokeOval(sx - MARK, sy - MARK, 2 * MARK, 2 * MARK);
        }
        g.restore();
    }

    private void label(GraphicsContext g, ConnectionRow row, double cy, boolean selected) {
        g.save();
        g.beginPath();
        g.rect(0, cy - TimelineViewModel.LANE_HEIGHT / 2, GUTTER - 6, TimelineViewModel.LANE_HEIGHT);
        g.clip();
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(palette.role("ruler-text"));
        g.setFont(small);
        g.fillText("#" + row.id(), 8, cy);
        String target = row.target().isEmpty() ? row.client() : row.target();
        String detail = (row.protocol().isEmpty() ? "" : row.protocol() + " ")
                + (row.status() > 0 ? String.valueOf(row.status()) : "");
        g.setFill(palette.role("lane-label"));
        g.setFont(selected ? bold : font);
        g.fillText(target, 44, detail.isBlank() ? cy : cy - 6.5);
        if (!detail.isBlank()) {
            g.setFill(palette.role("ruler-text"));
            g.setFont(small);
            g.fillText(detail.strip(), 44, cy + 7);
        }
        g.restore();
    }

    private static double log2(int n) {
        return Math.log(n) / Math.log(2);
    }

    static Color withAlpha(Color c, double a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
    }
}
