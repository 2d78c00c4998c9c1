package io.github.drawnet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The confusion counts, accuracy, balanced accuracy and positive share of {@link Evaluation}, worked
 * out by hand. Predictions stay clear of the 0.5 threshold: where exactly it lies is the subject of
 * the threshold tests.
 */
final class EvaluationCountsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // 3 positives (2 found), 5 negatives (1 false alarm)
                Arguments.of("mixed", new double[] {1, 1, 1, 0, 0, 0, 0, 0},
                        new float[] {0.9f, 0.8f, 0.2f, 0.7f, 0.1f, 0.1f, 0.1f, 0.3f},
                        2, 4, 1, 1, 6 / 8.0, (2 / 3.0 + 4 / 5.0) / 2, 3 / 8.0),
                // no negative point: its recall counts as perfect
                Arguments.of("positives only", new double[] {1, 1}, new float[] {0.9f, 0.2f},
                        1, 0, 0, 1, 0.5, (0.5 + 1) / 2, 1.0),
                // no positive point: its recall counts as perfect
                Arguments.of("negatives only", new double[] {0, 0, 0}, new float[] {0.9f, 0.1f, 0.1f},
                        0, 2, 1, 0, 2 / 3.0, (1 + 2 / 3.0) / 2, 0.0),
                // always "negative" on a small region: accuracy looks good, balanced accuracy does not
                Arguments.of("always negative", new double[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                        new float[] {0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f},
                        0, 9, 0, 1, 0.9, 0.5, 0.1),
                // soft labels: positive when y >= 0.5 for the counts, never "correct" for the accuracy
                Arguments.of("soft labels", new double[] {0.8, 0.3, 0.7, 0.2}, new float[] {0.9f, 0.8f, 0.1f, 0.1f},
                        1, 1, 1, 1, 0.0, 0.5, 0.5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void of_labelsAndPredictions_countsAsWorkedOut(String name, double[] labels, float[] p, long tp, long tn,
            long fp, long fn, double accuracy, double balanced, double positiveShare) {
        Evaluation e = Evaluation.of(p, Dataset.of(new double[labels.length], new double[labels.length], labels));
        assertThat(e.count()).isEqualTo(labels.length);
        assertThat(e.truePositives()).as("tp").isEqualTo(tp);
        assertThat(e.trueNegatives()).as("tn").isEqualTo(tn);
        assertThat(e.falsePositives()).as("fp").isEqualTo(fp);
        assertThat(e.falseNegatives()).as("fn").isEqualTo(fn);
        assertThat(e.accuracy()).as("accuracy").isCloseTo(accuracy, within(1e-12));
        assertThat(e.balancedAccuracy()).as("balanced accuracy").isCloseTo(balanced, within(1e-12));
        assertThat(e.positiveShare()).as("positive share").isCloseTo(positiveShare, within(1e-12));
    }

    @Test
    void of_noPoints_lossAndAccuracyNaN_countsZero() {
        Evaluation e = Evaluation.of(new float[0], Dataset.of(new double[0], new double[0], new double[0]));
        assertThat(e.count()).isZero();
        assertThat(e.loss()).isNaN();
        assertThat(e.accuracy()).isNaN();
        assertThat(e.truePositives() + e.trueNegatives() + e.falsePositives() + e.falseNegatives()).isZero();
        assertThat(e.positiveShare()).isZero();
        assertThat(e.balancedAccuracy()).isEqualTo(1.0);
    }

    @Test
    void of_predictionsForOtherPoints_refusedWithBothCounts() {
        Dataset two = Dataset.of(new double[] {0, 1}, new double[] {0, 1}, new double[] {0, 1});
        assertThatThrownBy(() -> Evaluation.of(new float[] {0.1f, 0.2f, 0.3f}, two))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("3 predictions for 2 points");
    }

    @Test
    void binaryCrossEntropy_knownValues_nanStaysNaN() {
        assertThat(Evaluation.binaryCrossEntropy(0.5, 1)).isCloseTo(Math.log(2), within(1e-15));
        assertThat(Evaluation.binaryCrossEntropy(0.25, 0)).isCloseTo(-Math.log(0.75), within(1e-15));
        assertThat(Evaluation.binaryCrossEntropy(1.0, 0.0)).isEqualTo(100.0); // log(0) clamped at -100
        assertThat(Evaluation.binaryCrossEntropy(Double.NaN, 1.0)).isNaN();
    }
}
