package dev.upgradescope.ui.timeline;

/**
 * The mapping between monotonic time and horizontal pixels of the timeline: the time at pixel 0
 * and how many nanoseconds one pixel spans. Immutable; zooming and panning give a new axis.
 */
public record TimeAxis(double startNanos, double nanosPerPixel) {

    /** The finest zoom: 10 ns per pixel. */
    public static final double MIN_NANOS_PER_PIXEL = 10;
    /** The coarsest zoom: one hour per pixel. */
    public static final double MAX_NANOS_PER_PIXEL = 3.6e12;

    public TimeAxis {
        if (!(nanosPerPixel > 0) || Double.isInfinite(nanosPerPixel) || Double.isNaN(startNanos)) {
            throw new IllegalArgumentException("not an axis: start=" + startNanos + " npp=" + nanosPerPixel);
        }
    }

    /** The axis that shows {@code [from, to]} across {@code widthPx} pixels. */
    public static TimeAxis fit(long from, long to, double widthPx) {
        double span = Math.max(1, to - from);
        return new TimeAxis(from, clamp(span / Math.max(1, widthPx)));
    }

    public double toX(double nanos) {
        return (nanos - startNanos) / nanosPerPixel;
    }

    public double toNanos(double x) {
        return startNanos + x * nanosPerPixel;
    }

    /** Zooms by {@code factor} (below 1 zooms in) keeping the time under pixel {@code x} in place. */
    public TimeAxis zoomAround(double x, double factor) {
        double t = toNanos(x);
        double npp = clamp(nanosPerPixel * factor);
        return new TimeAxis(t - x * npp, npp);
    }

    /** Moves the content by {@code dx} pixels (dragging to the right shows earlier times). */
    public TimeAxis pan(double dx) {
        return new TimeAxis(startNanos - dx * nanosPerPixel, nanosPerPixel);
    }

    /** The same zoom with time {@code nanos} at pixel {@code x}. */
    public TimeAxis placing(double nanos, double x) {
        return new TimeAxis(nanos - x * nanosPerPixel, nanosPerPixel);
    }

    static double clamp(double npp) {
        return Math.max(MIN_NANOS_PER_PIXEL, Math.min(MAX_NANOS_PER_PIXEL, npp));
    }
}
