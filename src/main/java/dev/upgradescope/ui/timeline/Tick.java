package dev.upgradescope.ui.timeline;

/** One labelled tick of the time ruler at plot pixel {@code x}. */
public record Tick(double x, String label) {
}
