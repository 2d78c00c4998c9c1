package io.github.drawnet.viz;

import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.History;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Figures that put several runs side by side: the histories of a saved model, its continuation and
 * a fresh start (the notebook's last question), and a sweep's cells as small multiples of their
 * output maps and as overlaid curves.
 */
public final class ComparisonFigures {

    /** One run of a comparison, with a label for people. */
    public record Run(String label, ExperimentResult result) {}

    /** Epochs of one run in a comparison, keeping their numbers, with a label for people. */
    public record Named(String label, List<EpochMetrics> epochs) {

        /** Copies the list. */
        public Named {
            epochs = List.copyOf(epochs);
        }

        /** Returns every epoch of a history. */
        public static Named of(String label, History h) {
            return new Named(label, h.epochs());
        }
    }

    private ComparisonFigures() {}

    /**
     * Returns accuracy and loss against epoch for several histories on shared axes; for example the
     * saved epochs 1..10 and their continuation 11..15 against a fresh start 1..5.
     */
    public static Figure histories(String name, String title, List<Named> histories) {
        List<XYChart> charts = historyCharts(histories);
        XYChart acc = charts.get(0);
        XYChart loss = charts.get(1);
        int chartHeight = acc.getHeight();
        return new Figure(name, title, 1040, chartHeight + 30, g -> {
            g.setColor(Palette.INK);
            g.setFont(Palette.TITLE);
            g.drawString(title, 12, 20);
            Charts.paintAt(g, acc, 0, 30);
            Charts.paintAt(g, loss, 520, 30);
        }, Map.of());
    }

    /** Returns the two charts of {@link #histories}: validation accuracy, then training loss. */
    static List<XYChart> historyCharts(List<Named> histories) {
        // with many runs the legend goes below the plot, where it hides no curve
        boolean many = histories.size() > 3;
        int chartHeight = many ? 400 + 18 * ((histories.size() + 1) / 2) : 400;
        XYChart acc = chart("Validation accuracy", "Accuracy", false, many, chartHeight);
        XYChart loss = chart("Training loss (log scale)", "Binary cross-entropy", true, many, chartHeight);
        for (int i = 0; i < histories.size(); i++) {
            Named h = histories.get(i);
            Color c = colour(i, histories.size());
            add(acc, h.label(), h.epochs(), true, c, i);
            add(loss, h.label(), h.epochs(), false, c, i);
        }
        return List.of(acc, loss);
    }

    private static XYChart chart(String title, String yTitle, boolean log, boolean legendBelow, int height) {
        XYChart chart = new XYChartBuilder().width(520).height(height).title(title).xAxisTitle("Epoch")
                .yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setChartTitleBoxVisible(false);
        chart.getStyler().setChartTitleFont(Palette.TITLE.deriveFont(13f));
        chart.getStyler().setAxisTitleFont(Palette.AXIS);
        chart.getStyler().setAxisTickLabelsFont(Palette.TICK);
        chart.getStyler().setLegendFont(Palette.TICK);
        chart.getStyler().setLegendPosition(legendBelow ? Styler.LegendPosition.OutsideS
                : log ? Styler.LegendPosition.InsideNE : Styler.LegendPosition.InsideSE);
        chart.getStyler().setYAxisLogarithmic(log);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
        chart.getStyler().setPlotGridLinesColor(new Color(0xe6e6e6));
        return chart;
    }

    private static final float[][] DASHES = {null, {7f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}};

    private static void add(XYChart chart, String label, List<EpochMetrics> epochs, boolean accuracy, Color c,
            int index) {
        Charts.series(chart, label, epochs, accuracy ? EpochMetrics::validationAccuracy : EpochMetrics::trainLoss,
                !accuracy, c, DASHES[index % DASHES.length]);
    }

    /** Returns the colour of series {@code i} of {@code n}: spread over the darker part of the scale. */
    static Color colour(int i, int n) {
        return n <= 1 ? Palette.TRAIN : Palette.sequential(0.4 + 0.6 * i / (double) (n - 1));
    }

    /**
     * Returns each run's output map with its test accuracy, as small multiples; a run of more than two
     * classes shows its class map, and runs all of several classes share a legend of their classes.
     */
    public static Figure maps(String name, String title, List<Run> runs) {
        int columns = Math.min(4, runs.size());
        int rows = (runs.size() + columns - 1) / columns;
        int cellW = 300;
        int cellH = 290;
        int width = columns * cellW + 110;
        int height = rows * cellH + 40;
        Map<String, Rectangle2D> panels = new LinkedHashMap<>();
        List<Rectangle2D> boxes = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Rectangle2D box = new Rectangle2D.Double((i % columns) * cellW, 40 + (i / columns) * cellH, cellW, cellH);
            boxes.add(box);
            panels.put("cell-" + (i + 1), MapPanel.plotArea(box, false));
        }
        // runs of several classes (a sweep keeps the drawing, so they share their classes) get a legend of
        // the classes instead of the colour bar, unless a two-class run is among them
        Run multi = runs.stream().filter(r -> ClassView.isMulti(r.result())).findFirst().orElse(null);
        boolean binary = multi == null || runs.stream().anyMatch(r -> !ClassView.isMulti(r.result()));
        return new Figure(name, title, width, height, g -> {
            g.setColor(Palette.INK);
            g.setFont(Palette.TITLE);
            g.drawString(title, 12, 22);
            for (int i = 0; i < runs.size(); i++) {
                ExperimentResult r = runs.get(i).result();
                String t = String.format(Locale.ROOT, "%s: %.4f", runs.get(i).label(), r.test().accuracy());
                // a run of more than two classes shows its class map (each point in its likeliest class's colour)
                MapPanel.paint(g, boxes.get(i), t, ClassView.isMulti(r) ? ClassView.of(r).classMap(r.grid().output(),
                        r.gridResolution()) : MapPanel.gridImage(r.grid().output(), r.gridResolution(), 0, 1), 0, 1,
                        null, null);
            }
            Rectangle2D bar = new Rectangle2D.Double(columns * cellW + 10, 40, 100, Math.min(cellH, height - 40));
            if (binary) {
                // one colour bar for all: every map is a probability in [0, 1]
                MapPanel.colourBarOnly(g, bar, 0, 1, "probability of class 1");
            } else {
                ClassView v = ClassView.of(multi.result());
                List<Color> colours = new ArrayList<>();
                List<List<String>> names = new ArrayList<>();
                for (int k = 0; k < v.count(); k++) {
                    colours.add(v.colour(k));
                    names.add(List.of(v.name(k)));
                }
                MapPanel.legend(g, bar.getX(), bar.getY() + 24, colours, names, Palette.TICK);
            }
        }, panels);
    }
}
