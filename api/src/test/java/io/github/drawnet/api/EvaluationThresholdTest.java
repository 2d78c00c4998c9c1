package io.github.drawnet.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where the 0.5 threshold lies: a probability of exactly 0.5 predicts the positive class, as the
 * notebook's accuracy counts it ({@code (p >= 0.5) == y}), and every figure follows the same rule.
 */
final class EvaluationThresholdTest {

    @ParameterizedTest(name = "p = {0} -> {1}")
    @CsvSource({
        "0.5, true",
        "0.50000006, true", // the next float above 0.5
        "0.49999997, false", // the next float below 0.5
        "1.0, true",
        "0.0, false",
        "NaN, false"
    })
    void predictsPositive_atAndAroundHalf_positiveFromHalfOn(float p, boolean positive) {
        assertThat(Evaluation.predictsPositive(p)).isEqualTo(positive);
    }

    @ParameterizedTest(name = "p = 0.5, label {0}")
    @CsvSource({
        // a positive point at exactly 0.5 is found: correct, a true positive
        "1, 1.0, 1, 0, 0, 0",
        // a negative point at exactly 0.5 is a false alarm: wrong, a false positive
        "0, 0.0, 0, 0, 1, 0"
    })
    void of_predictionExactlyHalf_countsAsPositive(double label, double accuracy, long tp, long tn, long fp,
            long fn) {
        Evaluation e = Evaluation.of(new float[] {0.5f}, Dataset.of(new double[] {0.3}, new double[] {0.5},
                new double[] {label}));
        assertThat(e.accuracy()).as("accuracy").isEqualTo(accuracy);
        assertThat(e.truePositives()).as("tp").isEqualTo(tp);
        assertThat(e.trueNegatives()).as("tn").isEqualTo(tn);
        assertThat(e.falsePositives()).as("fp").isEqualTo(fp);
        assertThat(e.falseNegatives()).as("fn").isEqualTo(fn);
    }

    @ParameterizedTest(name = "label {0}")
    @CsvSource({"0.5, 1, 0", "0.49, 0, 1"})
    void of_softLabelAtHalf_countsAsPositivePoint(double label, long tp, long fp) {
        // the labels follow the same rule: a soft label of exactly 0.5 is a positive point
        Evaluation e = Evaluation.of(new float[] {0.9f}, Dataset.of(new double[] {0.3}, new double[] {0.5},
                new double[] {label}));
        assertThat(e.truePositives()).as("tp").isEqualTo(tp);
        assertThat(e.falsePositives()).as("fp").isEqualTo(fp);
    }
}
