package io.github.drawnet.viz;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.DrawingClass;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Small figures for live views (the drawing studio): bare maps in the shared colour scheme, and the
 * network diagram with its current weights, cheap enough to redraw several times a second.
 */
public final class LiveFigures {

    private LiveFigures() {}

    /**
     * Returns an {@code n × n} grid map (row 0 at the bottom of the plane) as a PNG of {@code n ×
     * n} pixels coloured over {@code [lo, hi]}, white at the range's middle (0.5 of a probability).
     */
    public static byte[] mapPng(float[] values, int n, double lo, double hi) {
        return mapPng(values, n, lo, (lo + hi) / 2, hi);
    }

    /**
     * Returns an {@code n × n} grid map (row 0 at the bottom of the plane) as a PNG of {@code n ×
     * n} pixels coloured over {@code [lo, hi]} in the scheme's orange, white and blue ({@link
     * Palette#map}): white at {@code neutral}, orange below it, blue above it.
     */
    public static byte[] mapPng(float[] values, int n, double lo, double neutral, double hi) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(MapPanel.gridImage(values, n, lo, neutral, hi), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Returns the class map of an {@code n × n} grid pass of {@code K > 2} classes (row 0 at the bottom
     * of the plane; each point's row of {@code K} probabilities, as {@link
     * io.github.drawnet.api.ForwardPass#output()} holds them) as a PNG of {@code n × n} pixels: each
     * pixel in its most likely class's colour, white where no class is likelier than chance.
     *
     * @param classes the classes, the background first, as {@link io.github.drawnet.api.Drawing#classes()}
     *     gives them; empty for numbered classes in spare colours
     * @throws IllegalArgumentException when the probabilities are not {@code n × n} rows of {@code
     *     classes.size()} (or of 3 to 8, when no classes are given)
     */
    public static byte[] classMapPng(float[] probabilities, int n, List<DrawingClass> classes) {
        int k = classes.isEmpty() ? probabilities.length / Math.max(1, n * n) : classes.size();
        if (k < 3 || k > NetworkSpec.MAX_CLASSES || probabilities.length != n * n * k) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a class map of a %d x %d grid needs %d x %d"
                    + " rows of 3 to %d class probabilities%s, got %d values", n, n, n, n, NetworkSpec.MAX_CLASSES,
                    classes.isEmpty() ? "" : " (here " + classes.size() + ")", probabilities.length));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(ClassView.of(k, classes).classMap(probabilities, n), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Returns the network diagram with the given weights on its edges; for a network of more than two
     * classes each output unit in its class's colour and named by it.
     *
     * @param classes the drawing's classes, the background first; empty for numbered classes
     */
    public static Figure network(NetworkSpec spec, Parameters parameters, List<DrawingClass> classes) {
        return network(spec, parameters, spec.isBinary() ? null : ClassView.of(spec.classes(), classes));
    }

    /** Returns the range a hidden unit's map of this activation is coloured over. */
    public static double[] range(Activation activation, float[] values) {
        return NotebookVisualizer.range(activation, values);
    }

    /** Returns the network diagram with the given weights on its edges. */
    public static Figure network(NetworkSpec spec, Parameters parameters) {
        return network(spec, parameters, (ClassView) null);
    }

    private static Figure network(NetworkSpec spec, Parameters parameters, ClassView classes) {
        int columns = spec.layerWidths().size();
        int tallest = spec.layerWidths().stream().mapToInt(Integer::intValue).max().orElse(1) + 1;
        int width = Math.max(620, 200 * columns);
        int height = Math.max(380, Math.min(1200, 56 * tallest + 110));
        NetworkDiagram diagram = new NetworkDiagram(spec, parameters, width, height, classes);
        StringBuilder shape = new StringBuilder();
        for (int w : spec.layerWidths()) {
            shape.append(shape.length() == 0 ? "" : "-").append(w);
        }
        String title = String.format(Locale.ROOT, "Network %s (%d weights and biases)", shape, spec.parameterCount());
        return new Figure("network", title, width, height, g -> diagram.paint(g, title), Map.of());
    }
}
