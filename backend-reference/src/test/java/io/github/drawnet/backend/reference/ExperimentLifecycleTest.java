package io.github.drawnet.backend.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.Experiment;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.Experiments;
import io.github.drawnet.api.LabelMode;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.OptimizerState;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.Provenance;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.api.TrainingConfig;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The experiment's lifecycle on the plain-Java backend, found through {@code ServiceLoader} as a
 * library user finds it: start, train in several calls, stop from another thread, restore, finish.
 */
final class ExperimentLifecycleTest {

    static final Backend REFERENCE = Backends.discover().get("reference");

    /** A half-plane drawing's points, made here so this module needs no sampling module. */
    static DataSplits halfPlane(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Dataset[] sets = new Dataset[3];
        int[] sizes = {n, n / 2, n / 2};
        for (int s = 0; s < 3; s++) {
            double[] x1 = new double[sizes[s]];
            double[] x2 = new double[sizes[s]];
            double[] y = new double[sizes[s]];
            for (int i = 0; i < sizes[s]; i++) {
                x1[i] = r.nextDouble();
                x2[i] = r.nextDouble();
                y[i] = x2[i] > 0.3 + 0.4 * x1[i] ? 1 : 0;
            }
            sets[s] = Dataset.of(x1, x2, y);
        }
        Drawing d = drawing();
        return new DataSplits(sets[0], sets[1], sets[2], new Provenance(d.name(), d.sha256(), d.width(), d.height(),
                seed, new SampleSizes(sizes[0], sizes[1], sizes[2]), LabelMode.BINARY, 0));
    }

    static Drawing drawing() {
        int w = 16;
        float[] coverage = new float[w * w];
        for (int row = 0; row < w; row++) {
            for (int col = 0; col < w; col++) {
                double x1 = col / (w - 1.0);
                double x2 = (w - 1.0 - row) / (w - 1.0);
                coverage[row * w + col] = x2 > 0.3 + 0.4 * x1 ? 1f : 0f;
            }
        }
        return Drawing.of("halfplane", w, w, coverage);
    }

    static final TrainingConfig CONFIG = TrainingConfig.notebook().withEpochs(4).withBatchSize(16).withSeed(3);

    @Test
    void trainTwice_numbersOn_sameAsOneCall() {
        DataSplits data = halfPlane(200, 1);
        ExperimentResult once = Experiments.run(REFERENCE, drawing(), data, NetworkSpec.notebook(), CONFIG,
                TrainingListener.NONE);
        try (Experiment e = Experiment.start(REFERENCE, drawing(), data, NetworkSpec.notebook(), CONFIG)) {
            assertThat(e.epochsCompleted()).isZero();
            assertThat(e.model().parameters()).isEqualTo(Parameters.initial(NetworkSpec.notebook(), 3));
            e.train(1, TrainingListener.NONE);
            e.train(3, TrainingListener.NONE);
            ExperimentResult twice = e.finish();
            assertThat(twice.history()).isEqualTo(once.history());
            assertThat(twice.finalParameters()).isEqualTo(once.finalParameters());
            assertThat(twice.config().epochs()).isEqualTo(4);
            assertThat(twice.training().epochsRun()).isEqualTo(3);
            assertThat(twice.trainingTime()).isPositive().isEqualTo(e.trainingTime());
            assertThat(twice.initialParameters()).isEqualTo(Parameters.initial(NetworkSpec.notebook(), 3));
            assertThat(twice.test().count()).isEqualTo(100);
            assertThat(twice.grid().count()).isEqualTo(256 * 256);
            e.train(2, TrainingListener.NONE);
            assertThat(e.finish().config().epochs()).isEqualTo(6);
            assertThat(e.finish().history().last().epoch()).isEqualTo(6);
        }
    }

    @Test
    void finish_beforeTraining_refused() {
        try (Experiment e = Experiment.start(REFERENCE, drawing(), halfPlane(50, 2), NetworkSpec.notebook(),
                CONFIG.withBatchSize(10))) {
            assertThatThrownBy(e::finish).isInstanceOf(IllegalStateException.class)
                    .hasMessage("nothing has been trained yet; call train first");
            assertThatThrownBy(() -> e.train(0, TrainingListener.NONE)).hasMessage("epochs must be in [1, 100000], got 0");
        }
    }

    @Test
    void requestStop_fromAnotherThread_stopsAfterTheCurrentEpoch() throws Exception {
        DataSplits data = halfPlane(200, 4);
        try (Experiment e = Experiment.start(REFERENCE, drawing(), data, NetworkSpec.notebook(), CONFIG)) {
            CountDownLatch second = new CountDownLatch(1);
            CountDownLatch stopped = new CountDownLatch(1);
            Thread stopper = new Thread(() -> {
                try {
                    second.await();
                    e.requestStop();
                    stopped.countDown();
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            });
            stopper.start();
            var result = e.train(1000, TrainingListener.ofEpochs((m, last) -> {
                if (m.epoch() == 2) {
                    second.countDown();
                    try {
                        assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                }
            }));
            stopper.join();
            assertThat(result.stopReason()).isEqualTo(StopReason.STOPPED);
            assertThat(result.history().size()).isEqualTo(2);
            assertThat(result.message()).isEqualTo("training stopped at epoch 2 on request");
            // a stop asked for before a call does not stop the next call
            assertThat(e.train(1, TrainingListener.NONE).stopReason()).isEqualTo(StopReason.COMPLETED);
            assertThat(e.epochsCompleted()).isEqualTo(3);
        }
    }

    @Test
    void restore_continuesWhereTheRunStopped() {
        DataSplits data = halfPlane(200, 5);
        List<EpochMetrics> straight;
        Parameters afterTwo;
        OptimizerState stateAfterTwo;
        io.github.drawnet.api.History historyAfterTwo;
        try (Experiment e = Experiment.start(REFERENCE, drawing(), data, NetworkSpec.notebook(), CONFIG)) {
            e.train(2, TrainingListener.NONE);
            afterTwo = e.model().parameters();
            stateAfterTwo = e.optimizerState();
            historyAfterTwo = e.history();
            e.train(2, TrainingListener.NONE);
            straight = e.history().epochs();
        }
        try (Experiment r = Experiment.restore(REFERENCE, drawing(), data, NetworkSpec.notebook(), CONFIG, afterTwo,
                historyAfterTwo, stateAfterTwo)) {
            assertThat(r.epochsCompleted()).isEqualTo(2);
            assertThat(r.initialParameters()).isEqualTo(afterTwo);
            r.train(2, TrainingListener.NONE);
            // the reference network keeps doubles; restored from float32 parameters, it stays within float rounding
            for (int i = 0; i < 4; i++) {
                assertThat(r.history().epochs().get(i).epoch()).isEqualTo(i + 1);
                assertThat(r.history().epochs().get(i).trainLoss())
                        .isCloseTo(straight.get(i).trainLoss(), org.assertj.core.api.Assertions.within(1e-6));
            }
            assertThat(r.finish().config().epochs()).isEqualTo(4);
        }
    }

    @Test
    void restore_stateOfAnotherOptimizer_refusedAndNothingLeftOpen() {
        DataSplits data = halfPlane(100, 6);
        Parameters p = Parameters.initial(NetworkSpec.notebook(), 1);
        OptimizerState sgd = new OptimizerState(Optimizer.SGD, 4, List.of());
        assertThatThrownBy(() -> Experiment.restore(REFERENCE, drawing(), data, NetworkSpec.notebook(), CONFIG, p,
                io.github.drawnet.api.History.EMPTY, sgd)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot restore sgd state into a adam trainer");
    }

    @Test
    void start_batchLargerThanTrainingSet_refused() {
        assertThatThrownBy(() -> Experiment.start(REFERENCE, drawing(), halfPlane(20, 7), NetworkSpec.notebook(),
                CONFIG.withBatchSize(21))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch size must be in [1, 20], got 21");
    }

    @Test
    void close_releasesTheModel_idempotent() {
        Experiment e = Experiment.start(REFERENCE, drawing(), halfPlane(40, 8), NetworkSpec.notebook(),
                CONFIG.withBatchSize(8));
        e.close();
        e.close();
        assertThat(e.model().isClosed()).isTrue();
        assertThatThrownBy(() -> e.train(1, TrainingListener.NONE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reference_isFoundRankedLast() {
        assertThat(REFERENCE).isInstanceOf(ReferenceBackend.class);
        assertThat(REFERENCE.priority()).isEqualTo(ReferenceBackend.PRIORITY).isNegative();
        assertThat(Backends.discover().preferred().id()).isEqualTo("reference"); // the only backend on this path
        assertThat(REFERENCE.engineVersion()).startsWith("Java ");
    }
}
