package io.github.drawnet.viz;

import io.github.drawnet.api.ConfusionMatrix;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.Evaluation;
import io.github.drawnet.api.ExperimentResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * The figures of a result of {@code K > 2} classes, each class in its colour ({@link ClassView}):
 * the drawing, the training, validation and test points, the test predictions beside the truth, the
 * class map (each point of the plane in its most likely class's colour, paler the less sure, the
 * borders between classes drawn, the test points and the mistakes on top), one probability map per
 * class, and the confusion matrix. Two-class results keep the notebook's figures.
 *
 * <p>Thread-safe (stateless).
 */
final class ClassFigures {

    /** The width of the legend beside a map: room for a class's code, pixels and share on its second line. */
    private static final int LEGEND = 230;
    /** The size of each scatter of the data figure: the legend on the right leaves the plot about square. */
    private static final int DATA_W = 580;
    private static final int DATA_H = 470;
    /** The size of each scatter of the test-predictions figure. */
    private static final int TEST_W = 640;
    private static final int TEST_H = 540;

    private ClassFigures() {}

    /** Returns the drawing in its class colours, with a legend of each class's share of the pixels. */
    static Figure drawing(ExperimentResult r) {
        Drawing d = r.drawing();
        ClassView v = ClassView.of(r);
        BufferedImage raster = new BufferedImage(d.width(), d.height(), BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < d.height(); row++) {
            for (int col = 0; col < d.width(); col++) {
                int k = d.classOf(col, row);
                raster.setRGB(col, row, v.colour(Math.min(k, v.count() - 1)).getRGB());
            }
        }
        long[] pixels = d.classPixels();
        long total = (long) d.width() * d.height();
        List<Color> colours = new ArrayList<>();
        List<List<String>> lines = new ArrayList<>();
        for (int k = 0; k < v.count(); k++) {
            long n = k < pixels.length ? pixels[k] : 0;
            colours.add(v.colour(k));
            lines.add(List.of(v.name(k), String.format(Locale.ROOT, "%s%d px, %s", codePrefix(v, k), n,
                    ClassView.percent(n, total))));
        }
        Rectangle2D box = new Rectangle2D.Double(0, 0, 700, 470);
        Rectangle2D plot = MapPanel.plotArea(box, LEGEND);
        String title = String.format(Locale.ROOT, "Drawing '%s' (%d x %d): %d classes", d.name(), d.width(),
                d.height(), v.count());
        return new Figure("drawing", "The drawing: each class in its colour", 700, 470, g -> {
            MapPanel.paintIn(g, box, plot, title, raster, null);
            MapPanel.legend(g, plot.getMaxX() + 16, plot.getY(), colours, lines);
        }, Map.of("drawing", plot));
    }

    /** Returns the training, validation and test points side by side, each in its class's colour. */
    static Figure data(ExperimentResult r) {
        List<XYChart> charts = dataCharts(r);
        return new Figure("training-data", "Training, validation and test data, coloured by class", 3 * DATA_W, DATA_H,
                g -> {
            for (int i = 0; i < charts.size(); i++) {
                Charts.paintAt(g, charts.get(i), DATA_W * i, 0);
            }
        }, Map.of());
    }

    /** Returns the scatters of the data figure: training, validation, test. */
    static List<XYChart> dataCharts(ExperimentResult r) {
        ClassView v = ClassView.of(r);
        Dataset[] sets = {r.data().train(), r.data().validation(), r.data().test()};
        String[] names = {"Training", "Validation", "Test"};
        List<XYChart> charts = new ArrayList<>();
        for (int i = 0; i < sets.length; i++) {
            Dataset d = sets[i];
            charts.add(Charts.scatterClasses(names[i] + " data (" + d.size() + " points)", d.x1s(), d.x2s(),
                    ClassView.classes(d), v, null, DATA_W, DATA_H));
        }
        return charts;
    }

    /** Returns the predicted class of each test point beside its actual class, mistakes marked on the left. */
    static Figure testPredictions(ExperimentResult r) {
        List<XYChart> charts = testPredictionCharts(r);
        return new Figure("test-predictions", "Test predictions beside the true test classes, mistakes marked",
                2 * TEST_W, TEST_H, g -> {
                    Charts.paintAt(g, charts.get(0), 0, 0);
                    Charts.paintAt(g, charts.get(1), TEST_W, 0);
                }, Map.of());
    }

    /** Returns the two scatters of the test-predictions figure: the predicted classes, then the actual ones. */
    static List<XYChart> testPredictionCharts(ExperimentResult r) {
        ClassView v = ClassView.of(r);
        Dataset t = r.data().test();
        int[] actual = ClassView.classes(t);
        int[] predicted = ClassView.predictedTestClasses(r);
        boolean[] wrong = new boolean[actual.length];
        for (int i = 0; i < actual.length; i++) {
            wrong[i] = actual[i] != predicted[i];
        }
        XYChart left = Charts.scatterClasses(String.format(Locale.ROOT, "Predictions for test data (accuracy %.4f)",
                r.test().accuracy()), t.x1s(), t.x2s(), predicted, v, wrong, TEST_W, TEST_H);
        XYChart right = Charts.scatterClasses("Actual test data", t.x1s(), t.x2s(), actual, v, null, TEST_W, TEST_H);
        return List.of(left, right);
    }

    /**
     * Returns the class map of the grid pass, the borders where the most likely class changes, the
     * test points in their actual class's colour and the mistakes marked, with a legend of the classes.
     */
    static Figure classMap(ExperimentResult r) {
        ClassView v = ClassView.of(r);
        int n = r.gridResolution();
        float[] out = r.grid().output();
        Dataset t = r.data().test();
        int[] actual = ClassView.classes(t);
        int[] predicted = ClassView.predictedTestClasses(r);
        List<Line2D> borders = ClassView.boundaries(out, n, v.count());
        int mistakes = 0;
        for (int i = 0; i < actual.length; i++) {
            mistakes += actual[i] != predicted[i] ? 1 : 0;
        }
        int stride = Charts.stride(t.size(), NotebookVisualizer.BOUNDARY_DOTS);
        int shown = (t.size() + stride - 1) / stride;
        int mistakeStride = Charts.stride(mistakes, NotebookVisualizer.MAX_MISTAKE_MARKS);
        int marked = (mistakes + mistakeStride - 1) / mistakeStride;
        String title = mistakeStride == 1
                ? String.format(Locale.ROOT, "Most likely class (paler: less sure), its borders; %d of %d test points,"
                        + " all %d mistakes (x)", shown, t.size(), mistakes)
                : String.format(Locale.ROOT, "Most likely class (paler: less sure), its borders; %d of %d test points,"
                        + " %d of %d mistakes (x)", shown, t.size(), marked, mistakes);
        BufferedImage raster = v.classMap(out, n);
        Rectangle2D box = new Rectangle2D.Double(0, 30, 780, 600);
        Rectangle2D plot = MapPanel.plotArea(box, LEGEND);
        List<Color> colours = new ArrayList<>();
        List<List<String>> lines = new ArrayList<>();
        long[] counts = t.classCounts();
        for (int k = 0; k < v.count(); k++) {
            colours.add(v.colour(k));
            lines.add(List.of(v.name(k), codePrefix(v, k) + (k < counts.length ? counts[k] : 0) + " test points"));
        }
        int dotStride = stride;
        int markStride = mistakeStride;
        return new Figure("class-map", "The class map: the most likely class over the plane, with the test points and"
                + " the mistakes marked", 780, 640, g -> {
                    g.setColor(Palette.INK);
                    g.setFont(Palette.TITLE.deriveFont(13f));
                    g.drawString(title, 10, 20);
                    MapPanel.paintIn(g, box, plot, "", raster, (gg, area) -> {
                        double rad = 1.8;
                        gg.setStroke(new BasicStroke(0.6f));
                        for (int i = 0; i < t.size(); i += dotStride) {
                            Ellipse2D dot = new Ellipse2D.Double(MapPanel.px(area, t.x1(i)) - rad,
                                    MapPanel.py(area, t.x2(i)) - rad, 2 * rad, 2 * rad);
                            gg.setColor(v.colour(actual[i]));
                            gg.fill(dot);
                            gg.setColor(Color.DARK_GRAY);
                            gg.draw(dot);
                        }
                        gg.setColor(Palette.CLASS_BOUNDARY);
                        gg.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                        for (Line2D s : borders) {
                            gg.draw(new Line2D.Double(MapPanel.px(area, s.getX1()), MapPanel.py(area, s.getY1()),
                                    MapPanel.px(area, s.getX2()), MapPanel.py(area, s.getY2())));
                        }
                        int seen = 0;
                        for (int i = 0; i < t.size(); i++) {
                            if (actual[i] != predicted[i] && seen++ % markStride == 0) {
                                cross(gg, MapPanel.px(area, t.x1(i)), MapPanel.py(area, t.x2(i)));
                            }
                        }
                    });
                    MapPanel.legend(g, plot.getMaxX() + 16, plot.getY(), colours, lines);
                    g.setFont(Palette.TICK);
                    g.setColor(Palette.INK);
                    double y = plot.getMaxY() - 44;
                    g.drawString("dots: test points,", (float) (plot.getMaxX() + 16), (float) y);
                    g.drawString("in their actual class", (float) (plot.getMaxX() + 16), (float) (y + 14));
                    g.drawString("x: predicted wrongly", (float) (plot.getMaxX() + 16), (float) (y + 28));
                }, Map.of("output", plot));
    }

    /** Returns class {@code k}'s colour code and a comma, for a legend's second line ({@code "#e69f00, "}), or "". */
    static String codePrefix(ClassView v, int k) {
        return v.code(k).isEmpty() || v.code(k).equals(v.name(k)) ? "" : v.code(k) + ", ";
    }

    /** Marks a mistake: a dark cross on a white halo, which reads on every class colour. */
    static void cross(Graphics2D g, double x, double y) {
        double c = 3.4;
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(3.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(x - c, y - c, x + c, y + c));
        g.draw(new Line2D.Double(x - c, y + c, x + c, y - c));
        g.setColor(Palette.CLASS_BOUNDARY);
        g.setStroke(new BasicStroke(1.4f));
        g.draw(new Line2D.Double(x - c, y - c, x + c, y + c));
        g.draw(new Line2D.Double(x - c, y + c, x + c, y - c));
    }

    /** Returns each class's probability over the plane, one small map per class in its colour ramp. */
    static Figure probabilities(ExperimentResult r) {
        ClassView v = ClassView.of(r);
        int n = r.gridResolution();
        float[] out = r.grid().output();
        int k = v.count();
        int columns = Math.min(4, k);
        int rows = (k + columns - 1) / columns;
        int cellW = 340;
        int cellH = 290;
        Map<String, Rectangle2D> panels = new LinkedHashMap<>();
        List<Rectangle2D> boxes = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            Rectangle2D box = new Rectangle2D.Double((c % columns) * cellW, 36 + (c / columns) * cellH, cellW, cellH);
            boxes.add(box);
            panels.put("class-" + c, MapPanel.plotArea(box, true));
        }
        String heading = String.format(Locale.ROOT, "Each class's probability over the plane (%d x %d grid, softmax"
                + " of %d outputs)", n, n, k);
        return new Figure("class-probabilities", "Each class's probability over the plane, in its colour",
                columns * cellW, rows * cellH + 36, g -> {
                    g.setColor(Palette.INK);
                    g.setFont(Palette.TITLE);
                    g.drawString(heading, 12, 22);
                    for (int c = 0; c < k; c++) {
                        Color colour = v.colour(c);
                        MapPanel.paint(g, boxes.get(c), "Class " + c + ": " + v.name(c), v.probabilityMap(out, n, c),
                                0, 1, "probability of " + v.name(c), t -> Palette.towards(colour, t), null);
                    }
                }, panels);
    }

    /**
     * Returns the test set's confusion matrix: a row per actual class, a column per predicted class,
     * each cell its count and its share of the row, shaded by that share, the classes' colours on
     * both axes and each row's count beside it.
     */
    static Figure confusion(ExperimentResult r) {
        ClassView v = ClassView.of(r);
        Evaluation e = r.test();
        ConfusionMatrix m = e.confusion();
        int k = m.classes();
        double cell = k <= 4 ? 100 : 80;
        double left = 170;
        double top = 118;
        Rectangle2D matrix = new Rectangle2D.Double(left, top, k * cell, k * cell);
        int width = (int) (left + k * cell + 110);
        int height = (int) (top + k * cell + 40);
        String title = "Confusion matrix of the test set (" + m.total() + " points)";
        String subtitle = String.format(Locale.ROOT, "accuracy %.4f, balanced accuracy %.4f; each cell: count and"
                + " share of its row", e.accuracy(), e.balancedAccuracy());
        return new Figure("confusion-matrix", "The confusion matrix of the test set: rows actual, columns predicted",
                width, height, g -> {
                    g.setColor(Palette.INK);
                    g.setFont(Palette.TITLE);
                    g.drawString(title, 12, 22);
                    g.setFont(Palette.TICK);
                    g.drawString(subtitle, 12, 40);
                    g.setFont(Palette.AXIS);
                    MapPanel.centred(g, "predicted class", matrix.getCenterX(), top - 46);
                    AffineTransform saved = g.getTransform();
                    g.rotate(-Math.PI / 2, 22, matrix.getCenterY());
                    MapPanel.centred(g, "actual class", 22, matrix.getCenterY() + 4);
                    g.setTransform(saved);
                    for (int c = 0; c < k; c++) {
                        double x = left + c * cell;
                        double y = top + c * cell;
                        swatch(g, x + cell / 2 - 7, top - 36, v.colour(c));
                        g.setFont(Palette.TICK);
                        g.setColor(Palette.INK);
                        MapPanel.centred(g, v.name(c), x + cell / 2, top - 8);
                        swatch(g, 38, y + cell / 2 - 7, v.colour(c));
                        g.setColor(Palette.INK);
                        g.drawString(v.name(c), 58f, (float) (y + cell / 2 + 4));
                    }
                    for (int a = 0; a < k; a++) {
                        long row = m.actual(a);
                        for (int p = 0; p < k; p++) {
                            long count = m.count(a, p);
                            double share = row == 0 ? 0 : count / (double) row;
                            Rectangle2D c = new Rectangle2D.Double(left + p * cell, top + a * cell, cell, cell);
                            Color fill = row == 0 ? Color.WHITE : Palette.sequential(share);
                            g.setColor(fill);
                            g.fill(c);
                            g.setColor(new Color(0xbbbbbb));
                            g.setStroke(new BasicStroke(1f));
                            g.draw(c);
                            g.setColor(Palette.luminance(fill) < 0.5 ? Color.WHITE : Palette.INK);
                            g.setFont(Palette.TITLE.deriveFont(cell >= 100 ? 16f : 14f));
                            MapPanel.centred(g, Long.toString(count), c.getCenterX(), c.getCenterY() - 2);
                            g.setFont(Palette.TICK);
                            MapPanel.centred(g, ClassView.percent(count, row), c.getCenterX(), c.getCenterY() + 16);
                        }
                        g.setColor(Palette.INK);
                        g.setFont(Palette.TICK);
                        g.drawString(row + " points", (float) (matrix.getMaxX() + 10),
                                (float) (top + a * cell + cell / 2 + 4));
                    }
                    g.setColor(Palette.INK);
                    g.setStroke(new BasicStroke(1.5f));
                    g.draw(matrix);
                }, Map.of("matrix", matrix));
    }

    private static void swatch(Graphics2D g, double x, double y, Color c) {
        Rectangle2D s = new Rectangle2D.Double(x, y, 14, 14);
        g.setColor(c);
        g.fill(s);
        g.setColor(Palette.INK);
        g.setStroke(new BasicStroke(1f));
        g.draw(s);
    }
}
