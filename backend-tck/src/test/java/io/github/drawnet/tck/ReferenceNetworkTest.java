package io.github.drawnet.tck;

import io.github.drawnet.backend.reference.ReferenceBackend;
import io.github.drawnet.backend.reference.ReferenceNetwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Evaluation;
import io.github.drawnet.api.Feature;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The oracle itself is checked: its gradients against finite differences of its loss, and the loss
 * and correct count a step reports against values worked out here.
 */
final class ReferenceNetworkTest {

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"SIGMOID", "TANH", "LINEAR"})
    void step_sgdUpdate_equalsLearningRateTimesNumericalGradient(Activation activation) {
        NetworkSpec spec = new NetworkSpec(List.of(Feature.X1, Feature.X2, Feature.X1_TIMES_X2), List.of(3, 2),
                activation);
        Parameters p = Fixtures.randomParameters(spec, 3, 1.0);
        Dataset batch = Fixtures.randomPoints(10, 4);
        float[] x = batch.features(spec.inputs());
        float[] y = batch.labelsAsFloats();
        double lr = 1e-3;
        ReferenceNetwork net = new ReferenceNetwork(spec, p);
        net.step(x, y, new TrainingConfig(Optimizer.SGD, lr, 10, 1, 0, 0, false));
        Parameters after = net.parameters();
        // central differences of the mean loss in each parameter, in double precision
        double h = 1e-3;
        for (int l = 0; l < spec.layerCount(); l++) {
            for (int k = 0; k < p.layer(l).weights().length; k++) {
                double numerical = (loss(spec, nudge(p, l, k, h), x, y) - loss(spec, nudge(p, l, k, -h), x, y)) / (2 * h);
                double step = p.layer(l).weights()[k] - after.layer(l).weights()[k];
                assertThat(step / lr).as("layer %d weight %d", l, k).isCloseTo(numerical, within(2e-3));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"SIGMOID", "TANH", "LINEAR"})
    void step_sgdUpdateOfBiases_equalsLearningRateTimesNumericalGradient(Activation activation) {
        NetworkSpec spec = new NetworkSpec(List.of(Feature.X1, Feature.X2, Feature.X1_TIMES_X2), List.of(3, 2),
                activation);
        Parameters p = Fixtures.randomParameters(spec, 3, 1.0);
        Dataset batch = Fixtures.randomPoints(10, 4);
        float[] x = batch.features(spec.inputs());
        float[] y = batch.labelsAsFloats();
        double lr = 1e-3;
        ReferenceNetwork net = new ReferenceNetwork(spec, p);
        net.step(x, y, new TrainingConfig(Optimizer.SGD, lr, 10, 1, 0, 0, false));
        Parameters after = net.parameters();
        double h = 1e-3;
        for (int l = 0; l < spec.layerCount(); l++) {
            for (int k = 0; k < p.layer(l).biases().length; k++) {
                double numerical = (loss(spec, nudgeBias(p, l, k, h), x, y) - loss(spec, nudgeBias(p, l, k, -h), x, y))
                        / (2 * h);
                double step = p.layer(l).biases()[k] - after.layer(l).biases()[k];
                assertThat(step / lr).as("layer %d bias %d", l, k).isCloseTo(numerical, within(2e-3));
            }
        }
    }

    /**
     * A step reports the batch's mean binary cross-entropy before the update, worked out here with the
     * textbook formula {@code -(y ln p + (1 - y) ln(1 - p))}, and counts a point correct as {@link
     * io.github.drawnet.api.Evaluation} does: {@code (p >= 0.5) == y}, so a logit of exactly 0 says
     * "positive" and a soft label is never matched.
     */
    @Test
    void step_knownLogits_returnsMeanLossBeforeUpdateAndCorrectCount() {
        // z = 2 x1 - x2 - 0.5
        NetworkSpec spec = new NetworkSpec(Feature.NOTEBOOK, List.of(), Activation.SIGMOID);
        Parameters p = new Parameters(List.of(LayerParameters.of(new float[][] {{2f, -1f}}, new float[] {-0.5f})));
        double[] x1 = {1.0, 0.25, 0.0, 0.0, 1.0};
        double[] x2 = {0.5, 0.0, 1.0, 0.0, 0.0};
        double[] labels = {1, 1, 1, 0, 0.75};
        double[] logits = {1.0, 0.0, -1.5, -0.5, 1.5};
        // right, right (z = 0 counts as positive), wrong, right, soft label: never right
        int expectedCorrect = 3;
        double expectedLoss = 0;
        for (int i = 0; i < logits.length; i++) {
            double prob = 1 / (1 + Math.exp(-logits[i]));
            expectedLoss -= labels[i] * Math.log(prob) + (1 - labels[i]) * Math.log(1 - prob);
        }
        expectedLoss /= logits.length;

        Dataset batch = Dataset.of(x1, x2, labels);
        ReferenceNetwork net = new ReferenceNetwork(spec, p);
        ReferenceNetwork.Pass pass = net.forward(batch.features(spec.inputs()), batch.size());
        float[] outputs = new float[batch.size()];
        for (int i = 0; i < logits.length; i++) {
            assertThat(pass.logit(i)).as("logit %d", i).isEqualTo(logits[i]);
            outputs[i] = (float) pass.output(i);
        }
        ReferenceNetwork.StepResult r = net.step(batch.features(spec.inputs()), batch.labelsAsFloats(),
                new TrainingConfig(Optimizer.SGD, 0.1, 5, 1, 0, 0, false));
        assertThat(r.loss()).isCloseTo(expectedLoss, within(1e-12));
        assertThat(r.correct()).isEqualTo(expectedCorrect);
        assertThat(Evaluation.of(outputs, batch).accuracy() * batch.size()).isCloseTo(expectedCorrect, within(1e-9));
        // reported before the update, which did happen
        assertThat(net.parameters()).isNotEqualTo(p);
    }

    /**
     * With K > 2 classes the step follows the gradient of the textbook cross-entropy of the softmax,
     * {@code -ln(e^{z_y} / sum_j e^{z_j})}, computed here from the oracle's logits by finite
     * differences, for every weight and bias.
     */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"SIGMOID", "TANH"})
    void step_kClasses_sgdUpdate_equalsLearningRateTimesNumericalGradientOfSoftmaxCrossEntropy(Activation a) {
        NetworkSpec spec = new NetworkSpec(Feature.NOTEBOOK, List.of(3), a, 4);
        Parameters p = Fixtures.randomParameters(spec, 5, 1.0);
        Dataset batch = Fixtures.randomClassPoints(12, 4, 6);
        float[] x = batch.features(spec.inputs());
        float[] y = batch.labelsAsFloats();
        double lr = 1e-3;
        ReferenceNetwork net = new ReferenceNetwork(spec, p);
        ReferenceNetwork.StepResult r = net.step(x, y, new TrainingConfig(Optimizer.SGD, lr, 12, 1, 0, 0, false));
        assertThat(r.loss()).isCloseTo(softmaxLoss(spec, p, x, y), within(1e-12));
        Parameters after = net.parameters();
        double h = 1e-3;
        for (int l = 0; l < spec.layerCount(); l++) {
            for (int k = 0; k < p.layer(l).weights().length; k++) {
                double numerical = (softmaxLoss(spec, nudge(p, l, k, h), x, y)
                        - softmaxLoss(spec, nudge(p, l, k, -h), x, y)) / (2 * h);
                double step = p.layer(l).weights()[k] - after.layer(l).weights()[k];
                assertThat(step / lr).as("layer %d weight %d", l, k).isCloseTo(numerical, within(2e-3));
            }
            for (int k = 0; k < p.layer(l).biases().length; k++) {
                double numerical = (softmaxLoss(spec, nudgeBias(p, l, k, h), x, y)
                        - softmaxLoss(spec, nudgeBias(p, l, k, -h), x, y)) / (2 * h);
                double step = p.layer(l).biases()[k] - after.layer(l).biases()[k];
                assertThat(step / lr).as("layer %d bias %d", l, k).isCloseTo(numerical, within(2e-3));
            }
        }
    }

    /** Known logits of three classes: the loss, the probabilities and the argmax worked out by hand. */
    @Test
    void forward_kClasses_knownLogits_softmaxAndLossByHand() {
        // no hidden layer: z = W x + b with x = (1, 0): z = column 0 of W plus b
        NetworkSpec spec = new NetworkSpec(Feature.NOTEBOOK, List.of(), Activation.LINEAR, 3);
        Parameters p = new Parameters(List.of(LayerParameters.of(new float[][] {{1f, 0f}, {2f, 0f}, {-1f, 0f}},
                new float[] {0f, 0f, 0f})));
        Dataset point = Dataset.ofClasses(new double[] {1.0}, new double[] {0.0}, new int[] {0}, 3);
        ReferenceNetwork net = new ReferenceNetwork(spec, p);
        ReferenceNetwork.Pass pass = net.forward(point.features(spec.inputs()), 1);
        double sum = Math.exp(1) + Math.exp(2) + Math.exp(-1);
        assertThat(pass.output(0, 0)).isCloseTo(Math.exp(1) / sum, within(1e-15));
        assertThat(pass.output(0, 1)).isCloseTo(Math.exp(2) / sum, within(1e-15));
        assertThat(pass.output(0, 2)).isCloseTo(Math.exp(-1) / sum, within(1e-15));
        // class 0 (logit 1) against the most likely class 1: wrong, loss ln(sum) - 1 = 1.3490122168
        ReferenceNetwork.StepResult r = net.step(point.features(spec.inputs()), point.labelsAsFloats(),
                new TrainingConfig(Optimizer.SGD, 0.1, 1, 1, 0, 0, false));
        assertThat(r.loss()).isCloseTo(1.3490122167681866, within(1e-12));
        assertThat(r.correct()).isZero();
    }

    private static double softmaxLoss(NetworkSpec spec, Parameters p, float[] x, float[] y) {
        ReferenceNetwork.Pass pass = new ReferenceNetwork(spec, p).forward(x, y.length);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double sum = 0;
            for (int k = 0; k < spec.classes(); k++) {
                sum += Math.exp(pass.logit(i, k));
            }
            s -= Math.log(Math.exp(pass.logit(i, (int) y[i])) / sum);
        }
        return s / y.length;
    }

    private static Parameters nudgeBias(Parameters p, int layer, int index, double h) {
        List<LayerParameters> layers = new ArrayList<>(p.layers());
        LayerParameters l = layers.get(layer);
        float[] b = l.biases();
        b[index] += (float) h;
        layers.set(layer, new LayerParameters(l.inputs(), l.outputs(), l.weights(), b));
        return new Parameters(layers);
    }

    private static double loss(NetworkSpec spec, Parameters p, float[] x, float[] y) {
        ReferenceNetwork.Pass pass = new ReferenceNetwork(spec, p).forward(x, y.length);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double z = pass.logit(i);
            s += Math.max(z, 0) - y[i] * z + Math.log1p(Math.exp(-Math.abs(z)));
        }
        return s / y.length;
    }

    private static Parameters nudge(Parameters p, int layer, int index, double h) {
        List<LayerParameters> layers = new ArrayList<>(p.layers());
        LayerParameters l = layers.get(layer);
        float[] w = l.weights();
        w[index] += (float) h;
        layers.set(layer, new LayerParameters(l.inputs(), l.outputs(), w, l.biases()));
        return new Parameters(layers);
    }
}
