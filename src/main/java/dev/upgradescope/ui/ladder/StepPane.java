package dev.upgradescope.ui.ladder;

import dev.upgradescope.ui.timeline.MarkKind;
import dev.upgradescope.ui.timeline.Track;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;

/** The drawing of one ladder row: time, the three lifelines, the arrow (two segments via the proxy) and its label. */
final class StepPane extends Pane {

    private static final double ARROW_Y = 29;
    private static final double HEAD = 7;

    private final Label time = new Label();
    private final Label summary = new Label();
    private final Line[] lifelines = {new Line(), new Line(), new Line()};
    private final Line[] segments = {new Line(), new Line()};
    private final Polygon[] heads = {new Polygon(), new Polygon()};
    private LadderStep step;

    StepPane() {
        getStyleClass().add("ladder-step");
        time.getStyleClass().add("ladder-time");
        summary.getStyleClass().add("ladder-summary");
        summary.setTextOverrun(OverrunStyle.ELLIPSIS);
        summary.setMinWidth(0);
        for (Line l : lifelines) {
            l.getStyleClass().add("ladder-lifeline");
        }
        lifelines[1].getStyleClass().add("ladder-lifeline-proxy");
        getChildren().addAll(lifelines);
        for (int i = 0; i < 2; i++) {
            segments[i].getStyleClass().add("ladder-arrow");
            heads[i].getStyleClass().add("ladder-head");
        }
        segments[1].getStyleClass().add("ladder-relay");
        heads[1].getStyleClass().add("ladder-relay");
        getChildren().addAll(segments);
        getChildren().addAll(heads);
        getChildren().addAll(time, summary);
        setMinHeight(LadderLayout.ROW_HEIGHT);
        setPrefHeight(LadderLayout.ROW_HEIGHT);
        setMaxHeight(LadderLayout.ROW_HEIGHT);
    }

    void show(LadderStep s) {
        step = s;
        time.setText(s == null ? "" : LadderViewModel.time(s));
        summary.setText(s == null ? "" : s.summary());
        List<String> classes = getStyleClass();
        classes.removeIf(c -> c.startsWith("dir-") || c.startsWith("kind-"));
        if (s != null) {
            classes.add("dir-" + s.track().name().toLowerCase(java.util.Locale.ROOT));
            classes.add("kind-" + s.kind().styleClass().substring("mark-".length()));
        }
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        LadderLayout layout = LadderLayout.of(getWidth());
        double h = getHeight();
        double[] xs = {layout.client(), layout.proxy(), layout.server()};
        for (int i = 0; i < 3; i++) {
            double x = Math.round(xs[i]) + 0.5;
            lifelines[i].setStartX(x);
            lifelines[i].setEndX(x);
            lifelines[i].setStartY(0);
            lifelines[i].setEndY(h);
        }
        time.resizeRelocate(6, ARROW_Y - 9, layout.timeColumn() - 8, 18);
        Track track = step == null ? Track.CENTRE : step.track();
        List<LadderLayout.Segment> segs = layout.segments(track);
        boolean opening = step != null && step.kind() == MarkKind.CONNECT;
        for (int i = 0; i < 2; i++) {
            boolean on = i < segs.size();
            segments[i].setVisible(on);
            heads[i].setVisible(on);
            if (on) {
                LadderLayout.Segment seg = segs.get(i);
                double dir = Math.signum(seg.to() - seg.from());
                double tip = seg.to() - dir * 1.5;
                segments[i].setStartX(seg.from() + dir * 1.5);
                segments[i].setEndX(tip - dir * HEAD);
                segments[i].setStartY(ARROW_Y);
                segments[i].setEndY(ARROW_Y);
                heads[i].getPoints().setAll(tip, ARROW_Y, tip - dir * HEAD, ARROW_Y - HEAD / 2,
                        tip - dir * HEAD, ARROW_Y + HEAD / 2);
            }
        }
        segments[1].setOpacity(opening ? 1 : 0.75);
        double[] box = layout.labelBox(track);
        double labelY = track == Track.CENTRE ? ARROW_Y - 10 : 4;
        summary.resizeRelocate(box[0], labelY, box[1], 20);
        summary.setAlignment(track == Track.CENTRE ? javafx.geometry.Pos.CENTER
                : track == Track.C2S ? javafx.geometry.Pos.CENTER_LEFT : javafx.geometry.Pos.CENTER_RIGHT);
    }

    /** As narrow as the list wants: the row takes the list's width, never pushes it wider. */
    @Override
    protected double computePrefWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    Label summaryLabel() {
        return summary;
    }
}
