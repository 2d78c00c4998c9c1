package io.github.drawnet.viz;

import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.LayerActivations;
import java.util.Locale;

/**
 * "What the hidden layer sees", for the report: the training points placed by the last hidden
 * layer's activations (one or two units directly, more through their two principal components),
 * coloured by class, as an inline SVG. The activations are the result's own, read at each point's
 * nearest cell of the result's grid, so no model is needed.
 *
 * <p>Thread-safe (stateless).
 */
final class HiddenView {

    /** The most training points placed. */
    static final int MOST = 600;
    /** The figure's side, in pixels. */
    static final int SIZE = 320;
    static final String POSITIVE = ColourNames.POSITIVE.hex();
    static final String NEGATIVE = ColourNames.NEGATIVE.hex();

    private HiddenView() {}

    private static String hex(java.awt.Color c) {
        return ColourNames.hex(c.getRGB());
    }

    /** Appends the section's figure to {@code h}; nothing for a network without hidden layers. */
    static void append(StringBuilder h, ExperimentResult r) {
        if (r.spec().hidden().isEmpty() || r.grid().hidden().isEmpty()) {
            return;
        }
        int layer = r.grid().hidden().size();
        LayerActivations last = r.grid().hidden().get(layer - 1);
        int units = last.units();
        Dataset train = r.data().train();
        int n = Math.min(MOST, train.size());
        int g = r.gridResolution();
        float[] values = new float[n * units];
        for (int i = 0; i < n; i++) {
            int col = (int) Math.round(train.x1(i) * (g - 1));
            int row = (int) Math.round(train.x2(i) * (g - 1));
            for (int u = 0; u < units; u++) {
                values[i * units + u] = last.value(row * g + col, u);
            }
        }
        double[][] xy = HiddenProjection.unitScaled(new HiddenProjection().project(values, units));
        h.append("<h3>What the hidden layer sees</h3>\n<figure id=\"hidden-view\"><svg xmlns=\"http://www.w3.org/2000/svg\""
                + " width=\"").append(SIZE).append("\" height=\"").append(SIZE).append("\" viewBox=\"0 0 ").append(SIZE)
                .append(' ').append(SIZE).append("\" role=\"img\" aria-label=\"training points placed by the hidden "
                        + "layer\"><rect x=\"0.5\" y=\"0.5\" width=\"").append(SIZE - 1).append("\" height=\"")
                .append(SIZE - 1).append("\" fill=\"white\" stroke=\"#bbb\"/>\n");
        ClassView classes = ClassView.isMulti(r) ? ClassView.of(r) : null;
        double pad = 8;
        double span = SIZE - 2 * pad;
        for (int i = 0; i < n; i++) {
            h.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.4\" fill=\"%s\"/>", pad + xy[0][i]
                    * span, SIZE - pad - xy[1][i] * span, classes != null ? hex(classes.colour(train.classOf(i)))
                            : train.label(i) >= 0.5 ? POSITIVE : NEGATIVE));
        }
        h.append("\n</svg><figcaption>The first ").append(n).append(" training points placed by ")
                .append(units > 2 ? "the two principal components of the " + units + " units of hidden layer " + layer
                        : units == 2 ? "hidden layer " + layer + "'s unit 1 (across) and unit 2 (up)"
                                : "hidden layer " + layer + "'s one unit (across)")
                .append(classes != null ? ", each in its class's colour (the background grey). Each class's output is"
                        + " one weighted sum of these units, and the most likely class wins: flat cuts through their"
                        + " space. Where the classes come apart in this picture, the network has learned its own"
                        + " representation of the drawing.</figcaption></figure>\n"
                        : ", coloured by class (blue positive, orange negative). The output is one weighted sum of these"
                        + " units, a flat cut through their space: where the classes come apart in this picture, the"
                        + " network has learned its own representation of the drawing.</figcaption></figure>\n");
    }
}
