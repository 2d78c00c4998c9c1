package io.github.drawnet.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.Model;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.OptimizerState;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.Trainer;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.backend.reference.ReferenceBackend;
import io.github.drawnet.backend.reference.ReferenceNetwork;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reference backend's trainer around the network: how an epoch's batches are cut and their
 * figures summed, and that each trainer brings its own optimizer. Both hold for every backend and
 * could move into {@link TrainingContract}; they are here because the contract compares a backend
 * with this trainer's network, not with itself.
 */
final class ReferenceTrainerTest {

    private final Backend backend = new ReferenceBackend();

    @Test
    void trainEpoch_batchesOfUnequalSize_trainLossIsTheSizeWeightedMeanOfBatchLosses() {
        NetworkSpec spec = NetworkSpec.notebook().withHidden(List.of(3));
        Parameters initial = Fixtures.randomParameters(spec, 5, 1.0);
        Dataset data = Fixtures.randomPoints(10, 6);
        // unshuffled: batches are points 0-3, 4-7 and 8-9
        TrainingConfig config = new TrainingConfig(Optimizer.SGD, 0.5, 4, 1, 0, 0, false);
        float[] x = data.features(spec.inputs());
        float[] y = data.labelsAsFloats();
        ReferenceNetwork byHand = new ReferenceNetwork(spec, initial);
        double lossSum = 0;
        int correct = 0;
        for (int start = 0; start < 10; start += 4) {
            int end = Math.min(10, start + 4);
            ReferenceNetwork.StepResult r = byHand.step(Arrays.copyOfRange(x, start * 2, end * 2),
                    Arrays.copyOfRange(y, start, end), config);
            lossSum += r.loss() * (end - start);
            correct += r.correct();
        }
        try (Model model = backend.newModel(spec, initial);
                Trainer trainer = backend.newTrainer(model, config, data, data)) {
            EpochMetrics m = trainer.trainEpoch();
            assertThat(m.trainLoss()).isCloseTo(lossSum / 10, within(1e-12));
            assertThat(m.trainAccuracy()).isEqualTo(correct / 10.0);
            assertThat(model.parameters()).isEqualTo(byHand.parameters());
            assertThat(trainer.optimizerState().step()).isEqualTo(3);
        }
    }

    @Test
    void newTrainer_modelTrainedByAnEarlierTrainer_startsWithAFreshOptimizer() {
        NetworkSpec spec = NetworkSpec.notebook();
        Dataset data = Fixtures.randomPoints(48, 3);
        TrainingConfig config = TrainingConfig.notebook().withEpochs(2);
        try (Model model = backend.newModel(spec, 1)) {
            try (Trainer first = backend.newTrainer(model, config, data, data)) {
                first.train(2, TrainingListener.NONE);
                assertThat(first.optimizerState().step()).isEqualTo(4);
            }
            Parameters trained = model.parameters();
            try (Trainer second = backend.newTrainer(model, config, data, data)) {
                assertThat(second.optimizerState()).isEqualTo(OptimizerState.fresh(Optimizer.ADAM, trained));
                second.trainEpoch();
            }
            // as a new model holding those parameters trains under a new trainer
            try (Model copy = backend.newModel(spec, trained);
                    Trainer fresh = backend.newTrainer(copy, config, data, data)) {
                fresh.trainEpoch();
                assertThat(model.parameters().maxAbsDifference(copy.parameters())).isLessThan(1e-6);
            }
        }
    }
}
