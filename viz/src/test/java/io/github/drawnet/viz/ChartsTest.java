package io.github.drawnet.viz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.History;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The data behind the plots with axes: which points go in which series, which epochs are drawn, which axis. */
final class ChartsTest {

    static XYSeries series(XYChart chart, String name) {
        XYSeries s = chart.getSeriesMap().get(name);
        assertThat(s).as("series '%s' among %s", name, chart.getSeriesMap().keySet()).isNotNull();
        return s;
    }

    @Test
    void scatter_splitsByValue_halfCountsPositive_negativesDrawnFirst() {
        double[] x1 = {0.1, 0.2, 0.3, 0.4, 0.5};
        double[] x2 = {0.9, 0.8, 0.7, 0.6, 0.5};
        double[] value = {1, 0, 0.5, 0.49, 0};
        XYChart c = Charts.scatter("t", x1, x2, value, "label 1", "label 0", 500, 500);
        // negatives first, so the positive points are drawn on top
        // each named by its colour first: the scheme's blue for label 1, its orange for label 0
        assertThat(c.getSeriesMap().keySet()).containsExactly("orange: label 0 (3)", "blue: label 1 (2)");
        assertThat(series(c, "blue: label 1 (2)").getXData()).containsExactly(0.1, 0.3);
        assertThat(series(c, "blue: label 1 (2)").getYData()).containsExactly(0.9, 0.7);
        assertThat(series(c, "orange: label 0 (3)").getXData()).containsExactly(0.2, 0.4, 0.5);
        assertThat(series(c, "orange: label 0 (3)").getYData()).containsExactly(0.8, 0.6, 0.5);
        assertThat(series(c, "blue: label 1 (2)").getMarkerColor()).isEqualTo(Palette.POSITIVE);
        assertThat(series(c, "orange: label 0 (3)").getMarkerColor()).isEqualTo(Palette.NEGATIVE);
        assertThat(c.getStyler().getXAxisMin()).isEqualTo(0.0);
        assertThat(c.getStyler().getXAxisMax()).isEqualTo(1.0);
        assertThat(c.getStyler().getYAxisMin()).isEqualTo(0.0);
        assertThat(c.getStyler().getYAxisMax()).isEqualTo(1.0);
        assertThat(c.getWidth()).isEqualTo(500);
    }

    @Test
    void scatter_manyPoints_everyKthDrawn_countsOfAll_titleSaysSo() {
        int n = Charts.MAX_SCATTER_POINTS * 5 + 3; // stride 6
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] value = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = i / (double) n;
            x2[i] = 0.5;
            value[i] = i % 4 == 0 ? 1 : 0;
        }
        XYChart c = Charts.scatter("Training data", x1, x2, value, "label 1", "label 0", 500, 500);
        assertThat(c.getTitle()).isEqualTo("Training data, every 6th point drawn");
        int positives = (n + 3) / 4;
        XYSeries pos = series(c, "blue: label 1 (" + positives + ")");
        XYSeries neg = series(c, "orange: label 0 (" + (n - positives) + ")");
        assertThat(pos.getXData().length + neg.getXData().length).isEqualTo((n + 5) / 6).isLessThanOrEqualTo(
                Charts.MAX_SCATTER_POINTS);
        assertThat(pos.getXData()[1]).isEqualTo(x1[12]); // 0, 12, 24... are both every 6th and every 4th
        // at the limit, every point
        XYChart all = Charts.scatter("t", java.util.Arrays.copyOf(x1, Charts.MAX_SCATTER_POINTS),
                java.util.Arrays.copyOf(x2, Charts.MAX_SCATTER_POINTS), value, "p", "q", 300, 300);
        assertThat(all.getTitle()).isEqualTo("t");
    }

    @Test
    void scatter_oneClassOnly_noEmptySeries() {
        XYChart positives = Charts.scatter("t", new double[] {0.5}, new double[] {0.5}, new double[] {1}, "p", "n", 300,
                300);
        assertThat(positives.getSeriesMap().keySet()).containsExactly("blue: p (1)");
        XYChart negatives = Charts.scatter("t", new double[] {0.5}, new double[] {0.5}, new double[] {0}, "p", "n", 300,
                300);
        assertThat(negatives.getSeriesMap().keySet()).containsExactly("orange: n (1)");
    }

    @Test
    void accuracy_trainingSolid_validationDashed_everyEpoch() {
        History h = Results.history(4);
        XYChart c = Charts.accuracy(h, 520, 400);
        XYSeries train = series(c, "Training accuracy");
        XYSeries val = series(c, "Validation accuracy");
        assertThat(train.getXData()).containsExactly(1.0, 2.0, 3.0, 4.0);
        assertThat(train.getYData()).containsExactly(h.epochs().stream().mapToDouble(EpochMetrics::trainAccuracy)
                .toArray());
        assertThat(val.getYData()).containsExactly(h.epochs().stream().mapToDouble(EpochMetrics::validationAccuracy)
                .toArray());
        assertThat(train.getLineColor()).isEqualTo(Palette.TRAIN);
        assertThat(val.getLineColor()).isEqualTo(Palette.VALIDATION);
        assertThat(train.getLineStyle().getDashArray()).isNull();
        assertThat(val.getLineStyle().getDashArray()).containsExactly(6f, 4f);
        assertThat(train.getLineStyle().getLineWidth()).isEqualTo(2f);
        assertThat(c.getStyler().isYAxisLogarithmic()).isFalse();
    }

    @Test
    void loss_finitePositiveLosses_logAxis_bothCurves() {
        History h = Results.history(3);
        XYChart c = Charts.loss(h, 520, 400);
        assertThat(c.getStyler().isYAxisLogarithmic()).isTrue();
        assertThat(series(c, "Training loss").getYData()).containsExactly(h.epochs().stream()
                .mapToDouble(EpochMetrics::trainLoss).toArray());
        assertThat(series(c, "Validation loss").getYData()).containsExactly(h.epochs().stream()
                .mapToDouble(EpochMetrics::validationLoss).toArray());
        assertThat(series(c, "Validation loss").getLineStyle().getDashArray()).isNotNull();
    }

    static History diverged() {
        // the loss explodes at epoch 3 and is NaN at 4, where training stopped
        return new History(List.of(new EpochMetrics(1, 0.6, 0.7, 0.65, 0.68), new EpochMetrics(2, 2.5, 0.6, 3.0, 0.55),
                new EpochMetrics(3, Double.POSITIVE_INFINITY, 0.5, 1e30, 0.5),
                new EpochMetrics(4, Double.NaN, 0.5, Double.NaN, 0.5)));
    }

    @Test
    void loss_divergedRun_linearAxis_nonFiniteValuesDropped() {
        XYChart c = Charts.loss(diverged(), 520, 400);
        assertThat(c.getStyler().isYAxisLogarithmic()).isFalse();
        assertThat(series(c, "Training loss").getXData()).containsExactly(1.0, 2.0);
        assertThat(series(c, "Training loss").getYData()).containsExactly(0.6, 2.5);
        assertThat(series(c, "Validation loss").getXData()).containsExactly(1.0, 2.0, 3.0);
        assertThat(series(c, "Validation loss").getYData()).containsExactly(0.65, 3.0, 1e30);
    }

    @Test
    void loss_zeroLoss_linearAxis_sinceZeroHasNoLogarithm() {
        History train0 = new History(List.of(new EpochMetrics(1, 0.5, 0.7, 0.4, 0.7), new EpochMetrics(2, 0.0, 1, 0.1,
                0.9)));
        assertThat(Charts.loss(train0, 520, 400).getStyler().isYAxisLogarithmic()).isFalse();
        History val0 = new History(List.of(new EpochMetrics(1, 0.5, 0.7, 0.4, 0.7), new EpochMetrics(2, 0.1, 1, 0.0,
                0.9)));
        assertThat(Charts.loss(val0, 520, 400).getStyler().isYAxisLogarithmic()).isFalse();
    }

    @Test
    void series_allValuesNonFinite_noSeriesAtAll() {
        XYChart c = Charts.loss(new History(List.of(new EpochMetrics(1, Double.NaN, 0.5, Double.NaN, 0.5))), 520, 400);
        assertThat(c.getSeriesMap()).isEmpty();
    }

    @Test
    void series_positiveOnly_dropsZeroAndNegative_keepsEpochNumbers() {
        XYChart c = Charts.loss(Results.history(1), 520, 400);
        List<EpochMetrics> epochs = List.of(new EpochMetrics(1, 0.5, 0, 0, 0), new EpochMetrics(2, 0.0, 0, 0, 0),
                new EpochMetrics(3, -1, 0, 0, 0), new EpochMetrics(4, 0.25, 0, 0, 0));
        Charts.series(c, "positive", epochs, EpochMetrics::trainLoss, true, Color.RED, null);
        Charts.series(c, "all", epochs, EpochMetrics::trainLoss, false, Color.RED, null);
        assertThat(series(c, "positive").getXData()).containsExactly(1.0, 4.0);
        assertThat(series(c, "all").getXData()).containsExactly(1.0, 2.0, 3.0, 4.0);
        assertThat(series(c, "all").getLineColor()).isEqualTo(Color.RED);
        assertThat(series(c, "all").getMarkerColor()).isEqualTo(Color.RED);
    }

    @Test
    void series_markersWhileFew_upTo30Points_noneBeyond() {
        XYChart c = Charts.accuracy(Results.history(30), 520, 400);
        assertThat(series(c, "Training accuracy").getMarker()).isEqualTo(SeriesMarkers.CIRCLE);
        XYChart many = Charts.accuracy(Results.history(31), 520, 400);
        assertThat(series(many, "Training accuracy").getMarker()).isEqualTo(SeriesMarkers.NONE);
    }

    @Test
    void series_dash_givenPatternKept() {
        XYChart c = Charts.accuracy(Results.history(2), 520, 400);
        List<EpochMetrics> epochs = new ArrayList<>(Results.history(2).epochs());
        Charts.series(c, "dashed", epochs, EpochMetrics::trainLoss, false, Color.BLUE, new float[] {2f, 3f});
        BasicStroke s = series(c, "dashed").getLineStyle();
        assertThat(s.getDashArray()).containsExactly(2f, 3f);
        assertThat(s.getLineWidth()).isEqualTo(2f);
    }
}
