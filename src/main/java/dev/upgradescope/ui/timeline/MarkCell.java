package dev.upgradescope.ui.timeline;

/**
 * What to draw for one pixel column of one track: a single mark at {@code x} ({@code count} 1), or a
 * density bar from {@code x} over {@code width} pixels standing for {@code count} marks, the first
 * at track index {@code first}.
 */
public record MarkCell(double x, double width, Track track, int count, int first, MarkKind kind) {

    public boolean single() {
        return count == 1;
    }
}
