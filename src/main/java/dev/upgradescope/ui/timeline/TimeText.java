package dev.upgradescope.ui.timeline;

import java.util.Locale;

/** Relative times as the timeline and the ladder print them: {@code 850 µs}, {@code 12.345 ms}, {@code 3.250 s}. */
public final class TimeText {

    private TimeText() {
    }

    public static String of(long nanos) {
        long a = Math.abs(nanos);
        if (a < 1_000L) {
            return nanos + " ns";
        }
        if (a < 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        if (a < 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
        }
        if (a < 600_000_000_000L) {
            return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
        }
        long s = nanos / 1_000_000_000L;
        return String.format(Locale.ROOT, "%d:%02d min", s / 60, Math.abs(s % 60));
    }

    /** A tick label for a step of {@code step} nanos: no more digits than the step needs. */
    static String tick(long nanos, long step) {
        if (step >= 1_000_000_000L) {
            return trim(nanos / 1e9, step / 1e9) + " s";
        }
        if (step >= 1_000_000L) {
            return trim(nanos / 1e6, step / 1e6) + " ms";
        }
        if (step >= 1_000L) {
            return trim(nanos / 1e3, step / 1e3) + " µs";
        }
        return nanos + " ns";
    }

    private static String trim(double value, double step) {
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
