package io.github.drawnet.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A map of the unit square drawn straight into an image: a raster in the scheme's orange-white-blue
 * scale ({@link Palette#map}),
 * axes labelled {@code x1} (left to right) and {@code x2} (bottom to top) with ticks, a title, and a
 * colour bar saying which number each colour means.
 */
final class MapPanel {

    /** Something drawn on top of the map, in plane coordinates. */
    interface Overlay {
        void paint(Graphics2D g, Rectangle2D plot);
    }

    private static final int TITLE_SPACE = 24;
    private static final int LEFT = 44;
    private static final int BOTTOM = 40;
    private static final int BAR_GAP = 12;
    private static final int BAR_WIDTH = 14;
    private static final int BAR_LABELS = 62;
    private static final int RIGHT_PAD = 14;

    private MapPanel() {}

    /**
     * Returns an image of an {@code n × n} grid map (row 0 at the bottom of the plane) coloured over
     * [lo, hi], white at the range's middle (0.5 of a probability).
     */
    static BufferedImage gridImage(float[] values, int n, double lo, double hi) {
        return gridImage(values, n, lo, (lo + hi) / 2, hi);
    }

    /**
     * Returns an image of an {@code n × n} grid map (row 0 at the bottom of the plane) coloured over
     * [lo, hi], white at {@code neutral} ({@link Palette#map}).
     */
    static BufferedImage gridImage(float[] values, int n, double lo, double neutral, double hi) {
        BufferedImage image = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                image.setRGB(col, n - 1 - row, Palette.map(values[row * n + col], lo, neutral, hi).getRGB());
            }
        }
        return image;
    }

    /** Returns the colour of each fraction of the way from {@code lo} to {@code hi} of a map white at {@code neutral}. */
    static DoubleFunction<Color> scale(double lo, double neutral, double hi) {
        return t -> Palette.map(lo + t * (hi - lo), lo, neutral, hi);
    }

    /** Returns the square plot area a panel placed in {@code box} will use. */
    static Rectangle2D plotArea(Rectangle2D box, boolean colourBar) {
        return plotArea(box, colourBar ? BAR_GAP + BAR_WIDTH + BAR_LABELS + RIGHT_PAD : 16);
    }

    /** Returns the square plot area of a panel in {@code box} that leaves {@code right} pixels on its right. */
    static Rectangle2D plotArea(Rectangle2D box, double right) {
        double side = Math.min(box.getWidth() - LEFT - right, box.getHeight() - TITLE_SPACE - BOTTOM);
        double x = box.getX() + LEFT + (box.getWidth() - LEFT - right - side) / 2;
        double y = box.getY() + TITLE_SPACE;
        return new Rectangle2D.Double(x, y, side, side);
    }

    /**
     * Draws a map in {@code box} and returns its plot area.
     *
     * @param raster the map, row 0 at the top (as drawn), stretched over the unit square
     * @param colourLabel what the colour means, or null for no colour bar
     */
    static Rectangle2D paint(Graphics2D g, Rectangle2D box, String title, BufferedImage raster, double lo, double hi,
            String colourLabel, Overlay overlay) {
        return paint(g, box, title, raster, lo, hi, colourLabel, scale(lo, (lo + hi) / 2, hi), overlay);
    }

    /** Draws a map ({@link #paint}) whose colour bar is white at {@code neutral}, as its raster is. */
    static Rectangle2D paint(Graphics2D g, Rectangle2D box, String title, BufferedImage raster, double lo,
            double neutral, double hi, String colourLabel, Overlay overlay) {
        return paint(g, box, title, raster, lo, hi, colourLabel, scale(lo, neutral, hi), overlay);
    }

    /**
     * Draws a map in {@code box} whose colour bar runs through {@code scale} (a class's ramp, say)
     * and returns its plot area.
     *
     * @param scale the colour of each fraction in [0, 1] of the way from {@code lo} to {@code hi}
     */
    static Rectangle2D paint(Graphics2D g, Rectangle2D box, String title, BufferedImage raster, double lo, double hi,
            String colourLabel, DoubleFunction<Color> scale, Overlay overlay) {
        Rectangle2D plot = plotArea(box, colourLabel != null);
        paintIn(g, box, plot, title, raster, overlay);
        if (colourLabel != null) {
            colourBar(g, plot, lo, hi, colourLabel, scale);
        }
        return plot;
    }

    /** Draws a map with a title and axes, without colour bar, in {@code plot} of {@code box}. */
    static void paintIn(Graphics2D g, Rectangle2D box, Rectangle2D plot, String title, BufferedImage raster,
            Overlay overlay) {
        Graphics2D gg = (Graphics2D) g.create();
        try {
            gg.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            gg.drawImage(raster, (int) Math.round(plot.getX()), (int) Math.round(plot.getY()),
                    (int) Math.round(plot.getWidth()), (int) Math.round(plot.getHeight()), null);
            if (overlay != null) {
                // restore the clip explicitly: VectorGraphics2D (the SVG writer) does not undo a copy's clip on
                // dispose, so the axes drawn next would be clipped to the plot and vanish from the SVG
                java.awt.Shape before = gg.getClip();
                gg.clip(plot);
                overlay.paint(gg, plot);
                gg.setClip(before);
            }
        } finally {
            gg.dispose();
        }
        axes(g, plot);
        g.setColor(Palette.INK);
        g.setFont(Palette.TITLE.deriveFont(13f));
        centred(g, title, plot.getCenterX(), box.getY() + 16);
    }

    /**
     * Draws a legend of coloured squares at {@code (x, y)} (the first line's top): for each entry its
     * colour and its lines of text, the first in the axis font, the rest smaller.
     */
    static void legend(Graphics2D g, double x, double y, java.util.List<Color> colours,
            java.util.List<java.util.List<String>> lines) {
        legend(g, x, y, colours, lines, Palette.AXIS);
    }

    /** Draws a legend ({@link #legend}) whose first lines are in {@code font}. */
    static void legend(Graphics2D g, double x, double y, java.util.List<Color> colours,
            java.util.List<java.util.List<String>> lines, java.awt.Font font) {
        double top = y;
        for (int i = 0; i < colours.size(); i++) {
            Rectangle2D swatch = new Rectangle2D.Double(x, top + 2, 14, 14);
            g.setColor(colours.get(i));
            g.fill(swatch);
            g.setColor(Palette.INK);
            g.setStroke(new BasicStroke(1f));
            g.draw(swatch);
            java.util.List<String> text = lines.get(i);
            g.setFont(font);
            g.drawString(text.get(0), (float) (x + 20), (float) (top + 14));
            top += 19;
            g.setFont(Palette.TICK);
            for (int l = 1; l < text.size(); l++) {
                g.drawString(text.get(l), (float) (x + 20), (float) (top + 10));
                top += 14;
            }
            top += 6;
        }
    }

    static void axes(Graphics2D g, Rectangle2D plot) {
        g.setColor(Palette.INK);
        g.setStroke(new BasicStroke(1f));
        g.draw(plot);
        g.setFont(Palette.TICK);
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i <= 4; i++) {
            double t = i / 4.0;
            String label = tick(t);
            double x = plot.getX() + t * plot.getWidth();
            double y = plot.getMaxY() - t * plot.getHeight();
            g.draw(new java.awt.geom.Line2D.Double(x, plot.getMaxY(), x, plot.getMaxY() + 4));
            centred(g, label, x, plot.getMaxY() + 6 + fm.getAscent());
            g.draw(new java.awt.geom.Line2D.Double(plot.getX() - 4, y, plot.getX(), y));
            g.drawString(label, (float) (plot.getX() - 6 - fm.stringWidth(label)), (float) (y + fm.getAscent() / 2.0 - 1));
        }
        g.setFont(Palette.AXIS);
        centred(g, "x1", plot.getCenterX(), plot.getMaxY() + 34);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2, plot.getX() - 34, plot.getCenterY());
        centred(g, "x2", plot.getX() - 34, plot.getCenterY() + 4);
        g.setTransform(saved);
    }

    private static void colourBar(Graphics2D g, Rectangle2D plot, double lo, double hi, String label) {
        colourBar(g, plot, lo, hi, label, scale(lo, (lo + hi) / 2, hi));
    }

    private static void colourBar(Graphics2D g, Rectangle2D plot, double lo, double hi, String label,
            DoubleFunction<Color> scale) {
        double x = plot.getMaxX() + BAR_GAP;
        int steps = 64;
        double h = plot.getHeight();
        for (int i = 0; i < steps; i++) {
            double t0 = i / (double) steps;
            g.setColor(scale.apply((i + 0.5) / steps));
            g.fill(new Rectangle2D.Double(x, plot.getMaxY() - (t0 + 1.0 / steps) * h, BAR_WIDTH, h / steps + 0.6));
        }
        g.setColor(Palette.INK);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(x, plot.getY(), BAR_WIDTH, h));
        g.setFont(Palette.TICK);
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i <= 2; i++) {
            double t = i / 2.0;
            double y = plot.getMaxY() - t * h;
            g.draw(new java.awt.geom.Line2D.Double(x + BAR_WIDTH, y, x + BAR_WIDTH + 3, y));
            g.drawString(number(lo + t * (hi - lo)), (float) (x + BAR_WIDTH + 5), (float) (y + fm.getAscent() / 2.0 - 1));
        }
        AffineTransform saved = g.getTransform();
        double lx = x + BAR_WIDTH + BAR_LABELS - 6;
        g.rotate(Math.PI / 2, lx, plot.getCenterY());
        centred(g, label, lx, plot.getCenterY());
        g.setTransform(saved);
    }

    /** Draws only a colour bar, for figures whose maps share one scale. */
    static void colourBarOnly(Graphics2D g, Rectangle2D box, double lo, double hi, String label) {
        Rectangle2D plot = new Rectangle2D.Double(box.getX() - BAR_GAP, box.getY() + TITLE_SPACE, 0,
                box.getHeight() - TITLE_SPACE - BOTTOM);
        colourBar(g, plot, lo, hi, label);
    }

    static String tick(double t) {
        return t == 0 ? "0" : t == 1 ? "1" : String.format(Locale.ROOT, "%.2f", t).replaceAll("0+$", "");
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        double a = Math.abs(v);
        return a >= 100 || a < 0.01 ? String.format(Locale.ROOT, "%.2g", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static void centred(Graphics2D g, String text, double cx, double baseline) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (float) (cx - fm.stringWidth(text) / 2.0), (float) baseline);
    }

    /** Maps a plane point to the plot's pixels. */
    static double px(Rectangle2D plot, double x1) {
        return plot.getX() + x1 * plot.getWidth();
    }

    /** Maps a plane point to the plot's pixels. */
    static double py(Rectangle2D plot, double x2) {
        return plot.getMaxY() - x2 * plot.getHeight();
    }
}
