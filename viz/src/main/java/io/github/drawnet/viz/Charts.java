package io.github.drawnet.viz;

import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.Evaluation;
import io.github.drawnet.api.History;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots with axes, made with XChart: scatters of points by label, and curves against epoch.
 * XChart is chosen over JFreeChart because one small dependency gives both raster and vector
 * (SVG, through its VectorGraphics2D) output of the same chart, and its API is a few lines per plot.
 */
final class Charts {

    private Charts() {}

    private static XYChart base(String title, String xTitle, String yTitle, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Palette.INK);
        s.setPlotGridLinesColor(new Color(0xe6e6e6));
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(Palette.TITLE.deriveFont(13f));
        s.setAxisTitleFont(Palette.AXIS);
        s.setAxisTickLabelsFont(Palette.TICK);
        s.setLegendFont(Palette.TICK);
        s.setLegendBorderColor(new Color(0xcccccc));
        s.setChartPadding(8);
        s.setAntiAlias(true);
        return chart;
    }

    /** Returns k such that every k-th of {@code count} items makes at most {@code most} of them (1 when all fit). */
    static int stride(int count, int most) {
        return Math.max(1, (count + most - 1) / most);
    }

    /** The most points a scatter draws; of more, every k-th is drawn. */
    static final int MAX_SCATTER_POINTS = 20_000;

    /**
     * Returns an empty scatter chart over the unit square ({@code x1, x2} in [0, 1]); when only every
     * {@code stride}-th point is drawn, the title says so.
     */
    private static XYChart unitScatter(String title, int stride, int width, int height) {
        String shownTitle = stride == 1 ? title : String.format(java.util.Locale.ROOT, "%s, every %d%s point drawn",
                title, stride, stride == 2 ? "nd" : stride == 3 ? "rd" : "th");
        XYChart chart = base(shownTitle, "x1", "x2", width, height);
        XYStyler s = chart.getStyler();
        s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarkerSize(4);
        s.setXAxisMin(0.0);
        s.setXAxisMax(1.0);
        s.setYAxisMin(0.0);
        s.setYAxisMax(1.0);
        s.setXAxisDecimalPattern("0.##");
        s.setYAxisDecimalPattern("0.##");
        return chart;
    }

    /**
     * Returns a scatter of points coloured by a 0/1 value: value 1 in the scheme's blue, value 0 in
     * its orange, each series named by its colour first ({@code blue: label 1 (2500)}); axes {@code
     * x1, x2} over [0, 1].
     */
    static XYChart scatter(String title, double[] x1, double[] x2, double[] value, String positiveName,
            String negativeName, int width, int height) {
        // many points: every k-th is drawn (the counts in the legend are of all of them), so that a
        // figure of a million points stays small in memory and on disk and still shows the classes
        int stride = stride(x1.length, MAX_SCATTER_POINTS);
        XYChart chart = unitScatter(title, stride, width, height);
        XYStyler s = chart.getStyler();
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        List<Double> nx = new ArrayList<>();
        List<Double> ny = new ArrayList<>();
        List<Double> px = new ArrayList<>();
        List<Double> py = new ArrayList<>();
        int positives = 0;
        for (int i = 0; i < x1.length; i++) {
            boolean positive = value[i] >= Evaluation.THRESHOLD;
            positives += positive ? 1 : 0;
            if (i % stride != 0) {
                continue;
            }
            if (positive) {
                px.add(x1[i]);
                py.add(x2[i]);
            } else {
                nx.add(x1[i]);
                ny.add(x2[i]);
            }
        }
        int negatives = x1.length - positives;
        // negatives first, so the positive region is drawn on top
        if (!nx.isEmpty()) {
            XYSeries neg = chart.addSeries(ColourNames.NEGATIVE.name() + ": " + negativeName + " (" + negatives + ")",
                    nx, ny);
            neg.setMarkerColor(Palette.NEGATIVE);
            neg.setMarker(SeriesMarkers.CIRCLE);
        }
        if (!px.isEmpty()) {
            XYSeries pos = chart.addSeries(ColourNames.POSITIVE.name() + ": " + positiveName + " (" + positives + ")",
                    px, py);
            pos.setMarkerColor(Palette.POSITIVE);
            pos.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /**
     * Returns a scatter of points coloured by class, one series per class present (the background
     * first, so the drawn classes lie on top), named {@code name (count)}; with {@code wrong} given,
     * the points marked true get a dark cross on top, in a series {@code mistakes (count)}. Axes
     * {@code x1, x2} over [0, 1], the legend on the right (eight classes do not fit in a row). Of many points every k-th is drawn, as in
     * {@link #scatter}; of many mistakes every k-th is marked.
     */
    static XYChart scatterClasses(String title, double[] x1, double[] x2, int[] classes, ClassView view,
            boolean[] wrong, int width, int height) {
        int stride = stride(x1.length, MAX_SCATTER_POINTS);
        XYChart chart = unitScatter(title, stride, width, height);
        XYStyler s = chart.getStyler();
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendLayout(Styler.LegendLayout.Vertical);
        int k = view.count();
        List<List<Double>> xs = new ArrayList<>();
        List<List<Double>> ys = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            xs.add(new ArrayList<>());
            ys.add(new ArrayList<>());
        }
        long[] counts = new long[k];
        int mistakes = 0;
        for (int i = 0; i < x1.length; i++) {
            counts[classes[i]]++;
            mistakes += wrong != null && wrong[i] ? 1 : 0;
            if (i % stride == 0) {
                xs.get(classes[i]).add(x1[i]);
                ys.get(classes[i]).add(x2[i]);
            }
        }
        for (int c = 0; c < k; c++) {
            if (!xs.get(c).isEmpty()) {
                XYSeries series = chart.addSeries(view.name(c) + " (" + counts[c] + ")", xs.get(c), ys.get(c));
                series.setMarkerColor(view.colour(c));
                series.setMarker(SeriesMarkers.CIRCLE);
            }
        }
        if (mistakes > 0) {
            int markStride = stride(mistakes, NotebookVisualizer.MAX_MISTAKE_MARKS);
            List<Double> mx = new ArrayList<>();
            List<Double> my = new ArrayList<>();
            int seen = 0;
            for (int i = 0; i < x1.length; i++) {
                if (wrong[i] && seen++ % markStride == 0) {
                    mx.add(x1[i]);
                    my.add(x2[i]);
                }
            }
            XYSeries series = chart.addSeries("mistakes (" + mistakes + ")", mx, my);
            series.setMarkerColor(Palette.CLASS_BOUNDARY);
            series.setMarker(SeriesMarkers.CROSS);
        }
        return chart;
    }

    /** Returns accuracy (training and validation) against epoch. */
    static XYChart accuracy(History h, int width, int height) {
        XYChart chart = base("Accuracy", "Epoch", "Accuracy", width, height);
        curve(chart, "Training accuracy", h, EpochMetrics::trainAccuracy, Palette.TRAIN, false);
        curve(chart, "Validation accuracy", h, EpochMetrics::validationAccuracy, Palette.VALIDATION, true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setYAxisDecimalPattern("0.00");
        return chart;
    }

    /** Returns loss (training and validation) against epoch, on a log scale as in the notebook. */
    static XYChart loss(History h, int width, int height) {
        return loss(h, "Binary cross-entropy", width, height);
    }

    /** Returns loss (training and validation) against epoch, on a log scale, the loss named {@code lossName}. */
    static XYChart loss(History h, String lossName, int width, int height) {
        XYChart chart = base("Loss (log scale)", "Epoch", lossName, width, height);
        boolean positive = h.epochs().stream()
                .allMatch(m -> m.trainLoss() > 0 && m.validationLoss() > 0 && m.isFinite());
        chart.getStyler().setYAxisLogarithmic(positive);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
        curve(chart, "Training loss", h, EpochMetrics::trainLoss, Palette.TRAIN, false);
        curve(chart, "Validation loss", h, EpochMetrics::validationLoss, Palette.VALIDATION, true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        return chart;
    }

    private static void curve(XYChart chart, String name, History h, java.util.function.ToDoubleFunction<EpochMetrics> f,
            Color color, boolean dashed) {
        series(chart, name, h.epochs(), f, false, color, dashed ? new float[] {6f, 4f} : null);
    }

    /**
     * Adds one value of each epoch as a line: finite values only (and positive ones only, for a
     * log axis), markers while there are few points, dashes when given.
     */
    static void series(XYChart chart, String name, List<EpochMetrics> epochs,
            java.util.function.ToDoubleFunction<EpochMetrics> f, boolean positiveOnly, Color color, float[] dash) {
        List<Integer> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (EpochMetrics m : epochs) {
            double v = f.applyAsDouble(m);
            if (Double.isFinite(v) && (!positiveOnly || v > 0)) {
                x.add(m.epoch());
                y.add(v);
            }
        }
        if (x.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setLineColor(color);
        s.setMarker(x.size() <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        s.setMarkerColor(color);
        s.setLineStyle(dash == null ? new BasicStroke(2f)
                : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
    }

    /** Paints a chart into the rectangle at {@code (x, y)} of the chart's own size. */
    static void paintAt(Graphics2D g, XYChart chart, int x, int y) {
        Graphics2D gg = (Graphics2D) g.create();
        try {
            gg.translate(x, y);
            chart.paint(gg, chart.getWidth(), chart.getHeight());
        } finally {
            gg.dispose();
        }
    }
}
