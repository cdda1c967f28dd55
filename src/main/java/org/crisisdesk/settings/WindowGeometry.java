package org.crisisdesk.settings;

import java.util.Locale;
import java.util.Optional;

/** Where the desk window was and how big: stored as "x,y,width,height[,max]" in {@link DeskPrefs#WINDOW}. */
public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {
    public static final double MIN_WIDTH = 640;
    public static final double MIN_HEIGHT = 400;

    public String format() {
        return String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f%s", x, y, width, height, maximized ? ",max" : "");
    }

    /** The geometry in {@code text}, or empty when it is missing, garbled or too small to be a desk. */
    public static Optional<WindowGeometry> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String[] p = text.strip().split(",");
        if (p.length < 4) {
            return Optional.empty();
        }
        try {
            double x = Double.parseDouble(p[0]);
            double y = Double.parseDouble(p[1]);
            double w = Double.parseDouble(p[2]);
            double h = Double.parseDouble(p[3]);
            if (!Double.isFinite(x) || !Double.isFinite(y) || w < MIN_WIDTH || h < MIN_HEIGHT) {
                return Optional.empty();
            }
            return Optional.of(new WindowGeometry(x, y, w, h, p.length > 4 && "max".equals(p[4].strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * This geometry moved and shrunk so that it fits the screen area {@code (sx, sy, sw, sh)}: a window saved on a
     * second monitor that is gone opens on the main one.
     */
    public WindowGeometry fitInto(double sx, double sy, double sw, double sh) {
        double w = Math.min(width, sw);
        double h = Math.min(height, sh);
        double nx = Math.max(sx, Math.min(x, sx + sw - w));
        double ny = Math.max(sy, Math.min(y, sy + sh - h));
        return new WindowGeometry(nx, ny, w, h, maximized);
    }
}
