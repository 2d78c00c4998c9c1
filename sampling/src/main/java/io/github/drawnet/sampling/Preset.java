package io.github.drawnet.sampling;

import io.github.drawnet.api.internal.Checks;
import io.github.drawnet.api.Drawing;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;

/**
 * The built-in drawings, painted in code the way the notebook's canvas paints: opaque ink,
 * anti-aliased, on a transparent 256 × 256 background. The two-class ones are in black; the first
 * four match the drawings the notebook's reference figures were measured on ({@code
 * ../shared/anchor/drawings}). The last ones are in several colours, each colour a class ({@link
 * DrawingReader} reads them so).
 */
public enum Preset {
    /** Two overlapping ellipses; the default drawing. */
    BLOB("blob", "two overlapping ellipses"),
    /** An annulus centred on the canvas: not learnable by a linear boundary. */
    RING("ring", "an annulus centred on the canvas"),
    /** The top-left and bottom-right quadrants. */
    XOR("xor", "two opposite quadrants"),
    /** Everything above one slanted straight line. */
    HALF_PLANE("halfplane", "one straight boundary"),
    /** A thick spiral arm of two turns: hard for few hidden units. */
    SPIRAL("spiral", "a thick spiral arm"),
    /** A crescent, one of scikit-learn's two moons. */
    MOONS("moons", "a crescent (one of two moons)"),
    /** Three overlapping ellipses in three colours: four classes with the background. */
    THREE_BLOBS("three-blobs", "three coloured blobs (4 classes)"),
    /** A disc cut by two straight lines into four coloured quarters: five classes with the background. */
    QUADRANTS("quadrants", "a disc in four coloured quarters (5 classes)");

    /** The preset used when no drawing is given. */
    public static final Preset DEFAULT = BLOB;
    /** The side of the canvas, as in the notebook. */
    public static final int SIZE = 256;

    private final String id;
    private final String description;

    Preset(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** Returns the name used on the command line, for example {@code halfplane}. */
    public String id() {
        return id;
    }

    /** Returns a short description for people. */
    public String description() {
        return description;
    }

    /**
     * Returns the preset as a 256 × 256 ARGB image: black ink (colours, for the presets of more
     * classes) on a transparent background.
     */
    public BufferedImage image() {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.BLACK);
            painter().accept(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Returns the preset as a drawing named by its id. */
    public Drawing drawing() {
        return DrawingReader.fromImage(image(), id);
    }

    /**
     * Returns what paints this preset on a graphics context set up by {@link #image()}. A function
     * rather than a shape, so that each preset keeps its own painting calls (filled areas, or a
     * stroked path for the spiral).
     */
    private Consumer<Graphics2D> painter() {
        return switch (this) {
            case BLOB -> g -> {
                Area a = new Area(new Ellipse2D.Double(40, 60, 110, 130));
                a.add(new Area(new Ellipse2D.Double(120, 30, 100, 100)));
                g.fill(a);
            };
            case RING -> g -> {
                Area a = new Area(new Ellipse2D.Double(48, 48, 160, 160));
                a.subtract(new Area(new Ellipse2D.Double(88, 88, 80, 80)));
                g.fill(a);
            };
            case XOR -> g -> {
                g.fill(new Rectangle2D.Double(0, 0, 128, 128));
                g.fill(new Rectangle2D.Double(128, 128, 128, 128));
            };
            case HALF_PLANE -> g -> {
                Path2D p = new Path2D.Double();
                p.moveTo(0, 0);
                p.lineTo(SIZE, 0);
                p.lineTo(SIZE, 90);
                p.lineTo(0, 170);
                p.closePath();
                g.fill(p);
            };
            case SPIRAL -> g -> {
                Path2D p = new Path2D.Double();
                for (int i = 0; i <= 400; i++) {
                    double t = i / 400.0 * 4 * Math.PI;
                    double r = 8 + 105 * t / (4 * Math.PI);
                    double x = 128 + r * StrictMath.cos(t);
                    double y = 128 - r * StrictMath.sin(t);
                    if (i == 0) {
                        p.moveTo(x, y);
                    } else {
                        p.lineTo(x, y);
                    }
                }
                g.setStroke(new BasicStroke(20f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(p);
            };
            case MOONS -> g -> {
                Area a = new Area(new Ellipse2D.Double(30, 50, 150, 150));
                a.subtract(new Area(new Ellipse2D.Double(60, 80, 90, 90)));
                a.subtract(new Area(new Rectangle2D.Double(0, 125, SIZE, SIZE)));
                g.fill(a);
            };
            case THREE_BLOBS -> g -> {
                // Okabe-Ito colours, told apart with colour blindness too; each blob overlaps the one before
                g.setColor(new Color(0xd55e00));
                g.fill(new Ellipse2D.Double(22, 30, 130, 112));
                g.setColor(new Color(0x0072b2));
                g.fill(new Ellipse2D.Double(126, 40, 106, 122));
                g.setColor(new Color(0x009e73));
                g.fill(new Ellipse2D.Double(58, 136, 124, 92));
            };
            case QUADRANTS -> g -> {
                // the cut is off the centre, so that the quarters differ in area and their order is clear
                Ellipse2D disc = new Ellipse2D.Double(20, 20, 216, 216);
                int[] colours = {0xe69f00, 0x56b4e9, 0x009e73, 0xcc79a7};
                Rectangle2D[] quarters = {new Rectangle2D.Double(0, 0, 140, 112),
                    new Rectangle2D.Double(140, 0, SIZE - 140, 112), new Rectangle2D.Double(140, 112, SIZE - 140, SIZE - 112),
                    new Rectangle2D.Double(0, 112, 140, SIZE - 112)};
                for (int i = 0; i < quarters.length; i++) {
                    Area a = new Area(disc);
                    a.intersect(new Area(quarters[i]));
                    g.setColor(new Color(colours[i]));
                    g.fill(a);
                }
            };
        };
    }

    /**
     * Returns the preset named {@code name} (case-insensitive; {@code half-plane} is also accepted).
     *
     * @throws IllegalArgumentException listing the valid names when there is none
     */
    public static Preset fromId(String name) {
        if (name != null && name.strip().replace("-", "").replace("_", "").equalsIgnoreCase(HALF_PLANE.id)) {
            return HALF_PLANE;
        }
        return Checks.parseName("preset", name, Preset.class, Preset::id);
    }

    @Override
    public String toString() {
        return id;
    }
}
