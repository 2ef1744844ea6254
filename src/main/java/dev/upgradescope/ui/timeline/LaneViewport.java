package dev.upgradescope.ui.timeline;

import java.util.OptionalInt;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Which lanes are in view: the plot's size in pixels, the top visible lane and the lane keyboard
 * actions apply to. Plot y counts from the top of the first visible lane. FX thread only.
 */
final class LaneViewport {

    /** Height of one lane in pixels. */
    static final double LANE_HEIGHT = 30;

    private final Lanes lanes;
    private double width = 800;
    private double height = 200;
    final ReadOnlyIntegerWrapper firstLane = new ReadOnlyIntegerWrapper();
    final ReadOnlyIntegerWrapper laneCount = new ReadOnlyIntegerWrapper();
    final ReadOnlyIntegerWrapper focusedLane = new ReadOnlyIntegerWrapper(-1);

    LaneViewport(Lanes lanes) {
        this.lanes = lanes;
    }

    double width() {
        return width;
    }

    /** Takes the plot's new size; false if it is not one (empty) or has not changed. */
    boolean resize(double plotWidth, double plotHeight) {
        if (plotWidth <= 0 || plotHeight <= 0 || plotWidth == width && plotHeight == height) {
            return false;
        }
        width = plotWidth;
        height = plotHeight;
        firstLane.set(clamp(firstLane.get()));
        return true;
    }

    /** The lanes were added or removed: their count, and the top lane kept in range. */
    void lanesChanged() {
        laneCount.set(lanes.size());
        firstLane.set(clamp(firstLane.get()));
    }

    void clear() {
        firstLane.set(0);
        laneCount.set(0);
        focusedLane.set(-1);
    }

    int visibleLaneCount() {
        return (int) Math.ceil(height / LANE_HEIGHT);
    }

    int lastVisibleLane() {
        return Math.min(lanes.size(), firstLane.get() + visibleLaneCount()) - 1;
    }

    /** Makes {@code first} the top lane, within range. */
    void scrollTo(int first) {
        firstLane.set(clamp(first));
    }

    /** Shows the last lanes. */
    void scrollToEnd() {
        scrollTo(lanes.size());
    }

    /** Moves the keyboard's lane by {@code delta}; returns the top lane that brings it into view, if it is out. */
    OptionalInt moveFocus(int delta) {
        int f = Math.max(0, Math.min(lanes.size() - 1, focusedLane.get() + delta));
        focusedLane.set(f);
        if (f < firstLane.get()) {
            return OptionalInt.of(f);
        } else if (f > lastVisibleLane() - (height % LANE_HEIGHT == 0 ? 0 : 1)) {
            return OptionalInt.of(f - visibleLaneCount() + 2);
        }
        return OptionalInt.empty();
    }

    /** Makes {@code lane} the keyboard's lane. */
    void focus(int lane) {
        focusedLane.set(lane);
    }

    /** Whether lane {@code lane} is in view, not cut by the bottom edge. */
    boolean shows(int lane) {
        return lane >= firstLane.get() && lane <= lastVisibleLane() - 1;
    }

    /** Y of the centre line of lane {@code laneIndex}, in plot coordinates. */
    double laneCentre(int laneIndex) {
        return (laneIndex - firstLane.get()) * LANE_HEIGHT + LANE_HEIGHT / 2;
    }

    /** The lane at plot y (maybe out of range). */
    int laneAt(double y) {
        return firstLane.get() + (int) Math.floor(y / LANE_HEIGHT);
    }

    private int clamp(int first) {
        int max = Math.max(0, lanes.size() - (int) Math.floor(height / LANE_HEIGHT));
        return Math.max(0, Math.min(max, first));
    }
}
