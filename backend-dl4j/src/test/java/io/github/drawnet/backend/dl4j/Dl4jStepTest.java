package io.github.drawnet.backend.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Feature;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.OptimizerState;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.tck.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * The hand-written step ({@link Dl4jStep}) against DL4J's own: the same network trained by
 * {@code MultiLayerNetwork.fit} per batch, with DL4J's Adam or SGD and its L2 and L1 on weights and
 * biases (as this backend trained before; L1 is DL4J's {@code L1Regularization}, {@code l1·sign(θ)}), on batches of two sizes (the last one smaller) over two epochs.
 */
final class Dl4jStepTest {

    /** Float arithmetic in a different order. */
    private static final double TOLERANCE = 1e-5;
    /**
     * With Adam, also its epsilon placed as PyTorch places it ({@code sqrt(v̂) + eps}; DL4J's config adds
     * it to {@code sqrt(v)} unscaled): for a gradient as small as epsilon the step differs by a share of
     * the learning rate. The contract's one-step tolerance.
     */
    private static final double ADAM_TOLERANCE = io.github.drawnet.tck.TrainingContract.STEP_TOLERANCE;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(Optimizer.ADAM, 0.01, 0.0, 0.0, List.of(4), Activation.SIGMOID, 2),
                Arguments.of(Optimizer.SGD, 0.5, 0.01, 0.0, List.of(5, 3), Activation.TANH, 2),
                Arguments.of(Optimizer.ADAM, 0.05, 0.01, 0.0, List.of(6), Activation.RELU, 3),
                Arguments.of(Optimizer.SGD, 0.2, 0.0, 0.0, List.of(), Activation.SIGMOID, 4),
                Arguments.of(Optimizer.ADAM, 0.02, 0.001, 0.0, List.of(4, 4), Activation.LINEAR, 2),
                Arguments.of(Optimizer.ADAM, 0.02, 0.0, 0.0, List.of(7, 5), Activation.TANH, 5),
                Arguments.of(Optimizer.SGD, 0.5, 0.01, 0.005, List.of(5, 3), Activation.TANH, 2),
                Arguments.of(Optimizer.ADAM, 0.05, 0.0, 0.01, List.of(6), Activation.RELU, 3));
    }

    @ParameterizedTest(name = "{0} lr={1} wd={2} l1={3} hidden={4} {5} classes={6}")
    @MethodSource("cases")
    void trainEpoch_twoEpochsOfUnevenBatches_matchesDl4jFit(Optimizer optimizer, double lr, double decay, double l1,
            List<Integer> hidden, Activation activation, int classes) {
        NetworkSpec spec = new NetworkSpec(Feature.NOTEBOOK, hidden, activation, classes);
        Parameters initial = Fixtures.randomParameters(spec, 5, 1.0);
        Dataset data = Fixtures.randomClassPoints(30, classes, 7);
        // batches of 12, 12 and 6, in the sampled order (no shuffle)
        TrainingConfig config = new TrainingConfig(optimizer, lr, 12, 2, decay, l1, 0, false);
        Dl4jBackend backend = new Dl4jBackend();
        try (Dl4jModel model = (Dl4jModel) backend.newModel(spec, initial);
                Dl4jTrainer trainer = (Dl4jTrainer) backend.newTrainer(model, config, data, data)) {
            trainer.trainEpoch();
            trainer.trainEpoch();
            MultiLayerNetwork fitted = fitted(model, spec, initial, config, data, 2);

            double tolerance = optimizer == Optimizer.ADAM ? ADAM_TOLERANCE : TOLERANCE;
            assertThat(model.parameters().maxAbsDifference(model.fromFlat(fitted.params().toFloatVector())))
                    .isLessThan(tolerance);
            assertThat(model.parameters().maxAbsDifference(initial)).as("the parameters moved").isGreaterThan(1e-3);
            OptimizerState state = trainer.optimizerState();
            assertThat(state.step()).isEqualTo(6);
            if (optimizer == Optimizer.ADAM) {
                float[][] moments = moments(fitted, spec.parameterCount());
                assertThat(state.slots().get(0).maxAbsDifference(model.fromFlat(moments[0]))).isLessThan(tolerance);
                assertThat(state.slots().get(1).maxAbsDifference(model.fromFlat(moments[1]))).isLessThan(tolerance);
            }
        }
    }

    /** Trains a copy of the model's network with DL4J's fit, batch by batch, as the backend did before. */
    private static MultiLayerNetwork fitted(Dl4jModel model, NetworkSpec spec, Parameters initial,
            TrainingConfig config, Dataset data, int epochs) {
        MultiLayerConfiguration conf = model.network().getLayerWiseConfigurations().clone();
        IUpdater updater = switch (config.optimizer()) {
            case ADAM -> new Adam(config.learningRate(), Optimizer.ADAM_BETA1, Optimizer.ADAM_BETA2,
                    Optimizer.ADAM_EPSILON);
            case SGD -> new Sgd(config.learningRate());
        };
        List<Regularization> l2 = new java.util.ArrayList<>();
        if (config.weightDecay() > 0) {
            l2.add(new L2Regularization(config.weightDecay()));
        }
        if (config.l1() > 0) {
            l2.add(new L1Regularization(config.l1()));
        }
        for (int l = 0; l < conf.getConfs().size(); l++) {
            BaseLayer layer = (BaseLayer) conf.getConf(l).getLayer();
            layer.setIUpdater(updater);
            layer.setBiasUpdater(updater);
            layer.setRegularization(l2);
            layer.setRegularizationBias(l2);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        float[] flat = initial.toFlat();
        net.init(Nd4j.createFromArray(flat).reshape(1, flat.length), true);
        int n = data.size();
        INDArray x = Nd4j.createFromArray(data.features(spec.inputs())).reshape(n, spec.inputCount());
        INDArray y = Nd4j.createFromArray(data.targets()).reshape(n, spec.outputCount());
        for (int e = 0; e < epochs; e++) {
            for (int start = 0; start < n; start += config.batchSize()) {
                int end = Math.min(n, start + config.batchSize());
                net.fit(x.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()),
                        y.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()));
            }
        }
        return net;
    }

    /** Returns Adam's first and second moments from DL4J's updater blocks, flat in the parameters' layout. */
    private static float[][] moments(MultiLayerNetwork net, int count) {
        float[] m = new float[count];
        float[] v = new float[count];
        for (UpdaterBlock block : ((BaseMultiLayerUpdater<?>) net.getUpdater()).getUpdaterBlocks()) {
            Map<String, INDArray> state = block.getGradientUpdater().getState();
            float[] bm = state.get("M").toFloatVector();
            float[] bv = state.get("V").toFloatVector();
            System.arraycopy(bm, 0, m, block.getParamOffsetStart(), bm.length);
            System.arraycopy(bv, 0, v, block.getParamOffsetStart(), bv.length);
        }
        return new float[][] {m, v};
    }

    @Test
    void epochTotals_twoPoints_workedValues() {
        // log(1 + e^-2) + log(1 + e^1); the first point right (z >= 0, label 1), the second wrong
        double[] binary = Dl4jLogitCrossEntropy.epochTotals(new float[] {2f, -1f}, new float[] {1f, 1f}, 1, 1);
        assertThat(binary[0]).isCloseTo(0.1269280110 + 1.3132616875, within(1e-6));
        assertThat(binary[1]).isEqualTo(1.0);
        assertThat(binary[2]).isCloseTo(1.3132616875, within(1e-6));
        // logsumexp(1, 2, 3) - 3 and logsumexp(0, 0, 1) - 0; only the first's largest logit is its class
        double[] softmax = Dl4jLogitCrossEntropy.epochTotals(new float[] {1f, 2f, 3f, 0f, 0f, 1f},
                new float[] {0f, 0f, 1f, 1f, 0f, 0f}, 3, 2);
        assertThat(softmax[0]).isCloseTo(0.4076059644 + 1.5514447139, within(1e-6));
        assertThat(softmax[1]).isEqualTo(1.0);
        assertThat(softmax[2]).isCloseTo((0.4076059644 + 1.5514447139) / 2, within(1e-6));
    }

    @Test
    void epochTotals_randomLogits_matchTheNetworksLossFunction() {
        Dl4jBackend.ensureLoaded();
        SplittableRandom r = new SplittableRandom(3);
        for (int classes : new int[] {1, 4}) {
            int n = 50;
            float[] logits = new float[n * classes];
            float[] targets = new float[n * classes];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < classes; k++) {
                    logits[i * classes + k] = (float) r.nextDouble(-30, 30);
                }
                int label = r.nextInt(classes == 1 ? 2 : classes);
                targets[i * classes + (classes == 1 ? 0 : label)] = classes == 1 ? label : 1f;
            }
            INDArray z = Nd4j.createFromArray(logits).reshape(n, classes);
            INDArray y = Nd4j.createFromArray(targets).reshape(n, classes);
            double expected = new Dl4jLogitCrossEntropy(classes > 1).computeScoreArray(y, z, null, null)
                    .sumNumber().doubleValue();
            double[] totals = Dl4jLogitCrossEntropy.epochTotals(logits, targets, classes, 10);
            assertThat(totals[0]).as("%d outputs", classes).isCloseTo(expected, within(1e-3));
            assertThat(totals[0]).isGreaterThan(1.0);
        }
    }
}
