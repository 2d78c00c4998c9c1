package io.github.drawnet.viz;

import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.DrawingClass;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.ForwardPass;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The classes of a result of {@code K > 2} classes as the figures show them: each class's name
 * ({@code background}, its colour's name from {@link ColourNames} such as {@code orange}, or the
 * code {@code #rrggbb} of a colour without a name), that code, the colour it is drawn in, the predicted
 * class of each test point, and the class map over the plane with the lines where the most likely
 * class changes. Two-class results never come here: their figures are the notebook's.
 *
 * <p>Immutable and thread-safe.
 */
final class ClassView {

    /** Colours for classes a result does not name (a drawing without colours under a K-class network). */
    private static final int[] SPARE = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2};

    private final List<String> names;
    private final List<String> codes;
    private final List<Color> colours;

    private ClassView(List<String> names, List<String> codes, List<Color> colours) {
        this.names = List.copyOf(names);
        this.codes = List.copyOf(codes);
        this.colours = List.copyOf(colours);
    }

    /** Returns whether {@code r} is a result of more than two classes, drawn by this class's figures. */
    static boolean isMulti(ExperimentResult r) {
        return r.spec().classes() > 2;
    }

    /**
     * Returns the classes of {@code r}: the drawing's, when it names as many as the network tells
     * apart, else the background and spare colours named {@code class k}.
     */
    static ClassView of(ExperimentResult r) {
        return of(r.spec().classes(), r.drawing().classes());
    }

    /** Returns {@code classes} classes, named and coloured by {@code drawn} when it holds that many. */
    static ClassView of(int classes, List<DrawingClass> drawn) {
        List<String> names = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<Color> colours = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            if (drawn.size() == classes) {
                names.add(ColourNames.className(drawn.get(k)));
                codes.add(k == 0 ? "" : drawn.get(k).hex());
                colours.add(Palette.classColour(k, drawn.get(k).rgb()));
            } else {
                names.add(k == 0 ? "background" : "class " + k);
                int spare = SPARE[(k - 1 + SPARE.length) % SPARE.length];
                codes.add(k == 0 ? "" : ColourNames.hex(spare));
                colours.add(Palette.classColour(k, spare));
            }
        }
        return new ClassView(names, codes, colours);
    }

    /** Returns the number of classes. */
    int count() {
        return names.size();
    }

    /** Returns the name of class {@code k}. */
    String name(int k) {
        return names.get(k);
    }

    /**
     * Returns the code ({@code #rrggbb}) of class {@code k}'s colour, for a tooltip or a smaller line
     * beside its name; empty for the background.
     */
    String code(int k) {
        return codes.get(k);
    }

    /** Returns the name of class {@code k} and, after it, its colour's code when the name is not that code. */
    String nameAndCode(int k) {
        return code(k).isEmpty() || code(k).equals(name(k)) ? name(k) : name(k) + " (" + code(k) + ")";
    }

    /** Returns the colour class {@code k} is shown in. */
    Color colour(int k) {
        return colours.get(k);
    }

    /** Returns every class's colour, indexed by class. */
    Color[] colours() {
        return colours.toArray(Color[]::new);
    }

    /** Returns the class of each point of {@code d}. */
    static int[] classes(Dataset d) {
        int[] c = new int[d.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = d.classOf(i);
        }
        return c;
    }

    /**
     * Returns the class predicted at each test point of {@code r}: the most likely of its row of
     * probabilities, the first of equals (the evaluation takes the largest logit, which is the same
     * class unless two probabilities round to the same float).
     */
    static int[] predictedTestClasses(ExperimentResult r) {
        return argmax(r.testPredictions(), r.spec().classes());
    }

    /** Returns the most likely class of each row of {@code k} probabilities, the first of equals. */
    static int[] argmax(float[] rows, int k) {
        int[] out = new int[rows.length / k];
        for (int i = 0; i < out.length; i++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (rows[i * k + j] > rows[i * k + best]) {
                    best = j;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /**
     * Returns the class map of an {@code n × n} grid pass of {@code k} outputs per point (row 0 at the
     * bottom of the plane, as {@link Dataset#grid} orders it) as an image, row 0 at the top: each pixel
     * in its most likely class's colour, paler the less likely ({@link Palette#classMapColour}).
     */
    BufferedImage classMap(float[] probabilities, int n) {
        int k = count();
        BufferedImage image = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        int[] best = argmax(probabilities, k);
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                int i = row * n + col;
                int c = best[i];
                image.setRGB(col, n - 1 - row, Palette.classMapColour(colour(c), probabilities[i * k + c], k).getRGB());
            }
        }
        return image;
    }

    /** Returns the class map of a grid pass ({@link #classMap(float[], int)}). */
    BufferedImage classMap(ForwardPass grid, int n) {
        return classMap(grid.output(), n);
    }

    /**
     * Returns one class's probability over an {@code n × n} grid pass as an image, row 0 at the top,
     * in that class's colour ramp: white where it is 0, its colour where it is 1.
     */
    BufferedImage probabilityMap(float[] probabilities, int n, int klass) {
        int k = count();
        BufferedImage image = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                image.setRGB(col, n - 1 - row, Palette.towards(colour(klass), probabilities[(row * n + col) * k + klass])
                        .getRGB());
            }
        }
        return image;
    }

    /**
     * Returns the segments, in plane coordinates, where the most likely class of an {@code n × n} grid
     * pass of {@code k} outputs per point changes: for each class but the background, the level line
     * where its probability meets the largest of the others' (every border has a class other than the
     * background on one side, so these lines are every border; one between two such classes is drawn
     * by both).
     */
    static List<Line2D> boundaries(float[] probabilities, int n, int k) {
        List<Line2D> out = new ArrayList<>();
        float[] margin = new float[n * n];
        for (int c = 1; c < k; c++) {
            boolean present = false;
            for (int i = 0; i < n * n; i++) {
                float own = probabilities[i * k + c];
                float other = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    if (j != c) {
                        other = Math.max(other, probabilities[i * k + j]);
                    }
                }
                margin[i] = own - other;
                present |= margin[i] >= 0;
            }
            if (present) {
                out.addAll(Contour.segments(margin, n, 0));
            }
        }
        return out;
    }

    /** Returns the share of {@code count} in {@code total} as a percentage with one decimal. */
    static String percent(long count, long total) {
        return total == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * count / total);
    }
}
