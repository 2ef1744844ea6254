package dev.upgradescope.ui.timeline;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The colours a canvas view draws with, taken from the theme: one hidden region per role and per
 * mark kind, styled by the stylesheets (looked-up {@code -us-…} colours), read back from their
 * backgrounds. When the theme changes, the regions' backgrounds change and {@code onChange} runs.
 */
public final class TimelinePalette {

    /** Roles of the canvas other than marks. */
    public static final List<String> ROLES = List.of("plot-background", "lane-alt", "lane-line", "lane-label",
            "ruler-text", "grid", "selection", "focus", "density", "hover");

    private final Map<MarkKind, Region> kinds = new EnumMap<>(MarkKind.class);
    private final Map<String, Region> roles = new HashMap<>();

    /** Adds the hidden regions to {@code host} (which must be in the styled scene graph). */
    public TimelinePalette(Pane host, Runnable onChange) {
        for (MarkKind k : MarkKind.values()) {
            kinds.put(k, swatch(host, k.styleClass(), onChange));
        }
        for (String role : ROLES) {
            roles.put(role, swatch(host, "palette-" + role, onChange));
        }
    }

    private static Region swatch(Pane host, String styleClass, Runnable onChange) {
        Region r = new Region();
        r.getStyleClass().addAll("palette-swatch", styleClass);
        r.setManaged(false);
        r.setVisible(false);
        r.backgroundProperty().addListener((obs, was, now) -> onChange.run());
        host.getChildren().add(r);
        return r;
    }

    public Color of(MarkKind k) {
        return colour(kinds.get(k));
    }

    public Color role(String name) {
        return colour(roles.get(name));
    }

    private static Color colour(Region r) {
        Background b = r == null ? null : r.getBackground();
        if (b != null && !b.getFills().isEmpty()) {
            Paint p = b.getFills().get(0).getFill();
            if (p instanceof Color c) {
                return c;
            }
        }
        return Color.GRAY;
    }
}
