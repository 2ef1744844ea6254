package dev.upgradescope.ui.timeline;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The time axis and how the user moves along it: zoom around a point, pan, fit the whole session,
 * jump to its first or newest moment, and "follow live" (the newest time stays in view as marks
 * arrive). Until the user moves the axis it keeps the whole session in view. FX thread only.
 */
final class TimeNavigation {

    /** The room left on each side of the session when it is fitted, as a share of the width. */
    private static final double MARGIN = 0.03;

    private final Lanes lanes;
    private final LaneViewport viewport;
    final ReadOnlyObjectWrapper<TimeAxis> axis = new ReadOnlyObjectWrapper<>(new TimeAxis(0, 1e6));
    final BooleanProperty followLive = new SimpleBooleanProperty();
    private boolean userMoved;

    TimeNavigation(Lanes lanes, LaneViewport viewport) {
        this.lanes = lanes;
        this.viewport = viewport;
        followLive.addListener((obs, was, now) -> {
            if (now) {
                follow();
            }
        });
    }

    TimeAxis axis() {
        return axis.get();
    }

    /** The user has not moved the axis (again): it fits the session as it grows. */
    void forgetMoves() {
        userMoved = false;
    }

    /** The plot was resized: the axis fits anew unless the user placed it (and is not following); true if it did. */
    boolean resized() {
        if (!userMoved || followLive.get()) {
            timeChanged();
            return true;
        }
        return false;
    }

    void zoomAround(double x, double factor) {
        userMoved = true;
        axis.set(axis.get().zoomAround(x, factor));
        if (followLive.get() && factor < 1) {
            follow();
        }
    }

    /** Moves the content by {@code dx} pixels; stops following live. */
    void pan(double dx) {
        userMoved = true;
        followLive.set(false);
        axis.set(axis.get().pan(dx));
    }

    /** Shows the whole session. */
    void fit() {
        userMoved = false;
        timeChanged();
    }

    /** Brings the session's first moment to the left edge. */
    void home() {
        userMoved = true;
        followLive.set(false);
        axis.set(axis.get().placing(lanes.origin(), viewport.width() * MARGIN));
        viewport.scrollTo(0);
    }

    /** Brings the newest moment to the right edge. */
    void end() {
        userMoved = true;
        axis.set(axis.get().placing(lanes.latest(), viewport.width() * (1 - MARGIN)));
        viewport.scrollToEnd();
    }

    /** Brings time {@code nanos} to the middle if it is out of view, keeping the zoom. */
    void reveal(long nanos) {
        double x = axis.get().toX(nanos);
        if (x < 0 || x > viewport.width()) {
            userMoved = true;
            followLive.set(false);
            axis.set(axis.get().placing(nanos, viewport.width() / 2));
        }
    }

    /** The session's span changed (marks read, rows updated): follow it or fit it, as the user chose. */
    void timeChanged() {
        if (followLive.get()) {
            follow();
        } else if (!userMoved && !lanes.isEmpty()) {
            long from = lanes.origin();
            long to = Math.max(lanes.latest(), from + 1_000_000);
            double span = (to - from) / (1 - 2 * MARGIN);
            TimeAxis fit = TimeAxis.fit(from, from + (long) span, viewport.width());
            axis.set(fit.placing(from, viewport.width() * MARGIN));
        }
    }

    private void follow() {
        if (lanes.isEmpty()) {
            return;
        }
        TimeAxis a = axis.get();
        long last = lanes.latest();
        double width = viewport.width();
        if (!userMoved) {
            long from = lanes.origin();
            double span = Math.max(last - from, 1_000_000) / (1 - 2 * MARGIN);
            a = TimeAxis.fit(from, from + (long) span, width).placing(from, width * MARGIN);
        } else {
            a = a.placing(last, width * (1 - MARGIN));
        }
        axis.set(a);
        viewport.scrollToEnd();
    }
}
