package dev.upgradescope.ui.timeline;

import java.util.ArrayList;
import java.util.List;

/** One labelled tick of the time ruler at plot pixel {@code x}. */
public record Tick(double x, String label) {

    /** The least room between two ticks, in pixels. */
    static final double MIN_SPACING = 90;

    /**
     * The ruler's ticks across {@code width} pixels of axis {@code a}, labelled relative to
     * {@code origin}: steps of 1, 2 or 5 times a power of ten, at least {@link #MIN_SPACING} apart.
     */
    static List<Tick> along(TimeAxis a, long origin, double width) {
        double minStep = a.nanosPerPixel() * MIN_SPACING;
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
        long firstRel = (long) Math.ceil((a.toNanos(0) - origin) / step) * step;
        List<Tick> out = new ArrayList<>();
        for (long rel = firstRel; a.toX(origin + rel) <= width; rel += step) {
            out.add(new Tick(a.toX(origin + rel), TimeText.tick(rel, step)));
        }
        return out;
    }
}
