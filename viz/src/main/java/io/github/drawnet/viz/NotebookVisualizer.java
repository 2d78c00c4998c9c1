package io.github.drawnet.viz;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.DrawingClass;
import io.github.drawnet.api.Evaluation;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.LayerActivations;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * Every figure of the notebook, in its order, from a finished experiment: the drawing, the training
 * data, the network with its weights, each hidden unit's response and the output over the plane,
 * accuracy and loss against epoch, and the test predictions beside the truth; and further, the
 * decision boundary with the test points and the mistakes marked.
 *
 * <p>Thread-safe (stateless).
 */
public final class NotebookVisualizer implements Visualizer {

    /** The most units of one layer drawn as maps; wider layers show their first ones. */
    static final int MAX_MAPS_PER_LAYER = 32;
    /** The most test points drawn as dots on the decision boundary (every mistake is drawn). */
    static final int BOUNDARY_DOTS = 2500;
    /** The most mistakes marked on the decision boundary; of more, every k-th is marked and the title says so. */
    static final int MAX_MISTAKE_MARKS = 5000;

    /** The names of the figures, in the notebook's order; each is written as {@code NAME.png} and {@code NAME.svg}. */
    public static final List<String> FIGURE_NAMES = List.of("drawing", "training-data", "network", "hidden-units",
            "training-curves", "test-predictions", "decision-boundary");

    /**
     * The names of the figures of a result of more than two classes, in the report's order: the
     * notebook's, the decision boundary replaced by the class map, then one probability map per
     * class and the confusion matrix. {@link #reportFileNames()} lists the two-class names.
     */
    public static final List<String> CLASS_FIGURE_NAMES = List.of("drawing", "training-data", "network",
            "hidden-units", "training-curves", "test-predictions", "class-map", "class-probabilities",
            "confusion-matrix");

    /** Returns the names of the figures of a result of {@code classes} classes, in the report's order. */
    public static List<String> figureNames(int classes) {
        return classes > 2 ? CLASS_FIGURE_NAMES : FIGURE_NAMES;
    }

    /** Returns every figure's PNG and SVG names and {@code report.html}. */
    @Override
    public List<String> reportFileNames() {
        return reportFileNames(ReportFiles.all());
    }

    /** Returns every figure's names in the formats {@code files} names, and {@code report.html} when it asks for it. */
    @Override
    public List<String> reportFileNames(ReportFiles files) {
        return reportFileNames(files, 2);
    }

    /** Returns the names of the figures of a result of {@code classes} classes in {@code files}' formats, and the report's. */
    @Override
    public List<String> reportFileNames(ReportFiles files, int classes) {
        List<String> names = new ArrayList<>();
        for (String f : figureNames(classes)) {
            names.addAll(files.figureFileNames(f));
        }
        if (files.html()) {
            names.add(HtmlReport.FILE_NAME);
        }
        return List.copyOf(names);
    }

    @Override
    public List<Path> render(ExperimentResult result, Path directory) throws IOException {
        List<Path> written = new ArrayList<>();
        for (FigureWriter.Encoded e : FigureWriter.encodeAll(figures(result), true, true)) {
            Path png = directory.resolve(e.figure().name() + ".png");
            io.github.drawnet.api.internal.AtomicFiles.write(png, e.png());
            io.github.drawnet.api.internal.AtomicFiles.write(directory.resolve(e.figure().name() + ".svg"), e.svg());
            written.add(png);
        }
        return written;
    }

    @Override
    public Report report(ExperimentResult result, Path directory) throws IOException {
        return report(result, directory, ReportFiles.all());
    }

    @Override
    public Report report(ExperimentResult result, Path directory, ReportFiles files) throws IOException {
        HtmlReport.Output out = HtmlReport.write(result, directory, files);
        return new Report(out.figures(), out.report());
    }

    @Override
    public byte[] decisionBoundaryPng(ExperimentResult result) {
        return png(decisionBoundary(result));
    }

    @Override
    public MapImage mapPng(float[] values, int side, Activation activation) {
        double[] r = range(activation, values);
        return new MapImage(LiveFigures.mapPng(values, side, r[0], neutral(activation), r[1]), r[0], r[1]);
    }

    @Override
    public byte[] networkPng(NetworkSpec spec, Parameters parameters) {
        return png(LiveFigures.network(spec, parameters));
    }

    @Override
    public byte[] networkPng(NetworkSpec spec, Parameters parameters, List<DrawingClass> classes) {
        return png(LiveFigures.network(spec, parameters, classes));
    }

    @Override
    public byte[] classMapPng(float[] probabilities, int side, List<DrawingClass> classes) {
        return LiveFigures.classMapPng(probabilities, side, classes);
    }

    private static byte[] png(Figure f) {
        try {
            return FigureWriter.toPng(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the figures, in the notebook's order, without writing them ({@link #figureNames}); a
     * result of more than two classes gets {@link #CLASS_FIGURE_NAMES}, every class in its colour.
     */
    public List<Figure> figures(ExperimentResult r) {
        if (ClassView.isMulti(r)) {
            return List.of(ClassFigures.drawing(r), ClassFigures.data(r), network(r), unitMaps(r), curves(r),
                    ClassFigures.testPredictions(r), ClassFigures.classMap(r), ClassFigures.probabilities(r),
                    ClassFigures.confusion(r));
        }
        return List.of(drawing(r), trainingData(r), network(r), unitMaps(r), curves(r), testPredictions(r),
                decisionBoundary(r));
    }

    static Figure drawing(ExperimentResult r) {
        if (ClassView.isMulti(r)) {
            return ClassFigures.drawing(r);
        }
        Drawing d = r.drawing();
        BufferedImage raster = new BufferedImage(d.width(), d.height(), BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < d.height(); row++) {
            for (int col = 0; col < d.width(); col++) {
                // on the output's scale: what the network should learn to draw, orange outside, blue inside
                raster.setRGB(col, row, Palette.map(d.coverage(col, row), 0, Evaluation.THRESHOLD, 1).getRGB());
            }
        }
        Rectangle2D box = new Rectangle2D.Double(0, 0, 520, 470);
        Rectangle2D plot = MapPanel.plotArea(box, true);
        String title = String.format(Locale.ROOT, "Drawing '%s' (%d x %d): %.1f%% drawn", d.name(), d.width(),
                d.height(), 100 * d.positiveShare());
        return new Figure("drawing", "The drawing: the positive region as drawn", 520, 470,
                g -> MapPanel.paint(g, box, title, raster, 0, 1, "coverage (alpha/255)", null),
                Map.of("drawing", plot));
    }

    static Figure trainingData(ExperimentResult r) {
        if (ClassView.isMulti(r)) {
            return ClassFigures.data(r);
        }
        Dataset t = r.data().train();
        XYChart chart = Charts.scatter("Training data (" + t.size() + " points)", t.x1s(), t.x2s(), t.labels(),
                "label 1", "label 0", 560, 560);
        return new Figure("training-data", "Training data, coloured by label", 560, 560,
                g -> Charts.paintAt(g, chart, 0, 0), Map.of());
    }

    /**
     * Draws, as PNG and SVG, a scatter of 2,000 points, a raster map with its colour bar and a
     * network diagram: the code every figure of a run uses (Java2D and its rasterizer, fonts, XChart,
     * the PNG encoder, VectorGraphics2D and {@link SvgWriter}), loaded and compiled ahead. Stops
     * between figures once the thread is interrupted.
     */
    @Override
    public void warmUp() {
        warmUpFigures();
    }

    /** Does {@link #warmUp()}; returns how many of its three figures were drawn before an interrupt or a failure. */
    static int warmUpFigures() {
        int n = 2000;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] label = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i * 0.618034) % 1.0;
            y[i] = (i * 0.754878) % 1.0;
            label[i] = x[i] + y[i] > 1 ? 1 : 0;
        }
        XYChart scatter = Charts.scatter("warm-up", x, y, label, "label 1", "label 0", 400, 400);
        float[] values = new float[32 * 32];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 32) / 31f;
        }
        Rectangle2D box = new Rectangle2D.Double(0, 0, 300, 280);
        NetworkSpec spec = NetworkSpec.notebook();
        NetworkDiagram diagram = new NetworkDiagram(spec, Parameters.initial(spec, 0), 620, 420, null);
        List<Figure> figures = List.of(
                new Figure("warm-up-scatter", "", 400, 400, g -> Charts.paintAt(g, scatter, 0, 0), Map.of()),
                new Figure("warm-up-map", "", 300, 280, g -> MapPanel.paint(g, box, "warm-up",
                        MapPanel.gridImage(values, 32, 0, 1), 0, 1, "value", null), Map.of()),
                new Figure("warm-up-network", "", 620, 420, g -> diagram.paint(g, "warm-up"), Map.of()));
        int drawn = 0;
        for (Figure f : figures) {
            if (Thread.currentThread().isInterrupted()) {
                return drawn;
            }
            try {
                FigureWriter.toPng(f);
                FigureWriter.toSvg(f);
            } catch (IOException | RuntimeException e) {
                return drawn; // a warm-up never fails a run; the real figures will say what is wrong
            }
            drawn++;
        }
        return drawn;
    }

    static Figure network(ExperimentResult r) {
        int columns = r.spec().layerWidths().size();
        int tallest = r.spec().layerWidths().stream().mapToInt(NetworkDiagram::rows).max().orElse(1) + 1;
        int width = Math.max(620, 220 * columns);
        int height = Math.max(420, Math.min(1400, 62 * tallest + 110));
        NetworkDiagram diagram = new NetworkDiagram(r.spec(), r.finalParameters(), width, height,
                ClassView.isMulti(r) ? ClassView.of(r) : null);
        String title = String.format(Locale.ROOT, "Network %s with its learned weights (%d weights and biases)",
                shape(r), r.spec().parameterCount());
        return new Figure("network", "The network, every learned weight on its edge", width, height,
                g -> diagram.paint(g, title), Map.of());
    }

    static String shape(ExperimentResult r) {
        StringBuilder sb = new StringBuilder();
        for (int w : r.spec().layerWidths()) {
            sb.append(sb.length() == 0 ? "" : "-").append(w);
        }
        return sb.toString();
    }

    /**
     * Returns where a unit's map of this activation is white: 0.5 for a sigmoid (its middle, where the
     * output is undecided), 0 for the others (a tanh's middle, a rectifier's floor, a linear unit's sign).
     */
    static double neutral(Activation a) {
        return switch (a) {
            case SIGMOID -> 0.5;
            case TANH, RELU, LINEAR -> 0;
        };
    }

    /** Returns the range a hidden unit's map is coloured over. */
    static double[] range(Activation a, float[] values) {
        return switch (a) {
            case SIGMOID -> new double[] {0, 1};
            case TANH -> new double[] {-1, 1};
            case RELU -> {
                // a rectifier is never below 0: keep 0 white, so a unit that never fires shows as blank
                double hi = 0;
                for (float v : values) {
                    hi = Math.max(hi, v);
                }
                yield new double[] {0, hi > 0 ? hi : 1};
            }
            case LINEAR -> {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (float v : values) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                if (!(hi > lo)) {
                    lo -= 0.5;
                    hi += 0.5;
                }
                yield new double[] {lo, hi};
            }
        };
    }

    private static double max(float[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    static Figure unitMaps(ExperimentResult r) {
        int n = r.gridResolution();
        List<LayerActivations> hidden = r.grid().hidden();
        int perRow = 5;
        List<String[]> panelNames = new ArrayList<>(); // {key, title}
        List<float[]> panelValues = new ArrayList<>();
        List<double[]> panelRanges = new ArrayList<>(); // {lo, neutral, hi}
        List<String> panelLabels = new ArrayList<>();
        for (int l = 0; l < hidden.size(); l++) {
            LayerActivations layer = hidden.get(l);
            for (int u = 0; u < Math.min(layer.units(), MAX_MAPS_PER_LAYER); u++) {
                float[] v = layer.unit(u);
                String key = hidden.size() == 1 ? "hidden-" + (u + 1) : "hidden-" + (l + 1) + "-" + (u + 1);
                String title = hidden.size() == 1 ? "Hidden unit " + (u + 1) : "Layer " + (l + 1) + ", unit " + (u + 1);
                if (r.spec().activation() == Activation.RELU && range(Activation.RELU, v)[1] == 1 && max(v) == 0) {
                    title += " (never active)";
                }
                panelNames.add(new String[] {key, title});
                panelValues.add(v);
                double[] range = range(r.spec().activation(), v);
                panelRanges.add(new double[] {range[0], neutral(r.spec().activation()), range[1]});
                panelLabels.add(r.spec().activation().id() + " activation");
            }
        }
        boolean multi = ClassView.isMulti(r);
        panelNames.add(new String[] {"output", multi ? "Output: the most likely class" : "Output layer"});
        panelValues.add(r.grid().output());
        panelRanges.add(new double[] {0, Evaluation.THRESHOLD, 1});
        panelLabels.add(multi ? null : "probability of class 1");
        BufferedImage classMap = multi ? ClassView.of(r).classMap(r.grid().output(), n) : null;
        int count = panelNames.size();
        int columns = Math.min(perRow, count);
        int rows = (count + columns - 1) / columns;
        int cellW = 340;
        int cellH = 290;
        int width = columns * cellW;
        int height = rows * cellH + 36;
        Map<String, Rectangle2D> panels = new LinkedHashMap<>();
        List<Rectangle2D> boxes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Rectangle2D box = new Rectangle2D.Double((i % columns) * cellW, 36 + (i / columns) * cellH, cellW, cellH);
            boxes.add(box);
            panels.put(panelNames.get(i)[0], MapPanel.plotArea(box, true));
        }
        String heading = String.format(Locale.ROOT,
                "Each hidden unit's response over the plane, and the output (%d x %d grid, one forward pass)", n, n);
        return new Figure("hidden-units", "Each hidden unit's activation and the output over the plane", width, height,
                g -> {
                    g.setColor(Palette.INK);
                    g.setFont(Palette.TITLE);
                    g.drawString(heading, 12, 22);
                    for (int i = 0; i < count; i++) {
                        double[] range = panelRanges.get(i);
                        if (classMap != null && i == count - 1) {
                            // the class map, the same size as the others, its classes where their colour bars are
                            Rectangle2D plot = MapPanel.plotArea(boxes.get(i), true);
                            MapPanel.paintIn(g, boxes.get(i), plot, panelNames.get(i)[1], classMap, null);
                            ClassView v = ClassView.of(r);
                            List<java.awt.Color> colours = new ArrayList<>();
                            List<List<String>> names = new ArrayList<>();
                            for (int k = 0; k < v.count(); k++) {
                                colours.add(v.colour(k));
                                names.add(List.of(v.name(k)));
                            }
                            MapPanel.legend(g, plot.getMaxX() + 8, plot.getY(), colours, names, Palette.TICK);
                            continue;
                        }
                        MapPanel.paint(g, boxes.get(i), panelNames.get(i)[1],
                                MapPanel.gridImage(panelValues.get(i), n, range[0], range[1], range[2]), range[0],
                                range[1], range[2], panelLabels.get(i), null);
                    }
                }, panels);
    }

    static Figure curves(ExperimentResult r) {
        XYChart acc = Charts.accuracy(r.history(), 520, 400);
        XYChart loss = lossChart(r);
        return new Figure("training-curves", "Accuracy and loss (log scale) against epoch", 1040, 400, g -> {
            Charts.paintAt(g, acc, 0, 0);
            Charts.paintAt(g, loss, 520, 0);
        }, Map.of());
    }

    /** Returns the loss chart of the training-curves figure: binary cross-entropy, or the softmax's for more classes. */
    static XYChart lossChart(ExperimentResult r) {
        return ClassView.isMulti(r) ? Charts.loss(r.history(), "Cross-entropy", 520, 400)
                : Charts.loss(r.history(), 520, 400);
    }

    static Figure testPredictions(ExperimentResult r) {
        if (ClassView.isMulti(r)) {
            return ClassFigures.testPredictions(r);
        }
        List<XYChart> charts = testPredictionCharts(r);
        XYChart left = charts.get(0);
        XYChart right = charts.get(1);
        return new Figure("test-predictions", "Test predictions beside the true test labels", 1080, 560, g -> {
            Charts.paintAt(g, left, 0, 0);
            Charts.paintAt(g, right, 540, 0);
        }, Map.of());
    }

    /** Returns the two scatters of the test-predictions figure: the predicted classes, then the true labels. */
    static List<XYChart> testPredictionCharts(ExperimentResult r) {
        Dataset t = r.data().test();
        float[] p = r.testPredictions();
        double[] predicted = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            predicted[i] = Evaluation.predictsPositive(p[i]) ? 1 : 0;
        }
        XYChart left = Charts.scatter(String.format(Locale.ROOT, "Predictions for test data (accuracy %.4f)",
                r.test().accuracy()), t.x1s(), t.x2s(), predicted, "predicted 1", "predicted 0", 540, 560);
        XYChart right = Charts.scatter("Actual test data", t.x1s(), t.x2s(), t.labels(), "label 1", "label 0", 540,
                560);
        return List.of(left, right);
    }

    /**
     * Returns the output map with its 0.5 contour, the test points, and the mistakes marked; for more
     * than two classes, the class map with its borders ({@code class-map}).
     */
    public static Figure decisionBoundary(ExperimentResult r) {
        if (ClassView.isMulti(r)) {
            return ClassFigures.classMap(r);
        }
        int n = r.gridResolution();
        float[] out = r.grid().output();
        Dataset t = r.data().test();
        float[] p = r.testPredictions();
        List<Line2D> contour = Contour.segments(out, n, Evaluation.THRESHOLD);
        int mistakes = 0;
        for (int i = 0; i < p.length; i++) {
            mistakes += isMistake(p[i], t.label(i)) ? 1 : 0;
        }
        int stride = Charts.stride(t.size(), BOUNDARY_DOTS);
        int shown = (t.size() + stride - 1) / stride;
        Rectangle2D box = new Rectangle2D.Double(0, 30, 620, 600);
        Rectangle2D plot = MapPanel.plotArea(box, true);
        // every mistake is marked, up to MAX_MISTAKE_MARKS; of more, every k-th (a million test points
        // with 9% wrong made a 38 MB SVG)
        int mistakeStride = Charts.stride(mistakes, MAX_MISTAKE_MARKS);
        int marked = (mistakes + mistakeStride - 1) / mistakeStride;
        String title = mistakeStride == 1
                ? String.format(Locale.ROOT, "Output with its 0.5 boundary; %d of %d test points, all %d mistakes (x)",
                        shown, t.size(), mistakes)
                : String.format(Locale.ROOT, "Output with its 0.5 boundary; %d of %d test points, %d of %d mistakes (x)",
                        shown, t.size(), marked, mistakes);
        BufferedImage raster = MapPanel.gridImage(out, n, 0, 1);
        int finalStride = stride;
        return new Figure("decision-boundary", "The decision boundary with the test points, mistakes marked", 620, 640,
                g -> {
                    g.setColor(Palette.INK);
                    g.setFont(Palette.TITLE.deriveFont(13f));
                    g.drawString(title, 10, 20);
                    MapPanel.paint(g, box, "", raster, 0, 1, "probability of class 1", (gg, area) -> {
                        double rad = 1.6;
                        gg.setStroke(new BasicStroke(0.6f));
                        for (int i = 0; i < t.size(); i += finalStride) {
                            double x = MapPanel.px(area, t.x1(i));
                            double y = MapPanel.py(area, t.x2(i));
                            Ellipse2D dot = new Ellipse2D.Double(x - rad, y - rad, 2 * rad, 2 * rad);
                            gg.setColor(t.label(i) >= Evaluation.THRESHOLD ? Palette.POSITIVE : Palette.NEGATIVE);
                            gg.fill(dot);
                            gg.setColor(java.awt.Color.DARK_GRAY);
                            gg.draw(dot);
                        }
                        gg.setColor(Palette.BOUNDARY);
                        gg.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                        for (Line2D s : contour) {
                            gg.draw(new Line2D.Double(MapPanel.px(area, s.getX1()), MapPanel.py(area, s.getY1()),
                                    MapPanel.px(area, s.getX2()), MapPanel.py(area, s.getY2())));
                        }
                        gg.setColor(Palette.MISTAKE);
                        gg.setStroke(new BasicStroke(1.4f));
                        double c = 3.2;
                        int seen = 0;
                        for (int i = 0; i < t.size(); i++) {
                            if (isMistake(p[i], t.label(i)) && seen++ % mistakeStride == 0) {
                                double x = MapPanel.px(area, t.x1(i));
                                double y = MapPanel.py(area, t.x2(i));
                                gg.draw(new Line2D.Double(x - c, y - c, x + c, y + c));
                                gg.draw(new Line2D.Double(x - c, y + c, x + c, y - c));
                            }
                        }
                    });
                }, Map.of("output", plot));
    }

    /**
     * Returns whether prediction {@code p} misclassifies a point of label {@code label}, by the rule
     * {@link Evaluation} counts with: positive from {@link Evaluation#THRESHOLD} on, for both.
     */
    static boolean isMistake(float p, double label) {
        return Evaluation.predictsPositive(p) != (label >= Evaluation.THRESHOLD);
    }
}
