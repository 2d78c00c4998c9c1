package io.github.drawnet.api;

import io.github.drawnet.api.spi.Backend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The experiment's lifecycle, {@link Experiments} on a plain-Java test double
 * ({@link LogisticBackend}): what they record, what they refuse, and that they release every model.
 */
final class ExperimentTest {

    static final NetworkSpec LOGISTIC = NetworkSpec.notebook().withHidden(List.of());
    static final TrainingConfig CONFIG = TrainingConfig.notebook().withEpochs(3).withBatchSize(10).withLearningRate(0.5)
            .withSeed(4);

    /** Points above the line x2 = 0.5 are positive: a logistic regression learns it. */
    static DataSplits halfPlane(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Dataset[] sets = new Dataset[3];
        for (int s = 0; s < 3; s++) {
            double[] x1 = new double[n];
            double[] x2 = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x1[i] = r.nextDouble();
                x2[i] = r.nextDouble();
                y[i] = x2[i] > 0.5 ? 1 : 0;
            }
            sets[s] = Dataset.of(x1, x2, y);
        }
        Drawing d = drawing();
        return new DataSplits(sets[0], sets[1], sets[2], new Provenance(d.name(), d.sha256(), d.width(), d.height(),
                seed, new SampleSizes(n, n, n), LabelMode.BINARY, 0));
    }

    static Drawing drawing() {
        float[] coverage = new float[16];
        for (int i = 0; i < 8; i++) {
            coverage[i] = 1;
        }
        return Drawing.of("top-half", 4, 4, coverage);
    }

    @Test
    void start_train_finish_recordsEverything() {
        LogisticBackend backend = new LogisticBackend();
        DataSplits data = halfPlane(100, 1);
        try (Experiment e = Experiment.start(backend, drawing(), data, LOGISTIC, CONFIG)) {
            assertThat(e.backend()).isSameAs(backend);
            assertThat(e.drawing().name()).isEqualTo("top-half");
            assertThat(e.data()).isSameAs(data);
            assertThat(e.spec()).isEqualTo(LOGISTIC);
            assertThat(e.config()).isEqualTo(CONFIG);
            assertThat(e.initialParameters()).isEqualTo(Parameters.initial(LOGISTIC, 4));
            assertThat(e.history()).isEqualTo(History.EMPTY);
            assertThat(e.trainingTime()).isZero();
            List<Integer> seen = new ArrayList<>();
            TrainingResult first = e.train(2, TrainingListener.ofEpochs((m, last) -> seen.add(m.epoch() * 100 + last)));
            assertThat(seen).containsExactly(102, 202);
            assertThat(first.stopReason()).isEqualTo(StopReason.COMPLETED);
            TrainingResult second = e.train(3, TrainingListener.ofEpochs((m, last) -> seen.add(m.epoch() * 100 + last)));
            assertThat(seen).containsExactly(102, 202, 305, 405, 505);
            assertThat(second.epochsRun()).isEqualTo(3);
            assertThat(e.epochsCompleted()).isEqualTo(5);
            assertThat(e.optimizerState().step()).isEqualTo(50);
            assertThat(e.trainingTime()).isPositive();

            ExperimentResult r = e.finish();
            assertThat(r.backendId()).isEqualTo("logistic");
            assertThat(r.backendName()).isEqualTo("test");
            assertThat(r.history().size()).isEqualTo(5);
            assertThat(r.training().epochsRun()).isEqualTo(3);
            assertThat(r.config()).isEqualTo(CONFIG.withEpochs(5));
            assertThat(r.initialParameters()).isEqualTo(Parameters.initial(LOGISTIC, 4));
            assertThat(r.finalParameters()).isEqualTo(e.model().parameters()).isNotEqualTo(r.initialParameters());
            assertThat(r.optimizerState().step()).isEqualTo(50);
            assertThat(r.testPredictions()).hasSize(100);
            assertThat(r.test().count()).isEqualTo(100);
            assertThat(r.test().accuracy()).isGreaterThan(0.8);
            assertThat(r.gridResolution()).isEqualTo(Experiment.GRID_RESOLUTION).isEqualTo(256);
            assertThat(r.grid().output()).hasSize(256 * 256);
            assertThat(r.trainingTime()).isEqualTo(e.trainingTime());
        }
        assertThat(backend.made).singleElement().satisfies(m -> assertThat(m.isClosed()).isTrue());
    }

    @Test
    void finish_beforeTrain_refused_closeTwice_fine() {
        LogisticBackend backend = new LogisticBackend();
        Experiment e = Experiment.start(backend, drawing(), halfPlane(20, 2), LOGISTIC, CONFIG);
        assertThatThrownBy(e::finish).isInstanceOf(IllegalStateException.class)
                .hasMessage("nothing has been trained yet; call train first");
        assertThatThrownBy(() -> e.train(0, TrainingListener.NONE)).hasMessage("epochs must be in [1, 100000], got 0");
        assertThatThrownBy(() -> e.train(1, null)).isInstanceOf(NullPointerException.class);
        e.close();
        e.close();
        assertThat(e.model().isClosed()).isTrue();
        assertThatThrownBy(() -> e.train(1, TrainingListener.NONE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void start_trainerRefused_modelClosedAgain() {
        LogisticBackend backend = new LogisticBackend();
        assertThatThrownBy(() -> Experiment.start(backend, drawing(), halfPlane(20, 3), LOGISTIC,
                CONFIG.withBatchSize(21))).hasMessage("batch size must be in [1, 20], got 21");
        assertThat(backend.made).singleElement().satisfies(m -> assertThat(m.isClosed()).isTrue());
        Parameters wrong = Parameters.initial(NetworkSpec.notebook(), 1);
        assertThatThrownBy(() -> Experiment.start(backend, drawing(), halfPlane(20, 3), LOGISTIC, CONFIG, wrong))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(backend.made).hasSize(1);
    }

    @Test
    void restore_numbersOn_andRefusesAForeignStateClosingTheModel() {
        LogisticBackend backend = new LogisticBackend();
        DataSplits data = halfPlane(60, 5);
        Parameters after;
        OptimizerState state;
        History history;
        try (Experiment e = Experiment.start(backend, drawing(), data, LOGISTIC, CONFIG)) {
            e.train(2, TrainingListener.NONE);
            after = e.model().parameters();
            state = e.optimizerState();
            history = e.history();
        }
        try (Experiment r = Experiment.restore(backend, drawing(), data, LOGISTIC, CONFIG, after, history, state)) {
            assertThat(r.epochsCompleted()).isEqualTo(2);
            assertThat(r.model().parameters()).isEqualTo(after);
            assertThat(r.initialParameters()).isEqualTo(after);
            assertThat(r.optimizerState().step()).isEqualTo(12);
            r.train(1, TrainingListener.NONE);
            assertThat(r.history().last().epoch()).isEqualTo(3);
            assertThat(r.finish().config().epochs()).isEqualTo(3);
        }
        OptimizerState sgd = new OptimizerState(Optimizer.SGD, 3, List.of());
        assertThatThrownBy(() -> Experiment.restore(backend, drawing(), data, LOGISTIC, CONFIG, after, history, sgd))
                .hasMessage("cannot restore sgd state into a adam trainer");
        assertThat(backend.made).hasSize(3).allSatisfy(m -> assertThat(m.isClosed()).isTrue());
    }

    @Test
    void requestStop_stopsTheCallInProgress_notTheNext() {
        LogisticBackend backend = new LogisticBackend();
        try (Experiment e = Experiment.start(backend, drawing(), halfPlane(40, 6), LOGISTIC, CONFIG)) {
            TrainingResult r = e.train(50, TrainingListener.ofEpochs((m, last) -> {
                if (m.epoch() == 3) {
                    e.requestStop();
                }
            }));
            assertThat(r.stopReason()).isEqualTo(StopReason.STOPPED);
            assertThat(r.epochsRun()).isEqualTo(3);
            assertThat(r.message()).isEqualTo("training stopped at epoch 3 on request");
            assertThat(e.train(2, TrainingListener.NONE).stopReason()).isEqualTo(StopReason.COMPLETED);
            assertThat(e.epochsCompleted()).isEqualTo(5);
            // the caller's own stop request is kept too
            assertThat(e.train(4, TrainingListener.NONE, () -> true).epochsRun()).isEqualTo(1);
            // the config reports the epochs asked for; the history, those run
            assertThat(e.finish().config().epochs()).isEqualTo(50 + 2 + 4);
            assertThat(e.finish().history().size()).isEqualTo(6);
        }
    }

    @Test
    void trainRest_trainsAStoppedCallsRemainingEpochs_plansNoMore_finishCountsThemAsOneRun() {
        LogisticBackend backend = new LogisticBackend();
        try (Experiment e = Experiment.start(backend, drawing(), halfPlane(40, 6), LOGISTIC, CONFIG)) {
            assertThatThrownBy(() -> e.trainRest(TrainingListener.NONE, () -> false))
                    .isInstanceOf(IllegalStateException.class).hasMessage("no training call has epochs left; call train");
            List<Integer> lasts = new ArrayList<>();
            // a pause: the caller stops the call after epoch 3 of 10, and picks it up later
            e.train(10, TrainingListener.ofEpochs((m, last) -> lasts.add(last)), () -> e.epochsCompleted() == 3);
            assertThat(e.epochsLeft()).isEqualTo(7);
            TrainingResult second = e.trainRest(TrainingListener.ofEpochs((m, last) -> lasts.add(last)),
                    () -> e.epochsCompleted() == 5);
            assertThat(second.epochsRun()).isEqualTo(2);
            assertThat(e.epochsLeft()).isEqualTo(5);
            TrainingResult rest = e.trainRest(TrainingListener.ofEpochs((m, last) -> lasts.add(last)), () -> false);
            assertThat(rest.stopReason()).isEqualTo(StopReason.COMPLETED);
            assertThat(e.epochsLeft()).isZero();
            assertThat(lasts).as("every epoch told the same last epoch").hasSize(10).containsOnly(10);
            ExperimentResult r = e.finish();
            assertThat(r.history().size()).isEqualTo(10);
            assertThat(r.config().epochs()).as("the epochs asked for once").isEqualTo(10);
            assertThat(r.training().epochsRun()).isEqualTo(10);
            assertThat(r.training().message()).isEqualTo("trained 10 epochs");
            // a new call starts its own count
            e.train(2, TrainingListener.NONE);
            assertThat(e.finish().training().epochsRun()).isEqualTo(2);
            assertThat(e.finish().training().message()).isEqualTo("trained 2 epochs");
            assertThat(e.finish().config().epochs()).isEqualTo(12);
        }
    }

    @Test
    void experimentsRun_isStartTrainFinish() {
        LogisticBackend backend = new LogisticBackend();
        DataSplits data = halfPlane(50, 7);
        ExperimentResult a = Experiments.run(backend, drawing(), data, LOGISTIC, CONFIG, TrainingListener.NONE);
        ExperimentResult b;
        try (Experiment e = Experiment.start(backend, drawing(), data, LOGISTIC, CONFIG)) {
            e.train(CONFIG.epochs(), TrainingListener.NONE);
            b = e.finish();
        }
        assertThat(a.history()).isEqualTo(b.history());
        assertThat(a.finalParameters()).isEqualTo(b.finalParameters());
        assertThat(a.config()).isEqualTo(CONFIG);
        assertThat(backend.made).hasSize(2).allSatisfy(m -> assertThat(m.isClosed()).isTrue());
    }

    @Test
    void trainingTime_isTheTimeSpentInTrain() {
        try (Experiment e = Experiment.start(new LogisticBackend(), drawing(), halfPlane(40, 10), LOGISTIC, CONFIG)) {
            long before = System.nanoTime();
            e.train(2, TrainingListener.NONE);
            long spent = System.nanoTime() - before;
            assertThat(e.trainingTime()).isPositive().isLessThanOrEqualTo(java.time.Duration.ofNanos(spent));
        }
    }

    @Test
    void close_releasesTheTrainerAndTheModel() {
        SpiTest.ScriptedModel model = new SpiTest.ScriptedModel(0.5f);
        List<SpiTest.ScriptedTrainer> trainers = new ArrayList<>();
        Backend scripted = new LogisticBackend() {
            @Override
            public Model newModel(NetworkSpec spec, Parameters initial) {
                return model;
            }

            @Override
            public Trainer newTrainer(Model m, TrainingConfig config, Dataset train, Dataset validation) {
                SpiTest.ScriptedTrainer t = new SpiTest.ScriptedTrainer(m, train,
                        new io.github.drawnet.api.spi.AbstractTrainer.EpochTotals(1, 1, 2));
                trainers.add(t);
                return t;
            }
        };
        Experiment.start(scripted, drawing(), halfPlane(20, 12), LOGISTIC, CONFIG).close();
        assertThat(trainers).singleElement().satisfies(t -> assertThat(t.releases).isEqualTo(1));
        assertThat(model.releases).isEqualTo(1);
    }
}
