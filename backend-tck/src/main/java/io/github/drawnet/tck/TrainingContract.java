package io.github.drawnet.tck;

import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.backend.reference.ReferenceBackend;
import io.github.drawnet.backend.reference.ReferenceNetwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.Feature;
import io.github.drawnet.api.History;
import io.github.drawnet.api.Model;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.OptimizerState;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.Trainer;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.api.TrainingResult;
import io.github.drawnet.sampling.Preset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Training steps match the reference; training is reproducible and can be continued exactly. */
public interface TrainingContract extends BackendUnderTest {

    /** The largest absolute difference allowed between updated parameters and the reference's. */
    double STEP_TOLERANCE = 1e-4;

    /**
     * One step with each optimizer, with and without weight decay, with and without the L1 penalty (alone
     * and beside weight decay), on shallow and deep networks. The L1 rows are chosen so that a backend
     * whose L1 term is missing, doubled or of the wrong sign misses the reference by far more than
     * {@link #STEP_TOLERANCE} (checked in the suite's own tests, {@code L1StepCasesTest}): Adam's first
     * step is {@code lr · sign(g)}, so there the coefficient must turn some gradients and twice it some
     * more.
     */
    static Stream<Arguments> stepCases() {
        return Stream.of(
                Arguments.of(Optimizer.ADAM, 0.01, 0.0, 0.0, List.of(4), Activation.SIGMOID),
                Arguments.of(Optimizer.SGD, 0.5, 0.0, 0.0, List.of(4), Activation.SIGMOID),
                Arguments.of(Optimizer.ADAM, 0.05, 0.01, 0.0, List.of(5, 3), Activation.TANH),
                Arguments.of(Optimizer.SGD, 0.1, 0.01, 0.0, List.of(5, 3), Activation.RELU),
                Arguments.of(Optimizer.ADAM, 0.01, 0.0, 0.0, List.of(), Activation.LINEAR),
                Arguments.of(Optimizer.ADAM, 0.05, 0.0, 0.05, List.of(5, 3), Activation.TANH),
                Arguments.of(Optimizer.SGD, 0.5, 0.0, 0.01, List.of(4), Activation.SIGMOID),
                Arguments.of(Optimizer.ADAM, 0.01, 0.01, 0.012, List.of(4), Activation.RELU),
                Arguments.of(Optimizer.SGD, 0.1, 0.01, 0.05, List.of(), Activation.LINEAR));
    }

    /** Returns the configuration of one of {@link #stepCases()}: one batch of 24, one epoch, not shuffled. */
    static TrainingConfig stepConfig(Optimizer optimizer, double lr, double weightDecay, double l1) {
        return new TrainingConfig(optimizer, lr, 24, 1, weightDecay, l1, 0, false);
    }

    @ParameterizedTest(name = "{0} lr={1} wd={2} l1={3} hidden={4} {5}")
    @MethodSource("io.github.drawnet.tck.TrainingContract#stepCases")
    default void trainEpoch_oneBatch_matchesReferenceUpdate(Optimizer optimizer, double lr, double weightDecay,
            double l1, List<Integer> hidden, Activation activation) {
        NetworkSpec spec = new NetworkSpec(Feature.NOTEBOOK, hidden, activation);
        Parameters initial = Fixtures.randomParameters(spec, 21, 1.0);
        Dataset batch = Fixtures.randomPoints(24, 8);
        TrainingConfig config = stepConfig(optimizer, lr, weightDecay, l1);

        ReferenceNetwork reference = new ReferenceNetwork(spec, initial);
        ReferenceNetwork.StepResult expected = reference.step(batch.features(spec.inputs()), batch.labelsAsFloats(),
                config);
        try (Model model = backend().newModel(spec, initial);
                Trainer trainer = backend().newTrainer(model, config, batch, batch)) {
            EpochMetrics m = trainer.trainEpoch();
            assertThat(m.epoch()).isEqualTo(1);
            assertThat(m.trainLoss()).isCloseTo(expected.loss(), within(1e-5));
            assertThat(m.trainAccuracy()).isCloseTo(expected.correct() / 24.0, within(1e-9));
            assertThat(model.parameters().maxAbsDifference(reference.parameters())).isLessThan(STEP_TOLERANCE);
            assertThat(model.parameters()).isNotEqualTo(initial);
            OptimizerState state = trainer.optimizerState();
            assertThat(state.step()).isEqualTo(1);
            OptimizerState expectedState = reference.optimizerState(optimizer);
            for (int s = 0; s < state.slots().size(); s++) {
                assertThat(state.slots().get(s).maxAbsDifference(expectedState.slots().get(s)))
                        .as("optimizer slot %d", s).isLessThan(STEP_TOLERANCE);
            }
        }
    }

    /**
     * Training that explodes stops at the epoch where it does, with {@code DIVERGED}, on every
     * backend: a loss that overflows (SGD at 1e39), parameters that become NaN (weight decay 1e30),
     * and a loss that stays finite but grows past 100 times the starting loss (Adam at 1e30).
     */
    static Stream<Arguments> divergenceCases() {
        return Stream.of(
                Arguments.of(Optimizer.SGD, 1e39, 0.0),
                Arguments.of(Optimizer.SGD, 0.1, 1e30),
                Arguments.of(Optimizer.ADAM, 1e30, 0.0));
    }

    @ParameterizedTest(name = "{0} lr={1} wd={2}")
    @MethodSource("io.github.drawnet.tck.TrainingContract#divergenceCases")
    default void train_explodes_stopsDivergedAtTheFirstEpoch_epochKept(Optimizer optimizer, double lr, double decay) {
        NetworkSpec spec = NetworkSpec.notebook();
        DataSplits data = Fixtures.smallSplits(Preset.BLOB, 240, 5);
        TrainingConfig config = new TrainingConfig(optimizer, lr, 24, 5, decay, 3, true);
        try (Model model = backend().newModel(spec, Parameters.initial(spec, 3));
                Trainer trainer = backend().newTrainer(model, config, data.train(), data.validation())) {
            TrainingResult r = trainer.train(5, io.github.drawnet.api.TrainingListener.NONE);
            assertThat(r.stopReason()).as(r.message()).isEqualTo(io.github.drawnet.api.StopReason.DIVERGED);
            assertThat(r.epochsRun()).isEqualTo(1);
            assertThat(r.history().size()).isEqualTo(1);
            assertThat(r.message()).startsWith("training stopped at epoch 1: ");
        }
    }

    /**
     * A large L1 penalty pulls every parameter, weights and biases alike, to within about one step
     * ({@code lr · l1}) of zero, where the data's gradient alone keeps them far from it: SGD at 0.1 with
     * l1 = 1 for 5 epochs of 10 batches, from parameters of magnitude up to 2.
     */
    @Test
    default void train_largeL1_drivesEveryParameterTowardZero() {
        NetworkSpec spec = NetworkSpec.notebook();
        DataSplits data = Fixtures.smallSplits(Preset.BLOB, 240, 6);
        Parameters initial = Fixtures.randomParameters(spec, 23, 2.0);
        TrainingConfig plain = new TrainingConfig(Optimizer.SGD, 0.1, 24, 5, 0.0, 6, true);
        double[] largest = new double[2];
        double[] total = new double[2];
        for (int run = 0; run < 2; run++) {
            TrainingConfig config = run == 0 ? plain : plain.withL1(1.0);
            try (Model model = backend().newModel(spec, initial);
                    Trainer trainer = backend().newTrainer(model, config, data.train(), data.validation())) {
                trainer.train(5, TrainingListener.NONE);
                for (float v : model.parameters().toFlat()) {
                    largest[run] = Math.max(largest[run], Math.abs(v));
                    total[run] += Math.abs(v);
                }
            }
        }
        assertThat(largest[0]).as("without L1").isGreaterThan(0.5);
        assertThat(largest[1]).as("largest |parameter| with l1 = 1").isLessThan(0.25);
        assertThat(total[1]).as("sum of |parameter| with l1 = 1").isLessThan(total[0] / 4);
    }

    @Test
    default void train_threeEpochsOfManyBatches_tracksReference() {
        NetworkSpec spec = new NetworkSpec(Feature.NOTEBOOK, List.of(4, 3), Activation.TANH);
        DataSplits data = Fixtures.smallSplits(Preset.BLOB, 250, 3);
        TrainingConfig config = TrainingConfig.notebook().withEpochs(3).withSeed(4);
        Parameters initial = Parameters.initial(spec, 4);
        ReferenceNetwork reference = new ReferenceNetwork(spec, initial);
        Fixtures.trainReference(reference, data.train(), config, 3);
        try (Model model = backend().newModel(spec, initial);
                Trainer trainer = backend().newTrainer(model, config, data.train(), data.validation())) {
            TrainingResult result = trainer.train(3, TrainingListener.NONE);
            assertThat(result.history().size()).isEqualTo(3);
            assertThat(model.parameters().maxAbsDifference(reference.parameters())).isLessThan(STEP_TOLERANCE);
        }
    }

    @Test
    default void train_sameSeedTwice_sameHistoryAndParameters() {
        NetworkSpec spec = NetworkSpec.notebook();
        DataSplits data = Fixtures.smallSplits(Preset.BLOB, 600, 1);
        TrainingConfig config = TrainingConfig.notebook().withEpochs(4).withSeed(99);
        History first;
        Parameters firstParams;
        try (Model model = backend().newModel(spec, config.seed());
                Trainer trainer = backend().newTrainer(model, config, data.train(), data.validation())) {
            first = trainer.train().history();
            firstParams = model.parameters();
        }
        try (Model model = backend().newModel(spec, config.seed());
                Trainer trainer = backend().newTrainer(model, config, data.train(), data.validation())) {
            assertThat(trainer.train().history()).isEqualTo(first);
            assertThat(model.parameters()).isEqualTo(firstParams);
        }
        TrainingConfig other = config.withSeed(100);
        try (Model model = backend().newModel(spec, other.seed());
                Trainer trainer = backend().newTrainer(model, other, data.train(), data.validation())) {
            assertThat(trainer.train().history()).isNotEqualTo(first);
        }
    }

    /**
     * Training must not depend on when the garbage collector runs: a backend that lets the engine
     * keep pointers into memory the JVM may free (DJL's scalar operands are such memory) trains
     * differently once a collection lands between a forward and a backward pass.
     */
    @Test
    default void train_whileGarbageCollectorRuns_sameHistory() throws InterruptedException {
        NetworkSpec spec = NetworkSpec.notebook();
        DataSplits data = Fixtures.smallSplits(Preset.BLOB, 2400, 9);
        TrainingConfig config = TrainingConfig.notebook().withEpochs(4).withSeed(9);
        History quiet;
        try (Model model = backend().newModel(spec, config.seed());
                Trainer trainer = backend().newTrainer(model, config, data.train(), data.validation())) {
            quiet = trainer.train().history();
        }
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread collector = new Thread(() -> {
            try {
                while (running.get()) {
                    System.gc();
                    Thread.sleep(2);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tck-gc");
        collector.setDaemon(true);
        collector.start();
        try {
            for (int run = 1; run <= 2; run++) {
                try (Model model = backend().newModel(spec, config.seed());
                        Trainer trainer = backend().newTrainer(model, config, data.train(), data.validation())) {
                    assertThat(trainer.train().history()).as("run %d under garbage collection", run).isEqualTo(quiet);
                }
            }
        } finally {
            running.set(false);
            collector.join();
        }
    }

    /** A backend that says it trains models concurrently gives the same results as one by one. */
    @Test
    default void train_twoModelsOnTwoThreads_sameAsOneByOne() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(backend().supportsConcurrentTraining(),
                "this backend trains one model at a time");
        NetworkSpec spec = NetworkSpec.notebook().withHidden(List.of(6));
        DataSplits data = Fixtures.smallSplits(Preset.XOR, 1500, 12);
        List<TrainingConfig> configs = List.of(TrainingConfig.notebook().withEpochs(3).withSeed(1),
                TrainingConfig.notebook().withEpochs(3).withSeed(2).withLearningRate(0.05));
        java.util.function.Function<TrainingConfig, History> train = c -> {
            try (Model model = backend().newModel(spec, c.seed());
                    Trainer trainer = backend().newTrainer(model, c, data.train(), data.validation())) {
                return trainer.train().history();
            }
        };
        List<History> serial = configs.stream().map(train).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<History>> futures = new java.util.ArrayList<>();
            for (TrainingConfig c : configs) {
                futures.add(pool.submit(() -> train.apply(c)));
            }
            for (int i = 0; i < configs.size(); i++) {
                assertThat(futures.get(i).get()).as("model %d", i).isEqualTo(serial.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void restore_savedStateAndHistory_continuesAsIfNeverStopped() {
        NetworkSpec spec = NetworkSpec.notebook();
        DataSplits data = Fixtures.smallSplits(Preset.RING, 500, 2);
        TrainingConfig config = TrainingConfig.notebook().withEpochs(3).withSeed(5);
        Parameters straight;
        History straightHistory;
        try (Model model = backend().newModel(spec, config.seed());
                Trainer trainer = backend().newTrainer(model, config, data.train(), data.validation())) {
            straightHistory = trainer.train(3, TrainingListener.NONE).history();
            straight = model.parameters();
        }
        Parameters saved;
        OptimizerState state;
        History history;
        try (Model model = backend().newModel(spec, config.seed());
                Trainer trainer = backend().newTrainer(model, config, data.train(), data.validation())) {
            trainer.train(2, TrainingListener.NONE);
            saved = model.parameters();
            state = trainer.optimizerState();
            history = trainer.history();
        }
        try (Model model = backend().newModel(spec, saved);
                Trainer trainer = backend().newTrainer(model, config, data.train(), data.validation())) {
            trainer.restore(history, state);
            assertThat(trainer.epochsCompleted()).isEqualTo(2);
            assertThat(trainer.optimizerState().step()).isEqualTo(state.step());
            EpochMetrics third = trainer.trainEpoch();
            assertThat(third.epoch()).isEqualTo(3);
            assertThat(model.parameters().maxAbsDifference(straight)).isLessThan(1e-6);
            assertThat(third.validationAccuracy()).isEqualTo(straightHistory.last().validationAccuracy());
        }
    }

    @Test
    default void train_stopRequested_stopsAfterThatEpoch() {
        DataSplits data = Fixtures.smallSplits(Preset.BLOB, 300, 1);
        TrainingConfig config = TrainingConfig.notebook().withEpochs(10);
        try (Model model = backend().newModel(NetworkSpec.notebook(), 0);
                Trainer trainer = backend().newTrainer(model, config, data.train(), data.validation())) {
            TrainingResult r = trainer.train(10, TrainingListener.NONE, () -> trainer.epochsCompleted() >= 3);
            assertThat(r.epochsRun()).isEqualTo(3);
            assertThat(r.history().size()).isEqualTo(3);
            assertThat(r.stopReason()).isEqualTo(io.github.drawnet.api.StopReason.STOPPED);
            TrainingResult more = trainer.train(2, TrainingListener.ofEpochs((m, last) -> assertThat(last).isEqualTo(5)));
            assertThat(more.history().epochs()).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3, 4, 5);
        }
    }
}
