package io.github.drawnet.viz;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Map;
import java.util.Objects;

/**
 * One figure, drawn once with {@link Graphics2D} and written both as PNG and as SVG by {@link
 * FigureWriter}.
 *
 * @param name the file name without extension, for example {@code hidden-units}
 * @param title what the figure shows, for the report
 * @param width the width in pixels
 * @param height the height in pixels
 * @param painter draws the figure on a canvas of that size
 * @param panels the plot area of each map panel by name (for example {@code output}), in figure
 *     pixels, where {@code (x1, x2) = (0, 1)} is the top-left corner: lets a test look at what a
 *     map shows at a point of the plane
 */
public record Figure(String name, String title, int width, int height, Painter painter,
        Map<String, Rectangle2D> panels) {

    /** Draws a figure. */
    @FunctionalInterface
    public interface Painter {
        /** Draws on {@code g}, a canvas of the figure's size with a white background already. */
        void paint(Graphics2D g);
    }

    /** Validates the figure. */
    public Figure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(painter, "painter");
        panels = Map.copyOf(panels);
    }

    /** Returns the pixel of the point {@code (x1, x2)} in panel {@code panel}. */
    public java.awt.geom.Point2D pixel(String panel, double x1, double x2) {
        Rectangle2D r = panels.get(panel);
        if (r == null) {
            throw new IllegalArgumentException("figure " + name + " has no panel '" + panel + "'; it has " + panels.keySet());
        }
        return new java.awt.geom.Point2D.Double(r.getX() + x1 * r.getWidth(), r.getY() + (1 - x2) * r.getHeight());
    }
}
