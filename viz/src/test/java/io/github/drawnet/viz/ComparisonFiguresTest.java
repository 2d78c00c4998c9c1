package io.github.drawnet.viz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.Parameters;
import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * Runs side by side: the histories of a saved run, its continuation and a fresh start on shared
 * axes, and a sweep's output maps as small multiples.
 */
final class ComparisonFiguresTest {

    static List<EpochMetrics> epochs(int from, int to, double loss) {
        List<EpochMetrics> out = new ArrayList<>();
        for (int e = from; e <= to; e++) {
            out.add(new EpochMetrics(e, loss / e, 0.5 + 0.02 * e, 2 * loss / e, 0.5 + 0.03 * e));
        }
        return out;
    }

    // made in each test rather than once for the class: mutation testing counts only the code a test
    // runs itself as covered by it
    static ComparisonFigures.Named saved() {
        return new ComparisonFigures.Named("saved 1-10", epochs(1, 10, 0.6));
    }

    static ComparisonFigures.Named continued() {
        return new ComparisonFigures.Named("continued 11-15", epochs(11, 15, 0.6));
    }

    static ComparisonFigures.Named fresh() {
        return ComparisonFigures.Named.of("fresh 1-5", Results.history(5));
    }

    static XYSeries series(XYChart c, String name) {
        XYSeries s = c.getSeriesMap().get(name);
        assertThat(s).as("series %s among %s", name, c.getSeriesMap().keySet()).isNotNull();
        return s;
    }

    @Test
    void historyCharts_validationAccuracyAndTrainingLoss_epochsKeepTheirNumbers() {
        List<XYChart> charts = ComparisonFigures.historyCharts(List.of(saved(), continued(), fresh()));
        XYChart acc = charts.get(0);
        XYChart loss = charts.get(1);
        assertThat(acc.getSeriesMap().keySet()).containsExactly("saved 1-10", "continued 11-15", "fresh 1-5");
        assertThat(series(acc, "continued 11-15").getXData()).containsExactly(11.0, 12.0, 13.0, 14.0, 15.0);
        assertThat(series(acc, "continued 11-15").getYData()).containsExactly(continued().epochs().stream()
                .mapToDouble(EpochMetrics::validationAccuracy).toArray());
        assertThat(series(loss, "fresh 1-5").getYData()).containsExactly(fresh().epochs().stream()
                .mapToDouble(EpochMetrics::trainLoss).toArray());
        assertThat(acc.getStyler().isYAxisLogarithmic()).isFalse();
        assertThat(loss.getStyler().isYAxisLogarithmic()).isTrue();
        assertThat(acc.getTitle()).isEqualTo("Validation accuracy");
        assertThat(loss.getTitle()).isEqualTo("Training loss (log scale)");
    }

    @Test
    void historyCharts_logLossAxis_dropsNonPositiveAndNonFiniteLosses_accuracyKeepsThem() {
        ComparisonFigures.Named odd = new ComparisonFigures.Named("odd", List.of(new EpochMetrics(1, 0.5, 0.6, 0.5, 0.6),
                new EpochMetrics(2, 0.0, 0.7, 0.4, 0.7), new EpochMetrics(3, Double.NaN, 0.8, 0.3, 0.8),
                new EpochMetrics(4, 0.25, 0.9, 0.2, 0.9)));
        List<XYChart> charts = ComparisonFigures.historyCharts(List.of(odd));
        assertThat(series(charts.get(1), "odd").getXData()).containsExactly(1.0, 4.0);
        assertThat(series(charts.get(0), "odd").getXData()).containsExactly(1.0, 2.0, 3.0, 4.0);
    }

    @Test
    void historyCharts_eachRunItsColourAndDashes_sameInBothCharts() {
        List<ComparisonFigures.Named> five = List.of(saved(), continued(), fresh(), new ComparisonFigures.Named("four",
                epochs(1, 3, 0.5)), new ComparisonFigures.Named("five", epochs(1, 3, 0.4)));
        List<XYChart> charts = ComparisonFigures.historyCharts(five);
        float[][] dashes = {null, {7f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}, null};
        for (XYChart c : charts) {
            for (int i = 0; i < five.size(); i++) {
                XYSeries s = series(c, five.get(i).label());
                assertThat(s.getLineColor()).isEqualTo(ComparisonFigures.colour(i, 5));
                assertThat(s.getLineStyle().getDashArray()).isEqualTo(dashes[i]);
            }
        }
    }

    @Test
    void colour_oneRun_trainingBlue_severalSpreadOverTheDarkerHalfOfTheScale() {
        assertThat(ComparisonFigures.colour(0, 1)).isEqualTo(Palette.TRAIN);
        assertThat(ComparisonFigures.colour(0, 3)).isEqualTo(Palette.sequential(0.4));
        assertThat(ComparisonFigures.colour(1, 3)).isEqualTo(Palette.sequential(0.7));
        assertThat(ComparisonFigures.colour(2, 3)).isEqualTo(Palette.sequential(1.0));
        assertThat(ComparisonFigures.colour(1, 2)).isEqualTo(Palette.sequential(1.0));
    }

    @Test
    void historyCharts_fewRuns_legendInsideThePlot() {
        List<XYChart> charts = ComparisonFigures.historyCharts(List.of(saved(), continued(), fresh()));
        assertThat(charts.get(0).getStyler().getLegendPosition()).isEqualTo(Styler.LegendPosition.InsideSE);
        assertThat(charts.get(1).getStyler().getLegendPosition()).isEqualTo(Styler.LegendPosition.InsideNE);
        assertThat(charts.get(0).getHeight()).isEqualTo(400);
    }

    @Test
    void historyCharts_manyRuns_legendBelow_chartsTallerByARowPerTwoRuns() {
        ComparisonFigures.Named other = new ComparisonFigures.Named("other", epochs(1, 3, 0.5));
        List<ComparisonFigures.Named> four = List.of(saved(), continued(), fresh(), other);
        List<XYChart> charts = ComparisonFigures.historyCharts(four);
        assertThat(charts).allSatisfy(c -> {
            assertThat(c.getStyler().getLegendPosition()).isEqualTo(Styler.LegendPosition.OutsideS);
            assertThat(c.getHeight()).isEqualTo(400 + 2 * 18);
        });
        List<ComparisonFigures.Named> five = List.of(saved(), continued(), fresh(), other,
                new ComparisonFigures.Named("fifth", epochs(1, 3, 0.4)));
        assertThat(ComparisonFigures.historyCharts(five).get(0).getHeight()).isEqualTo(400 + 3 * 18);
        assertThat(ComparisonFigures.histories("h", "t", five).height()).isEqualTo(400 + 3 * 18 + 30);
    }

    @Test
    void histories_figure_titleThenAccuracyLeftAndLossRight() {
        Figure f = ComparisonFigures.histories("continue-vs-fresh", "Saved, continued, fresh", List.of(saved(), fresh()));
        assertThat(f.name()).isEqualTo("continue-vs-fresh");
        assertThat(f.width()).isEqualTo(1040);
        assertThat(f.height()).isEqualTo(430);
        Svg svg = Svg.of(f);
        Svg.Text title = svg.text("Saved, continued, fresh");
        assertThat(title.x()).isEqualTo(12);
        assertThat(title.y()).isEqualTo(20);
        assertThat(title.style().bold()).isTrue();
        assertThat(title.style().fill()).isEqualTo(Palette.INK);
        Color saved = ComparisonFigures.colour(0, 2);
        Color fresh = ComparisonFigures.colour(1, 2);
        // markers: 10 and 5 epochs, plus one in each legend; every chart below the title
        assertThat(svg.ellipses.stream().filter(e -> saved.equals(e.style().fill()) && e.cx() < 520)).hasSize(11)
                .allSatisfy(e -> assertThat(e.cy()).isGreaterThan(30));
        assertThat(svg.ellipses.stream().filter(e -> fresh.equals(e.style().fill()) && e.cx() >= 520)).hasSize(6);
    }

    /** A run whose output is dark above x2 = 0.5, or below it when {@code flipped}. */
    static ExperimentResult run(boolean flipped) {
        float s = flipped ? -1 : 1;
        Parameters p = new Parameters(List.of(LayerParameters.of(new float[][] {{0f, 20f * s}}, new float[] {-10f * s})));
        return Results.builder().spec(Results.LOGISTIC, p).gridResolution(9).build();
    }

    @Test
    void maps_eachCellShowsItsRunsOutput_titledWithItsAccuracy() {
        ExperimentResult up = run(false);
        ExperimentResult down = run(true);
        Figure f = ComparisonFigures.maps("sweep", "A sweep", List.of(new ComparisonFigures.Run("up", up),
                new ComparisonFigures.Run("down", down)));
        assertThat(f.panels().keySet()).containsExactlyInAnyOrder("cell-1", "cell-2");
        BufferedImage image = FigureWriter.toImage(f);
        // the scheme's blue where a run says class 1 (p near 1), its orange where it says class 0 (p near 0);
        // 8 of 255 allows the bilinear scaling of the 9 x 9 grid and p of 0.9997, not 1
        assertThat(Colours.distance(Colours.at(image, f.pixel("cell-1", 0.5, 0.9)), Palette.POSITIVE)).isLessThan(8);
        assertThat(Colours.distance(Colours.at(image, f.pixel("cell-1", 0.5, 0.1)), Palette.NEGATIVE)).isLessThan(8);
        assertThat(Colours.distance(Colours.at(image, f.pixel("cell-2", 0.5, 0.9)), Palette.NEGATIVE)).isLessThan(8);
        assertThat(Colours.distance(Colours.at(image, f.pixel("cell-2", 0.5, 0.1)), Palette.POSITIVE)).isLessThan(8);
        Svg svg = Svg.of(f);
        svg.text(String.format(java.util.Locale.ROOT, "up: %.4f", up.test().accuracy()));
        svg.text(String.format(java.util.Locale.ROOT, "down: %.4f", down.test().accuracy()));
        Svg.Text title = svg.text("A sweep");
        assertThat(title.x()).isEqualTo(12);
        assertThat(title.y()).isEqualTo(22);
        assertThat(title.style().fontSize()).isEqualTo(15);
        assertThat(title.style().bold()).isTrue();
        assertThat(title.style().fill()).isEqualTo(Palette.INK);
    }

    static double luminance(BufferedImage image, Point2D p) {
        return Palette.luminance(new Color(image.getRGB((int) p.getX(), (int) p.getY())));
    }

    @Test
    void maps_fiveRuns_fourPerRow_oneSharedColourBarRightOfTheCells() {
        ExperimentResult r = run(false);
        List<ComparisonFigures.Run> runs = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            runs.add(new ComparisonFigures.Run("run " + i, r));
        }
        Figure f = ComparisonFigures.maps("sweep", "Five", runs);
        assertThat(f.width()).isEqualTo(4 * 300 + 110);
        assertThat(f.height()).isEqualTo(2 * 290 + 40);
        assertThat(f.panels().get("cell-4")).isEqualTo(MapPanel.plotArea(new Rectangle2D.Double(900, 40, 300, 290),
                false));
        assertThat(f.panels().get("cell-5")).isEqualTo(MapPanel.plotArea(new Rectangle2D.Double(0, 330, 300, 290),
                false));
        Svg svg = Svg.of(f);
        // one bar of 64 steps at x = 1210, from below the title (64) to above the first row's bottom margin (290)
        List<Svg.Rect> bar = MapPanelTest.barSteps(svg, 4 * 300 + 10);
        assertThat(bar).hasSize(64);
        assertThat(bar.get(63).y()).isEqualTo(40 + 24);
        assertThat(bar.get(0).maxY() - 0.6).isCloseTo(40 + 290 - 40, org.assertj.core.api.Assertions.within(1e-9));
        svg.text("probability of class 1");
        // no other colour bar
        assertThat(svg.rects.stream().filter(rect -> rect.width() == 14 && rect.style().fill() != null)).hasSize(64);
    }

    @Test
    void maps_twoRuns_twoColumns() {
        ExperimentResult r = run(false);
        Figure f = ComparisonFigures.maps("sweep", "Two", List.of(new ComparisonFigures.Run("a", r),
                new ComparisonFigures.Run("b", r)));
        assertThat(f.width()).isEqualTo(2 * 300 + 110);
        assertThat(f.height()).isEqualTo(290 + 40);
        assertThat(f.panels().get("cell-2")).isEqualTo(MapPanel.plotArea(new Rectangle2D.Double(300, 40, 300, 290),
                false));
    }
}
