package io.github.drawnet.viz;

import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The level line of a map on a grid, by marching squares: the segments, in plane coordinates, where
 * the map crosses {@code level} (the 0.5 decision boundary of the output probability).
 */
public final class Contour {

    private Contour() {}

    /**
     * Returns the segments where the {@code n × n} map (point {@code row * n + col} at {@code x1 =
     * col/(n-1)}, {@code x2 = row/(n-1)}) crosses {@code level}. A value equal to the level counts
     * as above it, as {@link io.github.drawnet.api.Evaluation#predictsPositive} counts p = 0.5 positive.
     */
    public static List<Line2D> segments(float[] values, int n, double level) {
        List<Line2D> out = new ArrayList<>();
        double step = 1.0 / (n - 1);
        for (int row = 0; row + 1 < n; row++) {
            for (int col = 0; col + 1 < n; col++) {
                // corners counter-clockwise from bottom-left
                double a = values[row * n + col];
                double b = values[row * n + col + 1];
                double c = values[(row + 1) * n + col + 1];
                double d = values[(row + 1) * n + col];
                double x0 = col * step;
                double y0 = row * step;
                List<double[]> crossings = new ArrayList<>(4);
                edge(crossings, a, b, level, x0, y0, x0 + step, y0);
                edge(crossings, b, c, level, x0 + step, y0, x0 + step, y0 + step);
                edge(crossings, c, d, level, x0 + step, y0 + step, x0, y0 + step);
                edge(crossings, d, a, level, x0, y0 + step, x0, y0);
                if (crossings.size() == 2) {
                    out.add(line(crossings.get(0), crossings.get(1)));
                } else if (crossings.size() == 4) {
                    // a saddle: decide by the centre value which pairs join
                    double centre = (a + b + c + d) / 4;
                    boolean aAbove = a >= level;
                    if ((centre >= level) == aAbove) {
                        out.add(line(crossings.get(0), crossings.get(1)));
                        out.add(line(crossings.get(2), crossings.get(3)));
                    } else {
                        out.add(line(crossings.get(0), crossings.get(3)));
                        out.add(line(crossings.get(1), crossings.get(2)));
                    }
                }
            }
        }
        return out;
    }

    private static void edge(List<double[]> out, double v1, double v2, double level, double x1, double y1, double x2,
            double y2) {
        boolean above1 = v1 >= level;
        boolean above2 = v2 >= level;
        if (above1 != above2) {
            double t = (level - v1) / (v2 - v1);
            out.add(new double[] {x1 + t * (x2 - x1), y1 + t * (y2 - y1)});
        }
    }

    private static Line2D line(double[] p, double[] q) {
        return new Line2D.Double(p[0], p[1], q[0], q[1]);
    }
}
