package dev.upgradescope.ui.ladder;

import dev.upgradescope.ui.timeline.Track;
import java.util.List;

/**
 * Where the ladder's parts go for a given width: the time column, the three lifelines (client,
 * UpgradeScope, server), and for each step its arrow segments — a client-to-server unit goes
 * client → proxy → server (the proxy relays it), a server-to-client unit the other way round, an
 * event without direction is a note on the proxy's lifeline — and the room its label has.
 */
public record LadderLayout(double width, double timeColumn, double client, double proxy, double server) {

    /** Height of one step's row. */
    public static final double ROW_HEIGHT = 40;
    /** Horizontal room kept free around a label on its segment. */
    public static final double LABEL_PAD = 10;
    private static final double MARGIN = 40;
    private static final double TIME_COLUMN = 92;

    /** One straight piece of an arrow, from x {@code from} to x {@code to}; {@code head}: draw the arrowhead at {@code to}. */
    public record Segment(double from, double to, boolean head) {

        public double length() {
            return Math.abs(to - from);
        }

        public double left() {
            return Math.min(from, to);
        }
    }

    public static LadderLayout of(double width) {
        double w = Math.max(width, TIME_COLUMN + 2 * MARGIN + 120);
        double left = TIME_COLUMN + MARGIN;
        double right = w - MARGIN;
        return new LadderLayout(w, TIME_COLUMN, left, (left + right) / 2, right);
    }

    /** The segments of a step, in the order the unit travelled. */
    public List<Segment> segments(Track track) {
        return switch (track) {
            case C2S -> List.of(new Segment(client, proxy, true), new Segment(proxy, server, true));
            case S2C -> List.of(new Segment(server, proxy, true), new Segment(proxy, client, true));
            case CENTRE -> List.of();
        };
    }

    /** The x where a step's label starts and how wide it may be: the first segment, or around the proxy for a note. */
    public double[] labelBox(Track track) {
        if (track == Track.CENTRE) {
            double w = (server - client) * 0.6;
            return new double[] {proxy - w / 2, w};
        }
        Segment first = segments(track).get(0);
        return new double[] {first.left() + LABEL_PAD, Math.max(0, first.length() - 2 * LABEL_PAD)};
    }
}
