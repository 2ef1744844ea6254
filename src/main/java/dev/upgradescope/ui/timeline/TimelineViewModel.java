package dev.upgradescope.ui.timeline;

import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.ui.fx.Background;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * State of the timeline, independent of its canvas: one lane per connection on a shared time axis.
 * It puts together the {@link Lanes}, which of them are in view ({@link LaneViewport}), the axis and
 * its zoom ({@link TimeNavigation}), the reading of marks ({@link MarkLoader}), hit testing
 * ({@link MarkHits}), the hover line ({@link MarkHover}) and the selected mark ({@link MarkSelection}),
 * and is what the view, the painter and the session link talk to. Plot coordinates: x from the left
 * edge of the plot, y from the top of the first visible lane. FX thread only.
 */
public final class TimelineViewModel {

    /** Height of one lane in pixels. */
    public static final double LANE_HEIGHT = LaneViewport.LANE_HEIGHT;
    /** Width of one aggregation column in pixels. */
    public static final double COLUMN_PX = 3;
    /** How far from a mark the pointer may be and still hit it. */
    public static final double HIT_RADIUS = MarkHits.HIT_RADIUS;
    /** Events read per page from the store. */
    static final int PAGE = MarkLoader.PAGE;

    private final Background.Generation reads;
    private final Lanes lanes = new Lanes();
    private final LaneViewport viewport = new LaneViewport(lanes);
    private final TimeNavigation navigation = new TimeNavigation(lanes, viewport);
    private final MarkHits hits = new MarkHits(lanes, viewport, navigation::axis);
    private final MarkLoader loader;
    private final MarkHover hover;
    private final MarkSelection selection;
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();

    /**
     * @param pages      the store, read on {@code background}'s worker only
     * @param background reads off the FX thread, in order, and hands the results back on it
     * @param texts      the timeline bundle
     */
    public TimelineViewModel(StoredEvents pages, Background background, ResourceBundle texts) {
        this.reads = background.generation();
        this.loader = new MarkLoader(pages, reads, lanes, viewport, this::laneRead);
        this.hover = new MarkHover(pages, reads, texts, lanes::origin);
        this.selection = new MarkSelection(lanes, viewport, navigation, hits, this::scrollLanes, this::changed);
    }

    // ---------------------------------------------------------------- properties

    public ReadOnlyObjectProperty<TimeAxis> axisProperty() {
        return navigation.axis.getReadOnlyProperty();
    }

    public TimeAxis axis() {
        return navigation.axis();
    }

    /** Index of the top visible lane. */
    public ReadOnlyIntegerProperty firstLaneProperty() {
        return viewport.firstLane.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty laneCountProperty() {
        return viewport.laneCount.getReadOnlyProperty();
    }

    /** Increases whenever what is drawn changes (marks read, rows updated, selection). */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** While true, the newest time stays in view as marks arrive. */
    public BooleanProperty followLiveProperty() {
        return navigation.followLive;
    }

    /** The selected mark; set from outside to highlight (and bring into view) an event. */
    public ObjectProperty<MarkRef> selectedProperty() {
        return selection.selected;
    }

    public ReadOnlyObjectProperty<MarkRef> hoveredProperty() {
        return hover.hovered.getReadOnlyProperty();
    }

    /** A line about the mark under the pointer (kind, direction, time, then its summary once read). */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hover.hoverText.getReadOnlyProperty();
    }

    /** The lane keyboard actions apply to. */
    public ReadOnlyIntegerProperty focusedLaneProperty() {
        return viewport.focusedLane.getReadOnlyProperty();
    }

    /** The session's first opening time: relative times count from here. */
    public long origin() {
        return lanes.origin();
    }

    public double plotWidth() {
        return viewport.width();
    }

    // ---------------------------------------------------------------- connections

    /** Follows the connections list: new lanes, updated rows, lanes of vanished connections dropped. */
    public void setConnections(List<ConnectionRow> rows) {
        boolean had = !lanes.isEmpty();
        boolean added = lanes.follow(rows);
        if (had && lanes.isEmpty()) {
            navigation.forgetMoves(); // the session emptied: the next one is fitted again
        }
        viewport.lanesChanged();
        if (added && navigation.followLive.get()) {
            viewport.scrollToEnd();
        }
        timeChanged();
        loader.pump();
    }

    /** Forgets every lane and read mark (another session file); reads still under way are dropped. */
    public void reset() {
        reads.next();
        loader.clear();
        lanes.clear();
        hover.clear();
        navigation.forgetMoves();
        viewport.clear();
        selection.clear();
        changed();
    }

    public ConnectionRow row(int laneIndex) {
        return lanes.get(laneIndex).row();
    }

    /** Marks read so far on a lane. */
    public int markCount(int laneIndex) {
        return lanes.get(laneIndex).markCount();
    }

    /** True while some lane still has events to read. */
    public boolean loading() {
        return lanes.loading();
    }

    /** The latest moment of the session: the newest mark, opening or closing. */
    public long latest() {
        return lanes.latest();
    }

    // ---------------------------------------------------------------- viewport and axis

    /** The plot's size in pixels (without gutter and ruler). */
    public void setViewport(double plotWidth, double plotHeight) {
        if (!viewport.resize(plotWidth, plotHeight)) {
            return;
        }
        if (navigation.resized()) {
            changed();
        } else {
            loader.pump();
        }
    }

    public int visibleLaneCount() {
        return viewport.visibleLaneCount();
    }

    public int lastVisibleLane() {
        return viewport.lastVisibleLane();
    }

    public void zoomAround(double x, double factor) {
        navigation.zoomAround(x, factor);
    }

    public void zoomIn() {
        zoomAround(viewport.width() / 2, 0.5);
    }

    public void zoomOut() {
        zoomAround(viewport.width() / 2, 2);
    }

    /** Moves the content by {@code dx} pixels; stops following live. */
    public void pan(double dx) {
        navigation.pan(dx);
    }

    /** Shows the whole session. */
    public void fit() {
        navigation.fit();
        changed();
    }

    /** Brings the session's first moment to the left edge. */
    public void home() {
        navigation.home();
    }

    /** Brings the newest moment to the right edge. */
    public void end() {
        navigation.end();
    }

    public void scrollLanes(int first) {
        viewport.scrollTo(first);
        loader.pump();
    }

    /** Moves the keyboard's lane by {@code delta}, scrolling it into view. */
    public void focusLane(int delta) {
        if (lanes.isEmpty()) {
            return;
        }
        viewport.moveFocus(delta).ifPresent(this::scrollLanes);
        changed();
    }

    // ---------------------------------------------------------------- what to draw

    /** The cells to draw on lane {@code laneIndex} between plot pixels {@code fromX} and {@code toX}. */
    public List<MarkCell> cells(int laneIndex, double fromX, double toX) {
        List<MarkCell> out = new ArrayList<>();
        Lane lane = lanes.get(laneIndex);
        for (Track t : Track.values()) {
            MarkCells.query(lane.track(t), t, navigation.axis(), lanes.origin(), fromX, toX, COLUMN_PX, out);
        }
        return out;
    }

    /** Ruler ticks for the current axis: steps of 1, 2 or 5 times a power of ten, at least 90 px apart. */
    public List<Tick> ticks() {
        return Tick.along(navigation.axis(), lanes.origin(), viewport.width());
    }

    /** Y of the centre line of visible lane {@code laneIndex}, in plot coordinates. */
    public double laneCentre(int laneIndex) {
        return viewport.laneCentre(laneIndex);
    }

    /** Y offset of a track's marks from the lane's centre line. */
    public static double trackOffset(Track t) {
        return switch (t) {
            case C2S -> -LANE_HEIGHT / 4.5;
            case S2C -> LANE_HEIGHT / 4.5;
            case CENTRE -> 0;
        };
    }

    // ---------------------------------------------------------------- pointer and selection

    /** The mark nearest to plot point (x, y), within {@link #HIT_RADIUS}, if any. */
    public Optional<MarkRef> hit(double x, double y) {
        return hits.hit(x, y);
    }

    /** The pointer moved to plot point (x, y) (NaN: it left the plot). */
    public void hover(double x, double y) {
        hover.set(Double.isNaN(x) ? null : hits.hit(x, y).orElse(null));
    }

    /** One line about a mark: connection, kind, direction, relative time, and the summary when known. */
    public String describe(MarkRef m, String summary) {
        return hover.describe(m, summary);
    }

    /** Selects the mark under plot point (x, y); returns whether there was one. */
    public boolean click(double x, double y) {
        return selection.click(x, y);
    }

    /**
     * Selects event {@code eventId} of connection {@code conn} from outside and brings it into view;
     * if its lane has not been read that far yet, the selection happens once it has.
     */
    public void select(long conn, long eventId) {
        selection.select(conn, eventId);
    }

    /** Selects the connection's opening mark (a connection was chosen elsewhere). */
    public void selectConnection(long conn) {
        selection.selectConnection(conn);
    }

    Optional<MarkRef> find(long conn, long eventId) {
        return selection.find(conn, eventId);
    }

    /** Scrolls lanes and time so that {@code m} is visible, keeping the zoom. */
    public void reveal(MarkRef m) {
        selection.reveal(m);
    }

    /** Selects the mark after (+1) or before (-1) the selected one on the focused lane. */
    public void step(int delta) {
        selection.step(delta);
    }

    /** Selects the mark nearest the middle of the plot on the focused lane (Enter). */
    public void selectNearestOnFocusedLane() {
        selection.selectNearestOnFocusedLane();
    }

    // ---------------------------------------------------------------- reading marks

    private void laneRead(Lane lane) {
        selection.laneRead(lane);
        timeChanged();
        loader.pump();
    }

    private void timeChanged() {
        navigation.timeChanged();
        changed();
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }
}
