package dev.upgradescope.ui.timeline;

/** How a mark is drawn on the timeline and at the head of a ladder label. */
public enum MarkShape {
    CIRCLE,
    SQUARE,
    DIAMOND,
    CROSS,
    TRIANGLE_RIGHT,
    TRIANGLE_LEFT,
    TRIANGLE_UP,
    RING,
    OUTLINED_SQUARE,
    TICK,
    BAR
}
