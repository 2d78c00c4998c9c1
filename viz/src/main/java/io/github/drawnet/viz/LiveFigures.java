package io.github.drawnet.viz;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Small figures for live views (the drawing studio): bare maps in the shared colour scale, and the
 * network diagram with its current weights, cheap enough to redraw several times a second.
 */
public final class LiveFigures {

    private LiveFigures() {}

    /**
     * Returns an {@code n × n} grid map (row 0 at the bottom of the plane) as a PNG of {@code n ×
     * n} pixels coloured over {@code [lo, hi]}.
     */
    public static byte[] mapPng(float[] values, int n, double lo, double hi) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(MapPanel.gridImage(values, n, lo, hi), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Returns the range a hidden unit's map of this activation is coloured over. */
    public static double[] range(Activation activation, float[] values) {
        return NotebookVisualizer.range(activation, values);
    }

    /** Returns the network diagram with the given weights on its edges. */
    public static Figure network(NetworkSpec spec, Parameters parameters) {
        int columns = spec.layerWidths().size();
        int tallest = spec.layerWidths().stream().mapToInt(Integer::intValue).max().orElse(1) + 1;
        int width = Math.max(620, 200 * columns);
        int height = Math.max(380, Math.min(1200, 56 * tallest + 110));
        NetworkDiagram diagram = new NetworkDiagram(spec, parameters, width, height);
        StringBuilder shape = new StringBuilder();
        for (int w : spec.layerWidths()) {
            shape.append(shape.length() == 0 ? "" : "-").append(w);
        }
        String title = String.format(Locale.ROOT, "Network %s (%d weights and biases)", shape, spec.parameterCount());
        return new Figure("network", title, width, height, g -> diagram.paint(g, title), Map.of());
    }
}
