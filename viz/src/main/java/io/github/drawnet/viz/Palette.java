package io.github.drawnet.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;

/**
 * The one colour scheme of every figure, the studio's: TensorFlow Playground's orange and blue. A
 * map (a hidden unit's response, the output, the drawing) runs from orange below its neutral value
 * through white at it to blue above it ({@link #map}): a probability is white at 0.5, where the
 * network is undecided, and a weight or a tanh unit at 0. Class 1 of a two-class run is blue and
 * class 0 orange, on the maps, the points and the weights' edges alike; the colours' names live in
 * {@link ColourNames}. The orange is lighter than the blue (luminance 0.64 against 0.37), so the
 * classes still differ in greyscale; where hue alone would carry meaning (the sign of a weight, a
 * misclassified point) a second cue carries it too: dashes for negative weights, crosses for mistakes.
 * Counts and shares (a confusion matrix's cells, a sweep's curves) keep a sequential blue scale
 * ({@link #sequential}), light to dark.
 */
public final class Palette {

    /** ColorBrewer "Blues", 9 classes: lightness decreases monotonically. */
    private static final Color[] SEQUENTIAL = {
        new Color(0xf7fbff), new Color(0xdeebf7), new Color(0xc6dbef), new Color(0x9ecae1), new Color(0x6baed6),
        new Color(0x4292c6), new Color(0x2171b5), new Color(0x08519c), new Color(0x08306b)
    };

    /** Positive weights and values above a map's neutral value: blue ({@link ColourNames#POSITIVE}). */
    public static final Color WEIGHT_POSITIVE = new Color(ColourNames.POSITIVE.rgb());
    /** Negative weights and values below a map's neutral value: orange ({@link ColourNames#NEGATIVE}), dashed on edges. */
    public static final Color WEIGHT_NEGATIVE = new Color(ColourNames.NEGATIVE.rgb());
    /** Points of the positive class (label 1): the scheme's blue. */
    public static final Color POSITIVE = WEIGHT_POSITIVE;
    /** Points of the negative class (label 0): the scheme's orange. */
    public static final Color NEGATIVE = WEIGHT_NEGATIVE;
    /** A map's neutral value (0.5 of a probability, 0 of a weight): white. */
    public static final Color NEUTRAL = Color.WHITE;
    /** Training curves. */
    public static final Color TRAIN = new Color(0x08519c);
    /** Validation curves. */
    public static final Color VALIDATION = new Color(0xd95f02);
    /** Misclassified points: red crosses. */
    public static final Color MISTAKE = new Color(0xe31a1c);
    /** The 0.5 contour of the output. */
    public static final Color BOUNDARY = new Color(0xe31a1c);
    /** Axes, ticks and text. */
    public static final Color INK = new Color(0x222222);
    /** Node fill of the network diagram. */
    public static final Color NODE = new Color(0xfde0c5);
    /** Bias node fill of the network diagram. */
    public static final Color BIAS_NODE = new Color(0xe0e0e0);

    /**
     * The background class (class 0) of a drawing in colours, wherever a class is shown by its
     * colour: its own colour is white, which would vanish on the white page.
     */
    public static final Color CLASS_BACKGROUND = new Color(0xc4c4c4);
    /** The lines where the most likely class changes, and the marks of mistakes, on a class map. */
    public static final Color CLASS_BOUNDARY = new Color(0x111111);

    /** Title font. */
    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    /** Axis title font. */
    public static final Font AXIS = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    /** Tick label font. */
    public static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private Palette() {}

    /** Returns the colour of {@code t} in [0, 1] on the sequential scale (clamped; NaN is grey). */
    public static Color sequential(double t) {
        if (Double.isNaN(t)) {
            return Color.GRAY;
        }
        double x = Math.max(0, Math.min(1, t)) * (SEQUENTIAL.length - 1);
        int i = (int) Math.floor(x);
        if (i >= SEQUENTIAL.length - 1) {
            return SEQUENTIAL[SEQUENTIAL.length - 1];
        }
        double f = x - i;
        Color a = SEQUENTIAL[i];
        Color b = SEQUENTIAL[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /**
     * Returns the colour of {@code t} in [0, 1] on the scheme's diverging scale: 0 the negative end
     * (orange), 0.5 white, 1 the positive end (blue), each half a straight mix (clamped; NaN is grey).
     */
    public static Color diverging(double t) {
        if (Double.isNaN(t)) {
            return Color.GRAY;
        }
        double x = Math.max(0, Math.min(1, t));
        return x >= 0.5 ? towards(WEIGHT_POSITIVE, 2 * x - 1) : towards(WEIGHT_NEGATIVE, 1 - 2 * x);
    }

    /**
     * Returns the colour of value {@code v} of a map coloured over {@code [lo, hi]} around {@code
     * neutral}: white at the neutral value, deeper orange below it and deeper blue above it, the full
     * colour at the range's end farther from the neutral value, so the same distance from it is the
     * same depth on either side (a rectifier's map, neutral 0 = lo, is white to blue). NaN is grey.
     *
     * @param neutral where the map is white: 0.5 for a probability or a sigmoid, 0 for a weight or
     *     other activations
     */
    public static Color map(double v, double lo, double neutral, double hi) {
        if (Double.isNaN(v)) {
            return Color.GRAY;
        }
        double reach = Math.max(hi - neutral, neutral - lo);
        if (!(reach > 0) || !Double.isFinite(reach)) {
            return v > neutral ? WEIGHT_POSITIVE : v < neutral ? WEIGHT_NEGATIVE : NEUTRAL;
        }
        return diverging(0.5 + 0.5 * (v - neutral) / reach);
    }

    /**
     * Returns the stroke of a weight's edge: width grows with |w| relative to the largest, dashed if
     * negative. A weight that is NaN or infinite (a diverged run's), or a layer whose largest is, gets
     * a thin dotted line.
     */
    public static Stroke weightStroke(double w, double maxAbs) {
        if (!Double.isFinite(w) || !Double.isFinite(maxAbs)) {
            return new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {1.5f, 2.5f}, 0f);
        }
        float width = (float) (0.6 + 5.4 * (maxAbs == 0 ? 0 : Math.abs(w) / maxAbs));
        if (w >= 0) {
            return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {Math.max(4f, 2.5f * width), Math.max(3f, 1.5f * width)}, 0f);
    }

    /**
     * Returns the colour a class is shown in: its own, but {@link #CLASS_BACKGROUND} for the
     * background (class 0).
     *
     * @param k the class, 0 the background
     * @param rgb the class's colour, {@code 0xRRGGBB}
     */
    public static Color classColour(int k, int rgb) {
        return k == 0 ? CLASS_BACKGROUND : new Color(rgb & 0xFFFFFF);
    }

    /**
     * Returns the colour {@code t} of the way from white to {@code c} (clamped to [0, 1]; NaN is
     * grey): a class's colour ramp, white where the class is unlikely.
     */
    public static Color towards(Color c, double t) {
        if (Double.isNaN(t)) {
            return Color.GRAY;
        }
        double f = Math.max(0, Math.min(1, t));
        return new Color((int) Math.round(255 + f * (c.getRed() - 255)), (int) Math.round(255 + f * (c.getGreen() - 255)),
                (int) Math.round(255 + f * (c.getBlue() - 255)));
    }

    /**
     * Returns the colour of a class-map pixel: the most likely class's colour, from white where the
     * class is no likelier than chance ({@code p = 1/K}) to the full colour where it is certain
     * ({@code p = 1}), so sure regions are saturated and the margins between classes pale.
     *
     * @param c the most likely class's colour
     * @param p its probability
     * @param classes the number of classes K
     */
    public static Color classMapColour(Color c, double p, int classes) {
        double chance = 1.0 / classes;
        return towards(c, (p - chance) / (1 - chance));
    }

    /** Returns the relative luminance (0 black, 1 white) of a colour, as a greyscale print shows it. */
    public static double luminance(Color c) {
        return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255.0;
    }
}
