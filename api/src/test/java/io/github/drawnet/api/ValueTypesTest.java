package io.github.drawnet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class ValueTypesTest {

    static Stream<Arguments> badConfigs() {
        TrainingConfig nb = TrainingConfig.notebook();
        return Stream.of(
                Arguments.of((Runnable) () -> nb.withLearningRate(0), "learning rate must be a finite number > 0, got 0"),
                Arguments.of((Runnable) () -> nb.withLearningRate(-0.5), "learning rate must be a finite number > 0, got -0.5"),
                Arguments.of((Runnable) () -> nb.withLearningRate(Double.NaN), "learning rate must be a finite number > 0, got NaN"),
                Arguments.of((Runnable) () -> nb.withLearningRate(Double.POSITIVE_INFINITY),
                        "learning rate must be a finite number > 0, got Infinity"),
                Arguments.of((Runnable) () -> nb.withBatchSize(0), "batch size must be in [1, 1000000], got 0"),
                Arguments.of((Runnable) () -> nb.withEpochs(0), "epochs must be in [1, 100000], got 0"),
                Arguments.of((Runnable) () -> nb.withWeightDecay(-1), "weight decay must be a finite number >= 0, got -1"),
                Arguments.of((Runnable) () -> nb.withL1(-1), "l1 penalty must be a finite number >= 0, got -1"),
                Arguments.of((Runnable) () -> nb.withL1(Double.NaN), "l1 penalty must be a finite number >= 0, got NaN"),
                Arguments.of((Runnable) () -> NetworkSpec.notebook().withHidden(List.of(0)),
                        "hidden units per layer must be in [1, 256], got 0"),
                Arguments.of((Runnable) () -> NetworkSpec.notebook().withHidden(List.of(100000)),
                        "hidden units per layer must be in [1, 256], got 100000"),
                Arguments.of((Runnable) () -> NetworkSpec.notebook().withHidden(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1)),
                        "hidden allows at most 8 layers, got 9"),
                Arguments.of((Runnable) () -> NetworkSpec.notebook().withInputs(List.of()),
                        "the network needs at least one input feature, got none"),
                Arguments.of((Runnable) () -> NetworkSpec.notebook().withInputs(List.of(Feature.X1, Feature.X1)),
                        "input features must be distinct, got [x1, x1]"),
                Arguments.of((Runnable) () -> new SampleSizes(0, 1, 1), "training set size must be in [1, 1000000], got 0"),
                Arguments.of((Runnable) () -> Activation.fromId("softmax"),
                        "unknown activation 'softmax'; valid: sigmoid, tanh, relu, linear"),
                Arguments.of((Runnable) () -> Optimizer.fromId("rmsprop"), "unknown optimizer 'rmsprop'; valid: adam, sgd"),
                Arguments.of((Runnable) () -> Feature.fromId("x3"),
                        "unknown feature 'x3'; valid: x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badConfigs")
    void constructor_badValue_rejectedNamingValueAndRange(Runnable make, String message) {
        assertThatThrownBy(make::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void trainingConfig_toString_printsEveryHyperparameter() {
        assertThat(TrainingConfig.notebook().toString())
                .isEqualTo("TrainingConfig[optimizer=adam, learningRate=0.01, batchSize=24, epochs=100, weightDecay=0.0,"
                        + " l1=0.0, seed=0, shuffle=true]");
    }

    @Test
    void networkSpec_notebook_describesLikePyTorchPrint() {
        NetworkSpec nb = NetworkSpec.notebook();
        assertThat(nb.parameterCount()).isEqualTo(17);
        assertThat(nb.layerWidths()).containsExactly(2, 4, 1);
        assertThat(nb.describe()).contains("(hidden): Linear(in_features=2, out_features=4, bias=True) -> sigmoid")
                .contains("(output): Linear(in_features=4, out_features=1, bias=True) -> sigmoid");
    }

    @Test
    void features_centredTransforms_asDocumented() {
        assertThat(Feature.X1.apply(0.25, 0.5)).isEqualTo(0.25);
        assertThat(Feature.X1_SQUARED.apply(0.25, 0.5)).isEqualTo(0.25); // u = -0.5
        assertThat(Feature.X2_SQUARED.apply(0.25, 1.0)).isEqualTo(1.0); // v = 1
        assertThat(Feature.X1_TIMES_X2.apply(0.0, 1.0)).isEqualTo(-1.0);
        assertThat(Feature.SIN_X1.apply(0.75, 0)).isCloseTo(1.0, within(1e-12)); // sin(pi/2)
        assertThat(Feature.SIN_X2.apply(0, 0.5)).isCloseTo(0.0, within(1e-12));
        assertThat(Feature.fromId("x1²")).isEqualTo(Feature.X1_SQUARED);
        float[] m = Feature.matrix(List.of(Feature.X2, Feature.X1_TIMES_X2), new double[] {0, 1}, new double[] {1, 1});
        assertThat(m).containsExactly(1f, -1f, 1f, 1f);
    }

    @Test
    void batchOrder_shuffledPermutation_dependsOnSeedAndEpochOnly() {
        int[] a = BatchOrder.forEpoch(5, 1, 100, true);
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 100; i++) {
            assertThat(sorted[i]).isEqualTo(i);
        }
        assertThat(BatchOrder.forEpoch(5, 1, 100, true)).isEqualTo(a);
        assertThat(BatchOrder.forEpoch(5, 2, 100, true)).isNotEqualTo(a);
        assertThat(BatchOrder.forEpoch(6, 1, 100, true)).isNotEqualTo(a);
        assertThat(BatchOrder.forEpoch(5, 1, 4, false)).containsExactly(0, 1, 2, 3);
        assertThat(BatchOrder.batchCount(5000, 24)).isEqualTo(209);
    }

    @Test
    void evaluation_countsAsNotebook_andBalancedAccuracy() {
        Dataset d = Dataset.of(new double[] {0, 0, 0, 0}, new double[] {0, 0, 0, 0}, new double[] {1, 0, 0, 0});
        Evaluation allNegative = Evaluation.of(new float[] {0.1f, 0.1f, 0.1f, 0.1f}, d);
        assertThat(allNegative.accuracy()).isEqualTo(0.75);
        assertThat(allNegative.balancedAccuracy()).isEqualTo(0.5);
        assertThat(allNegative.loss()).isCloseTo((-Math.log(0.1f) - 3 * Math.log(1 - (double) 0.1f)) / 4, within(1e-7));
        // the notebook's soft labels: an edge point can never count as correct
        Dataset soft = Dataset.of(new double[] {0}, new double[] {0}, new double[] {0.6});
        assertThat(Evaluation.of(new float[] {0.9f}, soft).accuracy()).isZero();
        // PyTorch's BCELoss clamps each log at -100
        assertThat(Evaluation.binaryCrossEntropy(0.0, 1.0)).isEqualTo(100.0);
    }

    @Test
    void binaryCrossEntropyOfLogit_stableForAnyLogit_sameAsFromProbabilityWhereThatIsExact() {
        assertThat(Evaluation.binaryCrossEntropyOfLogit(0, 1)).isCloseTo(Math.log(2), within(1e-15));
        assertThat(Evaluation.binaryCrossEntropyOfLogit(2, 0)).isCloseTo(Evaluation.binaryCrossEntropy(
                1 / (1 + Math.exp(-2)), 0), within(1e-12));
        assertThat(Evaluation.binaryCrossEntropyOfLogit(-3, 1)).isCloseTo(3.048587351573742, within(1e-12));
        assertThat(Evaluation.binaryCrossEntropyOfLogit(1e29, 0)).isEqualTo(1e29);   // not clamped at 100
        assertThat(Evaluation.binaryCrossEntropyOfLogit(1e29, 1)).isZero();
        assertThat(Evaluation.binaryCrossEntropyOfLogit(-50, 0.25)).isCloseTo(12.5, within(1e-12));
        assertThat(Evaluation.binaryCrossEntropyOfLogit(Double.POSITIVE_INFINITY, 1)).isZero();
        assertThat(Evaluation.binaryCrossEntropyOfLogit(Double.POSITIVE_INFINITY, 0)).isInfinite();
        assertThat(Evaluation.binaryCrossEntropyOfLogit(Double.NEGATIVE_INFINITY, 0)).isZero();
        assertThat(Evaluation.binaryCrossEntropyOfLogit(Double.NEGATIVE_INFINITY, 1)).isInfinite();
        assertThat(Evaluation.binaryCrossEntropyOfLogit(Double.NaN, 1)).isNaN();
    }

    @Test
    void evaluationOfAPass_lossFromItsLogits_accuracyFromItsProbabilities() {
        Dataset d = Dataset.of(new double[] {0, 0}, new double[] {0, 0}, new double[] {0, 1});
        // a saturated float probability: 1.0f, from a logit of 40
        Evaluation e = Evaluation.of(new ForwardPass(new float[] {1f, 0.4f}, List.of(), new float[] {40f, -0.4054651f}), d);
        assertThat(e.loss()).isCloseTo((40 + 0.9162907318741551) / 2, within(1e-6));
        assertThat(e.accuracy()).isZero();
        assertThat(e.falsePositives()).isEqualTo(1);
        assertThat(e.falseNegatives()).isEqualTo(1);
    }

    @Test
    void dataset_pointsOutsideUnitSquare_rejectedNamingIndex() {
        assertThatThrownBy(() -> Dataset.of(new double[] {0.5, 1.5}, new double[] {0, 0}, new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x1[1] must be in [0, 1], got 1.5");
    }

    @Test
    void grid_rowZeroIsBottom_asNotebookOriginLower() {
        Dataset g = Dataset.grid(256);
        assertThat(g.x1(0)).isZero();
        assertThat(g.x2(0)).isZero();
        assertThat(g.x1(255)).isEqualTo(1.0);
        assertThat(g.x2(255 * 256)).isEqualTo(1.0);
    }

    @Test
    void history_mustBeNumberedWithoutGaps() {
        EpochMetrics e2 = new EpochMetrics(2, 0.5, 0.5, 0.5, 0.5);
        assertThatThrownBy(() -> new History(List.of(e2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("history entry 0 is numbered epoch 2");
        EpochMetrics e1 = new EpochMetrics(1, 0.69314718, 0.5012, 0.692, 0.51);
        assertThat(e1.notebookLine(100))
                .isEqualTo("Epoch 1/100 - Loss: 0.6931 - Accuracy: 0.5012 - Val_Loss: 0.6920 - Val_Accuracy: 0.5100");
    }
}
