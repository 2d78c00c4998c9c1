package io.github.drawnet.api;

import io.github.drawnet.api.internal.Checks;

import java.util.List;

/**
 * An input feature of the network, computed in Java from the point's coordinates before the network
 * sees it, so that every backend receives exactly the same numbers.
 *
 * <p>The notebook feeds the raw coordinates {@code x1, x2} in [0, 1]. The other features are the
 * transforms TensorFlow Playground offers, defined on coordinates centred on the canvas, {@code u = 2
 * x1 - 1} and {@code v = 2 x2 - 1}, both in [-1, 1], so that they are useful for drawings centred on
 * the canvas:
 *
 * <table>
 *   <caption>Feature definitions</caption>
 *   <tr><th>id</th><th>value</th><th>range</th></tr>
 *   <tr><td>{@code x1}</td><td>{@code x1}</td><td>[0, 1]</td></tr>
 *   <tr><td>{@code x2}</td><td>{@code x2}</td><td>[0, 1]</td></tr>
 *   <tr><td>{@code x1sq}</td><td>{@code u²}</td><td>[0, 1]</td></tr>
 *   <tr><td>{@code x2sq}</td><td>{@code v²}</td><td>[0, 1]</td></tr>
 *   <tr><td>{@code x1x2}</td><td>{@code u·v}</td><td>[-1, 1]</td></tr>
 *   <tr><td>{@code sinx1}</td><td>{@code sin(π u)}</td><td>[-1, 1]</td></tr>
 *   <tr><td>{@code sinx2}</td><td>{@code sin(π v)}</td><td>[-1, 1]</td></tr>
 * </table>
 *
 * <p>With {@code x1sq, x2sq} a centred ring is linearly separable ({@code u² + v² = r²} is a line in
 * those features), with {@code x1x2} the xor drawing is: the notebook's opening point, that one can
 * supply a non-linear representation oneself, or let the hidden layer learn one.
 */
public enum Feature {
    /** The horizontal coordinate, left to right, in [0, 1]. */
    X1("x1", "x1"),
    /** The vertical coordinate, bottom to top, in [0, 1]. */
    X2("x2", "x2"),
    /** The square of the centred horizontal coordinate. */
    X1_SQUARED("x1sq", "x1²"),
    /** The square of the centred vertical coordinate. */
    X2_SQUARED("x2sq", "x2²"),
    /** The product of the centred coordinates. */
    X1_TIMES_X2("x1x2", "x1·x2"),
    /** The sine of π times the centred horizontal coordinate. */
    SIN_X1("sinx1", "sin(x1)"),
    /** The sine of π times the centred vertical coordinate. */
    SIN_X2("sinx2", "sin(x2)");

    /** The notebook's inputs: the raw coordinates. */
    public static final List<Feature> NOTEBOOK = List.of(X1, X2);

    private final String id;
    private final String label;

    Feature(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** Returns the name used on the command line and in saved files, for example {@code x1sq}. */
    public String id() {
        return id;
    }

    /** Returns the name shown in figures, for example {@code x1²}. */
    public String label() {
        return label;
    }

    /** Returns this feature's value at the point {@code (x1, x2)}; see the class comment. */
    public double apply(double x1, double x2) {
        double u = 2 * x1 - 1;
        double v = 2 * x2 - 1;
        return switch (this) {
            case X1 -> x1;
            case X2 -> x2;
            case X1_SQUARED -> u * u;
            case X2_SQUARED -> v * v;
            case X1_TIMES_X2 -> u * v;
            case SIN_X1 -> StrictMath.sin(Math.PI * u);
            case SIN_X2 -> StrictMath.sin(Math.PI * v);
        };
    }

    /**
     * Returns the features of many points as one row-major {@code float} matrix of {@code
     * x1.length} rows and {@code features.size()} columns, the layout every engine takes as input.
     */
    public static float[] matrix(List<Feature> features, double[] x1, double[] x2) {
        Checks.argument(x1.length == x2.length, "x1 and x2 must have the same length, got %d and %d",
                x1.length, x2.length);
        int f = features.size();
        Feature[] fs = features.toArray(new Feature[0]);
        float[] out = new float[x1.length * f];
        for (int i = 0; i < x1.length; i++) {
            for (int j = 0; j < f; j++) {
                out[i * f + j] = (float) fs[j].apply(x1[i], x2[i]);
            }
        }
        return out;
    }

    /**
     * Returns the feature named {@code name}, by id ({@code x1sq}) or label ({@code x1²}),
     * case-insensitive.
     *
     * @throws IllegalArgumentException listing the valid names when there is none
     */
    public static Feature fromId(String name) {
        String wanted = name == null ? "" : name.strip();
        for (Feature f : values()) {
            if (f.label.equalsIgnoreCase(wanted)) {
                return f;
            }
        }
        return Checks.parseName("feature", name, Feature.class, Feature::id);
    }

    @Override
    public String toString() {
        return id;
    }
}
