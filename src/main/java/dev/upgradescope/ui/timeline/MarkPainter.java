package dev.upgradescope.ui.timeline;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** Draws one mark shape centred on a point; used by the timeline canvas and the legend. */
public final class MarkPainter {

    private MarkPainter() {
    }

    public static void draw(GraphicsContext g, MarkShape shape, double x, double y, double size, Color colour) {
        double r = size / 2;
        g.setFill(colour);
        g.setStroke(colour);
        switch (shape) {
            case CIRCLE -> g.fillOval(x - r, y - r, size, size);
            case SQUARE -> g.fillRect(x - r * 0.9, y - r * 0.9, size * 0.9, size * 0.9);
            case DIAMOND -> g.fillPolygon(new double[] {x, x + r, x, x - r}, new double[] {y - r, y, y + r, y}, 4);
            case CROSS -> {
                g.setLineWidth(2);
                g.strokeLine(x - r * 0.8, y - r * 0.8, x + r * 0.8, y + r * 0.8);
                g.strokeLine(x - r * 0.8, y + r * 0.8, x + r * 0.8, y - r * 0.8);
            }
            case TRIANGLE_RIGHT -> g.fillPolygon(new double[] {x - r * 0.8, x + r, x - r * 0.8},
                    new double[] {y - r, y, y + r}, 3);
            case TRIANGLE_LEFT -> g.fillPolygon(new double[] {x + r * 0.8, x - r, x + r * 0.8},
                    new double[] {y - r, y, y + r}, 3);
            case TRIANGLE_UP -> g.fillPolygon(new double[] {x - r, x, x + r},
                    new double[] {y + r * 0.8, y - r, y + r * 0.8}, 3);
            case RING -> {
                g.setLineWidth(1.6);
                g.strokeOval(x - r * 0.8, y - r * 0.8, size * 0.8, size * 0.8);
            }
            case OUTLINED_SQUARE -> {
                g.setLineWidth(1.6);
                g.strokeRect(x - r * 0.75, y - r * 0.75, size * 0.75, size * 0.75);
            }
            case TICK -> g.fillRect(x - 1.25, y - r, 2.5, size);
            case BAR -> g.fillRect(x - 1.5, y - r * 1.3, 3, size * 1.3);
        }
    }
}
