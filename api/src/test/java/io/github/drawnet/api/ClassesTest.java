package io.github.drawnet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes beyond two in the value types: the network's outputs, class-index datasets, passes of K
 * outputs, the confusion matrix, the K-class evaluation and drawings in colours.
 */
final class ClassesTest {

    @Test
    void networkSpec_classes_outputsAndDescription() {
        NetworkSpec binary = NetworkSpec.notebook();
        assertThat(binary.classes()).isEqualTo(2);
        assertThat(binary.isBinary()).isTrue();
        assertThat(binary.outputCount()).isEqualTo(1);
        NetworkSpec four = binary.withClasses(4).withHidden(List.of(3));
        assertThat(four.isBinary()).isFalse();
        assertThat(four.layerWidths()).containsExactly(2, 3, 4);
        assertThat(four.parameterCount()).isEqualTo(2 * 3 + 3 + 3 * 4 + 4);
        assertThat(four.describe()).contains("(output): Linear(in_features=3, out_features=4, bias=True) -> Softmax(dim=1)");
        assertThat(binary.describe()).contains("out_features=1, bias=True) -> sigmoid");
        assertThat(four.withActivation(Activation.TANH).classes()).isEqualTo(4);
        assertThat(four.withInputs(Feature.NOTEBOOK).classes()).isEqualTo(4);
        assertThat(Parameters.initial(four, 3).shape()).containsExactly(2, 3, 4);
        // the binary network's initial parameters are the ones they always were: the same draws
        assertThat(Parameters.initial(binary.withClasses(2), 3)).isEqualTo(Parameters.initial(binary, 3));
        assertThatThrownBy(() -> binary.withClasses(9)).hasMessageContaining("number of classes").hasMessageContaining("9");
        assertThatThrownBy(() -> binary.withClasses(1)).hasMessageContaining("1");
        assertThat(binary.withClasses(NetworkSpec.MAX_CLASSES).outputCount()).isEqualTo(8);
    }

    @Test
    void dataset_ofClasses_labelsCountsAndChecks() {
        Dataset d = Dataset.ofClasses(new double[] {0, 0.5, 1, 1}, new double[] {0, 0.5, 1, 0}, new int[] {0, 2, 1, 2}, 3);
        assertThat(d.classCount()).isEqualTo(3);
        assertThat(d.classOf(1)).isEqualTo(2);
        assertThat(d.label(1)).isEqualTo(2.0);
        assertThat(d.classCounts()).containsExactly(1, 1, 2);
        assertThat(d.positiveShare()).isEqualTo(0.75);
        assertThat(d.select(new int[] {1, 2}).classCount()).isEqualTo(3);
        assertThat(d.select(new int[] {1, 2}).classCounts()).containsExactly(0, 1, 1);
        assertThat(d.withLabels(new double[] {1, 1, 0, 2}).classCounts()).containsExactly(1, 2, 1);
        assertThat(d).isNotEqualTo(Dataset.of(d.x1s(), d.x2s(), new double[] {0, 1, 1, 1}));
        assertThat(d.toString()).contains("3 classes").contains("[1, 1, 2]");
        assertThatThrownBy(() -> d.withLabels(new double[] {0, 0.5, 1, 1}))
                .hasMessage("label[1] must be a class index in [0, 2], got 0.5");
        assertThatThrownBy(() -> Dataset.ofClasses(new double[] {0}, new double[] {0}, new int[] {3}, 3))
                .hasMessage("label[0] must be a class index in [0, 2], got 3.0");
        assertThatThrownBy(() -> Dataset.ofClasses(new double[] {0}, new double[] {0}, new int[] {-1}, 3))
                .hasMessageContaining("got -1.0");
        assertThatThrownBy(() -> Dataset.ofClasses(new double[] {0, 1}, new double[] {0}, new int[] {0}, 3))
                .hasMessageContaining("same length");
        assertThat(d.targets()).containsExactly(1, 0, 0, /**/ 0, 0, 1, /**/ 0, 1, 0, /**/ 0, 0, 1);
        Dataset binary = Dataset.of(new double[] {0, 1}, new double[] {0, 1}, new double[] {0.25, 0.5});
        assertThat(binary.targets()).containsExactly(0.25f, 0.5f);
        assertThat(binary.classCount()).isEqualTo(2);
        assertThat(binary.classOf(0)).isZero();
        assertThat(binary.classOf(1)).isEqualTo(1);
    }

    @Test
    void forwardPass_rowsOfK_probabilityAndArgmaxOfLogits() {
        float[] p = {0.2f, 0.5f, 0.3f, 0.4f, 0.4f, 0.2f};
        // the second point's first two logits tie: the first of equals wins, as PyTorch's argmax
        float[] z = {0f, 1f, 0.5f, 2f, 2f, 1f};
        ForwardPass pass = new ForwardPass(p, List.of(), z, 3);
        assertThat(pass.count()).isEqualTo(2);
        assertThat(pass.classes()).isEqualTo(3);
        assertThat(pass.probability(0, 2)).isEqualTo(0.3f);
        assertThat(pass.predictedClasses()).containsExactly(1, 0);
        ForwardPass two = new ForwardPass(new float[] {0.5f, 0.49f}, List.of(), new float[] {0f, -0.04f});
        assertThat(two.classes()).isEqualTo(2);
        assertThat(two.probability(1, 1)).isCloseTo(0.49, within(1e-7));
        assertThat(two.probability(1, 0)).isCloseTo(0.51, within(1e-7));
        assertThat(two.predictedClasses()).containsExactly(1, 0);
        assertThatThrownBy(() -> new ForwardPass(new float[5], List.of(), new float[5], 3))
                .hasMessage("5 outputs are not rows of 3");
        assertThatThrownBy(() -> new ForwardPass(new float[4], List.of(), new float[4], 2))
                .hasMessageContaining("got 2");
        assertThatThrownBy(() -> new ForwardPass(new float[6], List.of(new LayerActivations(1, new float[3])),
                new float[6], 3)).hasMessage("hidden layer holds 3 points, output holds 2");
    }

    @Test
    void confusionMatrix_countsRecallPrecisionBalanced() {
        ConfusionMatrix m = ConfusionMatrix.count(3, new int[] {0, 0, 0, 1, 1, 2}, new int[] {0, 0, 1, 1, 2, 2});
        assertThat(m.count(0, 0)).isEqualTo(2);
        assertThat(m.count(0, 1)).isEqualTo(1);
        assertThat(m.count(1, 2)).isEqualTo(1);
        assertThat(m.total()).isEqualTo(6);
        assertThat(m.correct()).isEqualTo(4);
        assertThat(m.actual(0)).isEqualTo(3);
        assertThat(m.predicted(2)).isEqualTo(2);
        assertThat(m.recall(0)).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(m.recall(1)).isEqualTo(0.5);
        assertThat(m.precision(1)).isEqualTo(0.5);
        assertThat(m.precision(2)).isEqualTo(0.5);
        assertThat(m.recalls()).containsExactly(2 / 3.0, 0.5, 1.0);
        assertThat(m.balancedAccuracy()).isCloseTo((2 / 3.0 + 0.5 + 1) / 3, within(1e-12));
        assertThat(m).isEqualTo(ConfusionMatrix.of(3, m.counts())).hasSameHashCodeAs(ConfusionMatrix.of(3, m.counts()));
        assertThat(m.toString()).isEqualTo("ConfusionMatrix[[2, 1, 0], [0, 1, 1], [0, 0, 1]]");
        // a class with no point: its recall is NaN and the balanced accuracy leaves it out
        ConfusionMatrix absent = ConfusionMatrix.count(3, new int[] {0, 2}, new int[] {0, 1});
        assertThat(absent.recall(1)).isNaN();
        assertThat(absent.precision(2)).isNaN();
        assertThat(absent.balancedAccuracy()).isEqualTo(0.5);
        assertThat(ConfusionMatrix.count(3, new int[0], new int[0]).balancedAccuracy()).isNaN();
        assertThatThrownBy(() -> ConfusionMatrix.count(3, new int[] {3}, new int[] {0}))
                .hasMessage("actual class [0] must be in [0, 2], got 3");
        assertThatThrownBy(() -> ConfusionMatrix.count(3, new int[] {0}, new int[] {-1}))
                .hasMessage("predicted class [0] must be in [0, 2], got -1");
        assertThatThrownBy(() -> ConfusionMatrix.of(2, new long[] {1, 2, 3})).hasMessageContaining("holds 4 counts, got 3");
        assertThatThrownBy(() -> ConfusionMatrix.of(2, new long[] {1, -2, 3, 4})).hasMessage("count[1] must not be negative, got -2");
    }

    @Test
    void evaluation_threeClasses_lossAccuracyConfusionAndDrawnCounts() {
        Dataset d = Dataset.ofClasses(new double[] {0, 0, 0, 0}, new double[] {0, 0, 0, 0}, new int[] {0, 1, 2, 2}, 3);
        float[] z = {2, 0, 0, /**/ 0, 1, 0, /**/ 0, 3, 0, /**/ 0, 0, 1};
        float[] p = new float[12];
        double loss = 0;
        for (int i = 0; i < 4; i++) {
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                sum += Math.exp(z[i * 3 + k]);
            }
            for (int k = 0; k < 3; k++) {
                p[i * 3 + k] = (float) (Math.exp(z[i * 3 + k]) / sum);
            }
            loss -= Math.log(Math.exp(z[i * 3 + d.classOf(i)]) / sum);
        }
        Evaluation e = Evaluation.of(new ForwardPass(p, List.of(), z, 3), d);
        assertThat(e.loss()).isCloseTo(loss / 4, within(1e-12));
        assertThat(e.accuracy()).isEqualTo(0.75);
        assertThat(e.classes()).isEqualTo(3);
        assertThat(e.confusion().count(2, 1)).isEqualTo(1);
        assertThat(e.classAccuracies()).containsExactly(1.0, 1.0, 0.5);
        assertThat(e.balancedAccuracy()).isCloseTo(2.5 / 3, within(1e-12));
        // drawn (classes 1, 2) against background (class 0): all three drawn points predicted drawn
        assertThat(e.truePositives()).isEqualTo(3);
        assertThat(e.trueNegatives()).isEqualTo(1);
        assertThat(e.falsePositives()).isZero();
        assertThat(e.falseNegatives()).isZero();
        assertThat(e.positiveShare()).isEqualTo(0.75);
        assertThatThrownBy(() -> Evaluation.of(new ForwardPass(new float[4], List.of(), new float[4]), d))
                .hasMessageContaining("a pass of 2 classes for points of 3 classes");
        assertThatThrownBy(() -> Evaluation.of(new ForwardPass(new float[9], List.of(), new float[9], 3), d))
                .hasMessageContaining("3 predictions for 4 points");
    }

    @Test
    void evaluation_threeClasses_drawnCountsWithMistakesBothWays_andChecks() {
        // actual 0 0 1 2 2, predicted 1 0 0 2 1: one background called drawn, one drawn called background
        Dataset d = Dataset.ofClasses(new double[5], new double[5], new int[] {0, 0, 1, 2, 2}, 3);
        float[] z = {0, 1, 0, /**/ 1, 0, 0, /**/ 1, 0, 0, /**/ 0, 0, 1, /**/ 0, 1, 0};
        Evaluation e = Evaluation.of(new ForwardPass(new float[15], List.of(), z, 3), d);
        assertThat(e.trueNegatives()).isEqualTo(1);
        assertThat(e.falsePositives()).isEqualTo(1);
        assertThat(e.falseNegatives()).isEqualTo(1);
        assertThat(e.truePositives()).isEqualTo(2);
        assertThat(e.accuracy()).isEqualTo(0.4);
        assertThatThrownBy(() -> new Evaluation(3, 0.1, 0.5, 0, 0, 0, 0, e.confusion()))
                .hasMessage("the confusion matrix counts 5 points, the evaluation 3");
        // a pass's second row is read from its own place
        ForwardPass pass = new ForwardPass(new float[] {0.1f, 0.2f, 0.7f, 0.6f, 0.3f, 0.1f}, List.of(),
                new float[6], 3);
        assertThat(pass.probability(1, 0)).isEqualTo(0.6f);
        assertThat(pass.probability(1, 2)).isEqualTo(0.1f);
        assertThatThrownBy(() -> new ForwardPass(new float[6], List.of(), new float[3], 3))
                .hasMessage("3 logits for 6 outputs");
        assertThat(new ForwardPass(new float[8], List.of(), new float[8], 8).classes()).isEqualTo(8);
        assertThatThrownBy(() -> new ForwardPass(new float[9], List.of(), new float[9], 9)).hasMessageContaining("got 9");
    }

    @Test
    void valueChecks_classesOutOfRange_namedInTheMessage() {
        assertThatThrownBy(() -> Dataset.ofClasses(new double[] {1.5}, new double[] {0}, new int[] {0}, 3))
                .hasMessage("x1[0] must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> Dataset.ofClasses(new double[] {0}, new double[] {-0.5}, new int[] {0}, 3))
                .hasMessage("x2[0] must be in [0, 1], got -0.5");
        assertThatThrownBy(() -> ConfusionMatrix.count(3, new int[] {0, 1}, new int[] {0}))
                .hasMessage("2 actual classes for 1 predictions");
        assertThatThrownBy(() -> ConfusionMatrix.count(3, new int[] {0}, new int[] {3}))
                .hasMessage("predicted class [0] must be in [0, 2], got 3");
        assertThat(ConfusionMatrix.of(2, new long[] {1, 0, 0, 1})).isNotEqualTo(ConfusionMatrix.of(2, new long[] {0, 1, 0, 1}))
                .isNotEqualTo(ConfusionMatrix.of(3, new long[9])).isNotEqualTo("x");
        List<DrawingClass> classes = List.of(DrawingClass.background(), DrawingClass.ofColour(1), DrawingClass.ofColour(2));
        assertThatThrownBy(() -> Drawing.ofClasses("c", 3, 2, new int[5], classes))
                .hasMessage("a 3 x 2 drawing needs 6 class values, got 5");
        assertThatThrownBy(() -> Drawing.ofClasses("c", 1, 2, new int[2], classes)).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> new DrawingClass("x", -1)).hasMessageContaining("got 0xFFFFFFFF");
        assertThat(new DrawingClass("x", 0).rgb()).isZero();
        // a two-class drawing: coverage of exactly one half is drawn
        Drawing half = Drawing.of("h", 2, 2, new float[] {0.5f, 0.49f, 0, 1});
        assertThat(half.classOf(0, 0)).isEqualTo(1);
        assertThat(half.classOf(1, 0)).isZero();
    }

    @Test
    void experimentAndTrainer_networkOfOtherClassCount_refusedNamingBoth() {
        Dataset three = Dataset.ofClasses(new double[] {0, 0.5, 1}, new double[] {0, 0.5, 1}, new int[] {0, 1, 2}, 3);
        Drawing d = ExperimentTest.drawing();
        DataSplits data = new DataSplits(three, three, three, new Provenance(d.name(), d.sha256(), d.width(),
                d.height(), 0, new SampleSizes(3, 3, 3), LabelMode.BINARY, 0));
        assertThat(data.classCount()).isEqualTo(3);
        assertThat(data.fit(NetworkSpec.notebook()).classes()).isEqualTo(3);
        TrainingConfig config = TrainingConfig.notebook().withBatchSize(3);
        LogisticBackend backend = new LogisticBackend();
        NetworkSpec binary = new NetworkSpec(Feature.NOTEBOOK, List.of(), Activation.SIGMOID);
        assertThatThrownBy(() -> Experiment.start(backend, d, data, binary, config))
                .hasMessage("the network tells 2 classes apart but the data holds 3; use spec.withClasses(3)");
        try (Model model = backend.newModel(binary, Parameters.initial(binary, 0))) {
            assertThatThrownBy(() -> backend.newTrainer(model, config, three, three))
                    .hasMessage("a network of 2 classes cannot train on data of 3 (training) and 3 (validation) classes");
        }
        Dataset two = Dataset.of(new double[] {0}, new double[] {0}, new double[] {0});
        assertThatThrownBy(() -> new DataSplits(three, two, three, data.provenance()))
                .hasMessage("the splits must have the same classes, got 3 (training), 2 (validation) and 3 (test)");
    }

    @Test
    void crossEntropyOfLogits_stableAndEdgeCases() {
        // huge logits: no overflow, the textbook value
        assertThat(Evaluation.crossEntropyOfLogits(new float[] {1000f, 999f}, 0, 2, 1))
                .isCloseTo(1 + Math.log1p(Math.exp(-1)), within(1e-9));
        assertThat(Evaluation.crossEntropyOfLogits(new float[] {9f, 1000f, 999f, 9f}, 1, 2, 0))
                .isCloseTo(Math.log1p(Math.exp(-1)), within(1e-9));
        assertThat(Evaluation.crossEntropyOfLogits(new float[] {Float.NaN, 0f}, 0, 2, 0)).isNaN();
        assertThat(Evaluation.crossEntropyOfLogits(new float[] {Float.POSITIVE_INFINITY, 0f}, 0, 2, 0)).isZero();
        assertThat(Evaluation.crossEntropyOfLogits(new float[] {Float.POSITIVE_INFINITY, 0f}, 0, 2, 1)).isInfinite();
        assertThat(Evaluation.crossEntropyOfLogits(new float[] {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY}, 0, 2,
                0)).isInfinite();
        assertThat(Evaluation.crossEntropyOfLogits(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}, 0, 2,
                0)).isNaN();
    }

    @Test
    void drawing_ofClasses_classesPixelsCoverageAndHash() {
        List<DrawingClass> classes = List.of(DrawingClass.background(), DrawingClass.ofColour(0xd55e00),
                DrawingClass.ofColour(0x0072b2));
        int[] map = {0, 1, 2, 1, 0, 0};
        Drawing d = Drawing.ofClasses("c", 3, 2, map, classes);
        assertThat(d.classCount()).isEqualTo(3);
        assertThat(d.classOf(1, 0)).isEqualTo(1);
        assertThat(d.classOf(0, 1)).isEqualTo(1);
        assertThat(d.classPixels()).containsExactly(3, 2, 1);
        assertThat(d.coverage(2, 0)).isEqualTo(1f);
        assertThat(d.coverage(1, 1)).isZero();
        assertThat(d.classes().get(1).name()).isEqualTo("#d55e00");
        // the hash tells the classes apart, not only what is drawn
        Drawing swapped = Drawing.ofClasses("c", 3, 2, new int[] {0, 2, 1, 2, 0, 0}, classes);
        assertThat(swapped.sha256()).isNotEqualTo(d.sha256());
        assertThat(swapped).isNotEqualTo(d);
        Drawing recoloured = Drawing.ofClasses("c", 3, 2, map, List.of(classes.get(0), classes.get(1),
                DrawingClass.ofColour(0x009e73)));
        assertThat(recoloured.sha256()).isNotEqualTo(d.sha256());
        assertThat(Drawing.ofClasses("c", 3, 2, map.clone(), classes).sha256()).isEqualTo(d.sha256());
        // a two-class drawing's hash is the one it always had (the coverage alone)
        Drawing binary = Drawing.of("b", 3, 2, new float[] {0, 1, 1, 1, 0, 0});
        assertThat(binary.classCount()).isEqualTo(2);
        assertThat(binary.classes()).isEmpty();
        assertThat(binary.classOf(1, 0)).isEqualTo(1);
        assertThat(binary.classPixels()).containsExactly(3, 3);
        assertThat(binary.sha256()).isNotEqualTo(d.sha256());
        assertThatThrownBy(() -> Drawing.ofClasses("c", 3, 2, new int[] {0, 3, 0, 0, 0, 0}, classes))
                .hasMessage("class[1] must be in [0, 2], got 3");
        assertThatThrownBy(() -> Drawing.ofClasses("c", 3, 2, map, classes.subList(0, 2)))
                .hasMessageContaining("number of classes");
        assertThatThrownBy(() -> new DrawingClass(" ", 0)).hasMessage("a class needs a name, got ' '");
        assertThatThrownBy(() -> new DrawingClass("x", 0x1000000)).hasMessage("a class colour must be in [0x000000, 0xFFFFFF], got 0x1000000");
        assertThat(DrawingClass.ofColour(0x0072b2).hex()).isEqualTo("#0072b2");
    }
}
