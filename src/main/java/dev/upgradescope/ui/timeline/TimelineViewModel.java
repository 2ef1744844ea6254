package dev.upgradescope.ui.timeline;

import dev.upgradescope.capture.ConnectionRow;
import dev.upgradescope.capture.EventRow;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State of the timeline, independent of its canvas: one lane per connection on a shared time axis,
 * the axis (zoom and pan), which lanes are in view, the visible-window query with aggregation, hit
 * testing, hover text, the selected mark and "follow live". Marks are read page by page from the
 * store on a worker into per-connection sorted arrays, lanes in view first. Plot coordinates: x from
 * the left edge of the plot, y from the top of the first visible lane. FX thread only.
 */
public final class TimelineViewModel {

    /** Height of one lane in pixels. */
    public static final double LANE_HEIGHT = 30;
    /** Width of one aggregation column in pixels. */
    public static final double COLUMN_PX = 3;
    /** How far from a mark the pointer may be and still hit it. */
    public static final double HIT_RADIUS = 6;
    /** Events read per page from the store. */
    static final int PAGE = 5_000;
    private static final double MARGIN = 0.03;

    private final EventPages pages;
    private final Executor worker;
    private final Executor fx;
    private final ResourceBundle texts;

    private final List<Lane> lanes = new ArrayList<>();
    private final Map<Long, Lane> byConn = new HashMap<>();
    private long origin = Long.MAX_VALUE;
    private long generation;
    private boolean inFlight;
    private boolean userMoved;
    private double width = 800;
    private double height = 200;

    private final ReadOnlyObjectWrapper<TimeAxis> axis = new ReadOnlyObjectWrapper<>(new TimeAxis(0, 1e6));
    private final ReadOnlyIntegerWrapper firstLane = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper laneCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final BooleanProperty followLive = new SimpleBooleanProperty();
    private final ObjectProperty<MarkRef> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<MarkRef> hovered = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper focusedLane = new ReadOnlyIntegerWrapper(-1);
    private final Map<Long, String> summaries = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > 512;
        }
    };
    private MarkRef pendingSelection;

    /**
     * @param pages  the store, read on {@code worker} only
     * @param worker runs reads off the FX thread, in order
     * @param fx     runs results on the FX thread
     * @param texts  the timeline bundle
     */
    public TimelineViewModel(EventPages pages, Executor worker, Executor fx, ResourceBundle texts) {
        this.pages = pages;
        this.worker = worker;
        this.fx = fx;
        this.texts = texts;
        followLive.addListener((obs, was, now) -> {
            if (now) {
                follow();
            }
        });
        selected.addListener((obs, was, now) -> {
            if (now != null) {
                Integer lane = laneIndex(now.conn());
                if (lane != null) {
                    focusedLane.set(lane);
                }
            }
            changed();
        });
    }

    // ---------------------------------------------------------------- properties

    public ReadOnlyObjectProperty<TimeAxis> axisProperty() {
        return axis.getReadOnlyProperty();
    }

    public TimeAxis axis() {
        return axis.get();
    }

    /** Index of the top visible lane. */
    public ReadOnlyIntegerProperty firstLaneProperty() {
        return firstLane.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty laneCountProperty() {
        return laneCount.getReadOnlyProperty();
    }

    /** Increases whenever what is drawn changes (marks read, rows updated, selection). */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** While true, the newest time stays in view as marks arrive. */
    public BooleanProperty followLiveProperty() {
        return followLive;
    }

    /** The selected mark; set from outside to highlight (and bring into view) an event. */
    public ObjectProperty<MarkRef> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<MarkRef> hoveredProperty() {
        return hovered.getReadOnlyProperty();
    }

    /** A line about the mark under the pointer (kind, direction, time, then its summary once read). */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    /** The lane keyboard actions apply to. */
    public ReadOnlyIntegerProperty focusedLaneProperty() {
        return focusedLane.getReadOnlyProperty();
    }

    /** The session's first opening time: relative times count from here. */
    public long origin() {
        return origin == Long.MAX_VALUE ? 0 : origin;
    }

    public double plotWidth() {
        return width;
    }

    // ---------------------------------------------------------------- connections

    /** Follows the connections list: new lanes, updated rows, lanes of vanished connections dropped. */
    public void setConnections(List<ConnectionRow> rows) {
        Set<Long> seen = new HashSet<>(rows.size() * 2);
        boolean added = false;
        for (ConnectionRow row : rows) {
            seen.add(row.id());
            Lane lane = byConn.get(row.id());
            if (lane == null) {
                lane = new Lane(row);
                byConn.put(row.id(), lane);
                lanes.add(lane);
                added = true;
            } else {
                lane.update(row);
            }
            origin = Math.min(origin, row.openedNanos());
        }
        if (lanes.size() != seen.size()) {
            lanes.removeIf(l -> !seen.contains(l.conn()));
            byConn.keySet().retainAll(seen);
            if (lanes.isEmpty()) {
                origin = Long.MAX_VALUE;
                userMoved = false;
            }
        }
        laneCount.set(lanes.size());
        firstLane.set(clampLane(firstLane.get()));
        if (added && followLive.get()) {
            firstLane.set(clampLane(lanes.size()));
        }
        timeChanged();
        pump();
    }

    /** Forgets every lane and read mark (another session file). */
    public void reset() {
        generation++;
        inFlight = false;
        lanes.clear();
        byConn.clear();
        summaries.clear();
        origin = Long.MAX_VALUE;
        userMoved = false;
        firstLane.set(0);
        laneCount.set(0);
        focusedLane.set(-1);
        pendingSelection = null;
        selected.set(null);
        setHovered(null);
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
        return lanes.stream().anyMatch(l -> l.loading || l.needsLoad());
    }

    // ---------------------------------------------------------------- viewport

    /** The plot's size in pixels (without gutter and ruler). */
    public void setViewport(double plotWidth, double plotHeight) {
        if (plotWidth <= 0 || plotHeight <= 0 || plotWidth == width && plotHeight == height) {
            return;
        }
        TimeAxis a = axis.get();
        width = plotWidth;
        height = plotHeight;
        firstLane.set(clampLane(firstLane.get()));
        if (!userMoved || followLive.get()) {
            timeChanged();
        } else {
            axis.set(a);
            pump();
        }
    }

    public int visibleLaneCount() {
        return (int) Math.ceil(height / LANE_HEIGHT);
    }

    public int lastVisibleLane() {
        return Math.min(lanes.size(), firstLane.get() + visibleLaneCount()) - 1;
    }

    public void zoomAround(double x, double factor) {
        userMoved = true;
        TimeAxis next = axis.get().zoomAround(x, factor);
        if (followLive.get() && factor < 1) {
            axis.set(next);
            follow();
        } else {
            axis.set(next);
        }
    }

    public void zoomIn() {
        zoomAround(width / 2, 0.5);
    }

    public void zoomOut() {
        zoomAround(width / 2, 2);
    }

    /** Moves the content by {@code dx} pixels; stops following live. */
    public void pan(double dx) {
        userMoved = true;
        followLive.set(false);
        axis.set(axis.get().pan(dx));
    }

    /** Shows the whole session. */
    public void fit() {
        userMoved = false;
        timeChanged();
    }

    /** Brings the session's first moment to the left edge. */
    public void home() {
        userMoved = true;
        followLive.set(false);
        axis.set(axis.get().placing(origin(), width * MARGIN));
        firstLane.set(0);
    }

    /** Brings the newest moment to the right edge. */
    public void end() {
        userMoved = true;
        axis.set(axis.get().placing(latest(), width * (1 - MARGIN)));
        firstLane.set(clampLane(lanes.size()));
    }

    public void scrollLanes(int first) {
        firstLane.set(clampLane(first));
        pump();
    }

    /** Moves the keyboard's lane by {@code delta}, scrolling it into view. */
    public void focusLane(int delta) {
        if (lanes.isEmpty()) {
            return;
        }
        int f = Math.max(0, Math.min(lanes.size() - 1, focusedLane.get() + delta));
        focusedLane.set(f);
        if (f < firstLane.get()) {
            scrollLanes(f);
        } else if (f > lastVisibleLane() - (height % LANE_HEIGHT == 0 ? 0 : 1)) {
            scrollLanes(f - visibleLaneCount() + 2);
        }
        changed();
    }

    private int clampLane(int first) {
        int max = Math.max(0, lanes.size() - (int) Math.floor(height / LANE_HEIGHT));
        return Math.max(0, Math.min(max, first));
    }

    /** The latest moment of the session: the newest mark, opening or closing. */
    public long latest() {
        long t = origin();
        for (Lane l : lanes) {
            t = Math.max(t, l.lastNanos());
        }
        return t;
    }

    private void timeChanged() {
        if (followLive.get()) {
            follow();
        } else if (!userMoved && !lanes.isEmpty()) {
            long from = origin();
            long to = Math.max(latest(), from + 1_000_000);
            double span = (to - from) / (1 - 2 * MARGIN);
            TimeAxis fit = TimeAxis.fit(from, from + (long) span, width);
            axis.set(fit.placing(from, width * MARGIN));
        }
        changed();
    }

    private void follow() {
        if (lanes.isEmpty()) {
            return;
        }
        TimeAxis a = axis.get();
        long last = latest();
        if (!userMoved) {
            long from = origin();
            double span = Math.max(last - from, 1_000_000) / (1 - 2 * MARGIN);
            a = TimeAxis.fit(from, from + (long) span, width).placing(from, width * MARGIN);
        } else {
            a = a.placing(last, width * (1 - MARGIN));
        }
        axis.set(a);
        firstLane.set(clampLane(lanes.size()));
    }

    // ---------------------------------------------------------------- queries

    /** The cells to draw on lane {@code laneIndex} between plot pixels {@code fromX} and {@code toX}. */
    public List<MarkCell> cells(int laneIndex, double fromX, double toX) {
        List<MarkCell> out = new ArrayList<>();
        Lane lane = lanes.get(laneIndex);
        for (Track t : Track.values()) {
            MarkCells.query(lane.track(t), t, axis.get(), origin(), fromX, toX, COLUMN_PX, out);
        }
        return out;
    }

    /** Ruler ticks for the current axis: steps of 1, 2 or 5 times a power of ten, at least 90 px apart. */
    public List<Tick> ticks() {
        TimeAxis a = axis.get();
        double minStep = a.nanosPerPixel() * 90;
        long step = 1;
        outer:
        for (long p = 1; p < Long.MAX_VALUE / 10; p *= 10) {
            for (long m : new long[] {1, 2, 5}) {
                if (p * m >= minStep) {
                    step = p * m;
                    break outer;
                }
            }
        }
        long o = origin();
        long firstRel = (long) Math.ceil((a.toNanos(0) - o) / step) * step;
        List<Tick> out = new ArrayList<>();
        for (long rel = firstRel; a.toX(o + rel) <= width; rel += step) {
            out.add(new Tick(a.toX(o + rel), TimeText.tick(rel, step)));
        }
        return out;
    }

    /** Y of the centre line of visible lane {@code laneIndex}, in plot coordinates. */
    public double laneCentre(int laneIndex) {
        return (laneIndex - firstLane.get()) * LANE_HEIGHT + LANE_HEIGHT / 2;
    }

    /** Y offset of a track's marks from the lane's centre line. */
    public static double trackOffset(Track t) {
        return switch (t) {
            case C2S -> -LANE_HEIGHT / 4.5;
            case S2C -> LANE_HEIGHT / 4.5;
            case CENTRE -> 0;
        };
    }

    /** The mark nearest to plot point (x, y), within {@link #HIT_RADIUS}, if any. */
    public Optional<MarkRef> hit(double x, double y) {
        int laneIndex = firstLane.get() + (int) Math.floor(y / LANE_HEIGHT);
        if (y < 0 || laneIndex < 0 || laneIndex >= lanes.size()) {
            return Optional.empty();
        }
        Lane lane = lanes.get(laneIndex);
        double dy = y - laneCentre(laneIndex);
        Track wanted = dy < -3 ? Track.C2S : dy > 3 ? Track.S2C : Track.CENTRE;
        TimeAxis a = axis.get();
        MarkRef best = null;
        double bestDx = HIT_RADIUS + 1;
        for (Track t : Track.values()) {
            if (t != wanted && t != Track.CENTRE && wanted != Track.CENTRE) {
                continue;
            }
            LaneTrack tr = lane.track(t);
            int from = tr.lowerBound((long) Math.floor(a.toNanos(x - HIT_RADIUS)));
            int to = tr.upperBound((long) Math.ceil(a.toNanos(x + HIT_RADIUS)));
            for (int i = from; i < to && i < from + 64; i++) {
                double d = Math.abs(a.toX(tr.nanos(i)) - x) + (t == wanted ? 0 : 2);
                if (d < bestDx) {
                    bestDx = d;
                    best = new MarkRef(lane.conn(), tr.id(i), tr.nanos(i), tr.kind(i), t);
                }
            }
            if (to - from > 64) {
                int mid = tr.lowerBound((long) a.toNanos(x));
                int i = Math.min(mid, tr.size() - 1);
                best = new MarkRef(lane.conn(), tr.id(i), tr.nanos(i), tr.kind(i), t);
                bestDx = 0;
            }
        }
        ConnectionRow row = lane.row();
        double openDx = Math.abs(a.toX(row.openedNanos()) - x);
        if (openDx < bestDx && Math.abs(dy) <= HIT_RADIUS) {
            best = new MarkRef(row.id(), -1, row.openedNanos(), MarkKind.CONNECT, Track.CENTRE);
            bestDx = openDx;
        }
        if (row.closed()) {
            double closeDx = Math.abs(a.toX(row.closedNanos()) - x);
            if (closeDx < bestDx && Math.abs(dy) <= HIT_RADIUS) {
                best = new MarkRef(row.id(), -1, row.closedNanos(), MarkKind.CLOSED, Track.CENTRE);
            }
        }
        return Optional.ofNullable(best);
    }

    /** How many marks of the lane's track fall in the aggregation column around plot x (for hover on a bar). */
    int density(int laneIndex, Track t, double x) {
        LaneTrack tr = lanes.get(laneIndex).track(t);
        double colNanos = COLUMN_PX * axis.get().nanosPerPixel();
        long c = MarkCells.column(axis.get().toNanos(x), origin(), colNanos);
        return tr.lowerBound(MarkCells.boundary(c + 1, origin(), colNanos))
                - tr.lowerBound(MarkCells.boundary(c, origin(), colNanos));
    }

    // ---------------------------------------------------------------- pointer and selection

    /** The pointer moved to plot point (x, y) (NaN: it left the plot). */
    public void hover(double x, double y) {
        setHovered(Double.isNaN(x) ? null : hit(x, y).orElse(null));
    }

    private void setHovered(MarkRef m) {
        if (java.util.Objects.equals(m, hovered.get())) {
            return;
        }
        hovered.set(m);
        if (m == null) {
            hoverText.set("");
            return;
        }
        hoverText.set(describe(m, null));
        if (m.isEvent()) {
            String known = summaries.get(m.eventId());
            if (known != null) {
                hoverText.set(describe(m, known));
            } else {
                long gen = generation;
                worker.execute(() -> {
                    String summary;
                    try {
                        summary = pages.event(m.eventId()).map(EventRow::summary).orElse("");
                    } catch (Exception e) {
                        summary = "";
                    }
                    String s = summary;
                    fx.execute(() -> {
                        if (gen == generation) {
                            summaries.put(m.eventId(), s);
                            if (m.equals(hovered.get())) {
                                hoverText.set(describe(m, s));
                            }
                        }
                    });
                });
            }
        }
    }

    /** One line about a mark: connection, kind, direction, relative time, and the summary when known. */
    public String describe(MarkRef m, String summary) {
        String dir = texts.getString("track." + m.track().name().toLowerCase(java.util.Locale.ROOT));
        String line = MessageFormat.format(texts.getString("hover.mark"), String.valueOf(m.conn()),
                texts.getString(m.kind().textKey()), dir, TimeText.of(m.nanos() - origin()));
        return summary == null || summary.isEmpty() ? line : line + " — " + summary;
    }

    /** Selects the mark under plot point (x, y); returns whether there was one. */
    public boolean click(double x, double y) {
        Optional<MarkRef> m = hit(x, y);
        m.ifPresent(selected::set);
        return m.isPresent();
    }

    /**
     * Selects event {@code eventId} of connection {@code conn} from outside and brings it into view;
     * if its lane has not been read that far yet, the selection happens once it has.
     */
    public void select(long conn, long eventId) {
        MarkRef cur = selected.get();
        if (cur != null && cur.conn() == conn && cur.eventId() == eventId) {
            return;
        }
        Optional<MarkRef> m = find(conn, eventId);
        if (m.isPresent()) {
            pendingSelection = null;
            selected.set(m.get());
            reveal(m.get());
        } else {
            pendingSelection = new MarkRef(conn, eventId, 0, MarkKind.OTHER, Track.CENTRE);
        }
    }

    /** Selects the connection's opening mark (a connection was chosen elsewhere). */
    public void selectConnection(long conn) {
        Lane lane = byConn.get(conn);
        MarkRef cur = selected.get();
        if (lane == null || cur != null && cur.conn() == conn) {
            return;
        }
        MarkRef m = new MarkRef(conn, -1, lane.row().openedNanos(), MarkKind.CONNECT, Track.CENTRE);
        selected.set(m);
        reveal(m);
    }

    Optional<MarkRef> find(long conn, long eventId) {
        Lane lane = byConn.get(conn);
        if (lane == null) {
            return Optional.empty();
        }
        for (Track t : Track.values()) {
            LaneTrack tr = lane.track(t);
            int i = tr.indexOf(eventId);
            if (i >= 0) {
                return Optional.of(new MarkRef(conn, eventId, tr.nanos(i), tr.kind(i), t));
            }
        }
        return Optional.empty();
    }

    /** Scrolls lanes and time so that {@code m} is visible, keeping the zoom. */
    public void reveal(MarkRef m) {
        Integer lane = laneIndex(m.conn());
        if (lane == null) {
            return;
        }
        focusedLane.set(lane);
        if (lane < firstLane.get() || lane > lastVisibleLane() - 1) {
            scrollLanes(lane - visibleLaneCount() / 2);
        }
        double x = axis.get().toX(m.nanos());
        if (x < 0 || x > width) {
            userMoved = true;
            followLive.set(false);
            axis.set(axis.get().placing(m.nanos(), width / 2));
        }
        changed();
    }

    /** Selects the mark after (+1) or before (-1) the selected one on the focused lane. */
    public void step(int delta) {
        int laneIdx = focusedLane.get();
        if (laneIdx < 0 || laneIdx >= lanes.size()) {
            return;
        }
        Lane lane = lanes.get(laneIdx);
        MarkRef cur = selected.get();
        long t = cur != null && cur.conn() == lane.conn() ? cur.nanos()
                : (long) axis.get().toNanos(delta > 0 ? 0 : width);
        long curId = cur != null && cur.conn() == lane.conn() ? cur.eventId() : Long.MIN_VALUE;
        MarkRef best = null;
        for (Track tr : Track.values()) {
            LaneTrack track = lane.track(tr);
            int i = delta > 0 ? track.lowerBound(t) : track.upperBound(t) - 1;
            while (i >= 0 && i < track.size() && track.nanos(i) == t && track.id(i) == curId) {
                i += delta > 0 ? 1 : -1;
            }
            if (i >= 0 && i < track.size()) {
                MarkRef c = new MarkRef(lane.conn(), track.id(i), track.nanos(i), track.kind(i), tr);
                if (best == null || (delta > 0 ? c.nanos() < best.nanos() : c.nanos() > best.nanos())) {
                    best = c;
                }
            }
        }
        if (best != null) {
            selected.set(best);
            reveal(best);
        }
    }

    /** Selects the mark nearest the middle of the plot on the focused lane (Enter). */
    public void selectNearestOnFocusedLane() {
        int laneIdx = focusedLane.get();
        if (laneIdx < 0 || laneIdx >= lanes.size()) {
            return;
        }
        Lane lane = lanes.get(laneIdx);
        long t = (long) axis.get().toNanos(width / 2);
        MarkRef best = null;
        long bestD = Long.MAX_VALUE;
        for (Track tr : Track.values()) {
            LaneTrack track = lane.track(tr);
            int i = track.lowerBound(t);
            for (int j = Math.max(0, i - 1); j <= i && j < track.size(); j++) {
                long d = Math.abs(track.nanos(j) - t);
                if (d < bestD) {
                    bestD = d;
                    best = new MarkRef(lane.conn(), track.id(j), track.nanos(j), track.kind(j), tr);
                }
            }
        }
        if (best == null) {
            best = new MarkRef(lane.conn(), -1, lane.row().openedNanos(), MarkKind.CONNECT, Track.CENTRE);
        }
        selected.set(best);
    }

    private Integer laneIndex(long conn) {
        Lane lane = byConn.get(conn);
        if (lane == null) {
            return null;
        }
        int i = lanes.indexOf(lane);
        return i < 0 ? null : i;
    }

    // ---------------------------------------------------------------- reading marks

    private void pump() {
        if (inFlight) {
            return;
        }
        Lane next = nextToLoad();
        if (next == null) {
            return;
        }
        inFlight = true;
        next.loading = true;
        long gen = generation;
        long conn = next.conn();
        long after = next.lastEventId;
        worker.execute(() -> {
            MarkBatch batch;
            try {
                MarkBatch read = MarkBatch.reading(conn, PAGE);
                pages.marks(conn, after, PAGE, read::accept);
                batch = read;
            } catch (Exception e) {
                batch = null;
            }
            MarkBatch b = batch;
            fx.execute(() -> read(gen, next, b));
        });
    }

    private Lane nextToLoad() {
        int first = firstLane.get();
        int last = lastVisibleLane();
        for (int i = Math.max(0, first); i <= last; i++) {
            if (lanes.get(i).needsLoad()) {
                return lanes.get(i);
            }
        }
        for (Lane l : lanes) {
            if (l.needsLoad()) {
                return l;
            }
        }
        return null;
    }

    private void read(long gen, Lane lane, MarkBatch batch) {
        if (gen != generation) {
            return;
        }
        inFlight = false;
        lane.loading = false;
        if (batch == null || batch.eventsRead() == 0) {
            lane.eventsRead = Math.max(lane.eventsRead, lane.row().events()); // nothing more to read now
        } else {
            lane.add(batch);
        }
        if (pendingSelection != null && pendingSelection.conn() == lane.conn()) {
            select(pendingSelection.conn(), pendingSelection.eventId());
        }
        timeChanged();
        pump();
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }
}
