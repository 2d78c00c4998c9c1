package io.github.drawnet.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.BackendUnavailableException;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.InvalidSettingException;
import io.github.drawnet.api.Model;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.Setting;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.api.Trainer;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.run.DrawingSource;
import io.github.drawnet.run.RunInputs;
import io.github.drawnet.sampling.ClassReading;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sweep's grid: every combination, in order, each value read by the one parser, bounded; and its pool. */
final class SweepTest {

    static final Backend REFERENCE = Backends.discover().get("reference");
    private static final Backend ONE = new Renamed("one", true);
    private static final Backend TWO = new Renamed("two", true);

    /** The reference backend under another id, trained concurrently or not. */
    static class Renamed implements Backend {
        private final String id;
        private final boolean concurrent;

        Renamed(String id, boolean concurrent) {
            this.id = id;
            this.concurrent = concurrent;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String displayName() {
            return id;
        }

        @Override
        public String engineVersion() {
            return REFERENCE.engineVersion();
        }

        @Override
        public Model newModel(NetworkSpec spec, Parameters initial) {
            return REFERENCE.newModel(spec, initial);
        }

        @Override
        public Trainer newTrainer(Model model, TrainingConfig config, Dataset train, Dataset validation) {
            return REFERENCE.newTrainer(model, config, train, validation);
        }

        @Override
        public boolean supportsConcurrentTraining() {
            return concurrent;
        }
    }

    static final ExperimentSettings SMALL = ExperimentSettings.notebook().with(Setting.TRAIN_SIZE, "60")
            .with(Setting.VALIDATION_SIZE, "20").with(Setting.TEST_SIZE, "40").with(Setting.BATCH_SIZE, "10")
            .with(Setting.HIDDEN, "none").with(Setting.EPOCHS, "2");

    static RunInputs inputs() {
        return RunInputs.prepare(DrawingSource.preset("halfplane"), ClassReading.DEFAULT, SMALL);
    }

    @Test
    void of_everyCombinationInOrder_labelsAndVarying() {
        Grid grid = Grid.NONE.with(Setting.LEARNING_RATE, "0.1,1").with(Setting.HIDDEN, "2;8,4");
        Sweep sweep = Sweep.of(List.of(ONE, TWO), ExperimentSettings.notebook(), grid);
        assertThat(sweep.cells()).hasSize(8);
        assertThat(sweep.varying()).containsExactly("backend", "hidden", "lr");
        // backends outermost, then hidden before learning rate (the order of Grid.AXES), whatever the order given
        assertThat(sweep.cells()).extracting(sweep::label).containsExactly(
                "backend=one hidden=2 lr=0.1", "backend=one hidden=2 lr=1.0",
                "backend=one hidden=8,4 lr=0.1", "backend=one hidden=8,4 lr=1.0",
                "backend=two hidden=2 lr=0.1", "backend=two hidden=2 lr=1.0",
                "backend=two hidden=8,4 lr=0.1", "backend=two hidden=8,4 lr=1.0");
        Sweep.Cell c = sweep.cells().get(3);
        assertThat(c.index()).isEqualTo(4);
        assertThat(c.backend()).isSameAs(ONE);
        assertThat(c.settings().network().hidden()).containsExactly(8, 4);
        assertThat(c.settings().training().learningRate()).isEqualTo(1.0);
        // what is not varied stays the base's
        assertThat(c.settings().training().epochs()).isEqualTo(100);
        assertThat(c.labels()).containsEntry("hidden", "8,4").containsEntry("activation", "sigmoid")
                .containsEntry("features", "x1,x2").containsEntry("batch", "24").containsEntry("weight_decay", "0.0")
                .containsEntry("l1", "0.0");
    }

    @Test
    void of_singleSetting_noneVary_cellsNamedByNumber() {
        Sweep sweep = Sweep.of(List.of(ONE), ExperimentSettings.notebook().with(Setting.EPOCHS, "7"), Grid.NONE);
        assertThat(sweep.cells()).singleElement().satisfies(c -> {
            assertThat(sweep.label(c)).isEqualTo("cell 1");
            assertThat(c.settings().training().epochs()).isEqualTo(7);
        });
        assertThat(sweep.varying()).isEmpty();
    }

    @Test
    void of_badValue_namesTheFirst() {
        Grid grid = Grid.NONE.with(Setting.HIDDEN, "4;x").with(Setting.LEARNING_RATE, "-2");
        assertThatThrownBy(() -> Sweep.of(List.of(ONE), ExperimentSettings.notebook(), grid))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("hidden must be layer sizes like 4 or 8,4 (or none), got 'x'");
        assertThatThrownBy(() -> Sweep.of(List.of(ONE), ExperimentSettings.notebook().with(Setting.TRAIN_SIZE, "50"),
                Grid.NONE.with(Setting.BATCH_SIZE, "10,60")))
                .hasMessage("batch size must be in [1, 50], got 60");
        // the old spelling of one network is refused with the new one
        assertThatThrownBy(() -> Sweep.of(List.of(ONE), ExperimentSettings.notebook(),
                Grid.NONE.with(Setting.HIDDEN, "2;8-4")))
                .isInstanceOf(InvalidSettingException.class).hasMessage("hidden 8-4: write one network's layer sizes"
                        + " with commas (8,4) and separate networks with ';' (e.g. '4;8,4')");
    }

    /** The batch is checked against the training set once a cell's settings are all known, not with the default's. */
    @Test
    void of_smallTrainingSet_givenBatchFits_noDefaultBatchChecked() {
        ExperimentSettings small = ExperimentSettings.notebook().with(Setting.TRAIN_SIZE, "20");
        Sweep sweep = Sweep.of(List.of(ONE), small, Grid.NONE.with(Setting.HIDDEN, "2;4").with(Setting.BATCH_SIZE, "10"));
        assertThat(sweep.cells()).extracting(c -> c.settings().training().batchSize()).containsExactly(10, 10);
        // the base's own batch (24) is a cell's only when no batch is given, and then it is refused
        assertThatThrownBy(() -> Sweep.of(List.of(ONE), small, Grid.NONE.with(Setting.HIDDEN, "2;4")))
                .isInstanceOf(InvalidSettingException.class).hasMessage("batch size must be in [1, 20], got 24");
    }

    /** The best cell is the most accurate of those that did not diverge; none when every cell diverged. */
    @Test
    void best_neverADivergedCell() throws InterruptedException {
        RunInputs in = inputs();
        Sweep sweep = Sweep.of(List.of(REFERENCE), SMALL, Grid.NONE.with(Setting.LEARNING_RATE, "1e300;0.0001")
                .with(Setting.EPOCHS, "1"));
        List<Sweep.Done> done = sweep.run(in.drawing(), in.data(), 1, d -> {});
        assertThat(done.get(0).result().training().stopReason()).isEqualTo(StopReason.DIVERGED);
        assertThat(Sweep.best(done)).get().isSameAs(done.get(1));
        assertThat(Sweep.best(done.subList(0, 1))).isEmpty();
    }

    @Test
    void run_stopRequested_noFurtherCellStarts_andTheRunningOneStopsAfterItsEpoch() throws InterruptedException {
        RunInputs in = inputs();
        Sweep sweep = Sweep.of(List.of(REFERENCE), SMALL, Grid.NONE.with(Setting.EPOCHS, "2;50;3"));
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> told = new ArrayList<>();
        // asked before cell 1 (1), after its 2 epochs (2, 3), before cell 2 (4), after its first epoch (5): stop
        List<Sweep.Done> done = sweep.run(in.drawing(), in.data(), 1, d -> told.add(d.cell().index()),
                () -> asked.incrementAndGet() >= 5);
        assertThat(done).extracting(d -> d.cell().index()).containsExactly(1, 2);
        assertThat(told).containsExactly(1, 2);
        assertThat(done.get(0).result().training().stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(done.get(1).result().training().stopReason()).isEqualTo(StopReason.STOPPED);
        assertThat(done.get(1).result().history().size()).isEqualTo(1);
        assertThat(sweep.run(in.drawing(), in.data(), 1, d -> { }, () -> true)).isEmpty();
    }

    @Test
    void of_tooManyCells_orNoBackend_refused() {
        String sixteen = "1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16";
        Grid grid = Grid.NONE.with(Setting.HIDDEN, sixteen).with(Setting.EPOCHS, sixteen);
        assertThat(Sweep.of(List.of(ONE), ExperimentSettings.notebook(), grid).cells()).hasSize(256);
        assertThatThrownBy(() -> Sweep.of(List.of(ONE, TWO), ExperimentSettings.notebook(), grid))
                .hasMessage("the sweep has 512 cells; at most 256 are allowed");
        assertThatThrownBy(() -> Sweep.of(List.of(), ExperimentSettings.notebook(), Grid.NONE))
                .hasMessage("a sweep needs at least one backend");
    }

    @Test
    void concurrency_oneAtATimeWhenABackendCannotTrainInParallel() {
        Backend serial = new Renamed("serial", false);
        Grid grid = Grid.NONE.with(Setting.HIDDEN, "1;2;3");
        assertThat(Sweep.of(List.of(ONE), ExperimentSettings.notebook(), grid).concurrency(8)).isEqualTo(3);
        assertThat(Sweep.of(List.of(ONE), ExperimentSettings.notebook(), grid).concurrency(2)).isEqualTo(2);
        assertThat(Sweep.of(List.of(ONE), ExperimentSettings.notebook(), grid).concurrency(1)).isEqualTo(1);
        assertThat(Sweep.of(List.of(ONE, serial), ExperimentSettings.notebook(), grid).concurrency(8)).isEqualTo(1);
        assertThat(Sweep.of(List.of(ONE), ExperimentSettings.notebook(), Grid.NONE).concurrency(8)).isEqualTo(1);
    }

    @Test
    void run_everyCellInOrder_sameAsOneByOne() throws Exception {
        RunInputs in = inputs();
        Sweep sweep = Sweep.of(List.of(REFERENCE), SMALL, Grid.NONE.with(Setting.LEARNING_RATE, "0.1;0.5;1")
                .with(Setting.OPTIMIZER, "adam;sgd"));
        List<String> told = new ArrayList<>();
        List<Sweep.Done> parallel = sweep.run(in.drawing(), in.data(), 4, d -> told.add(d.label()));
        List<Sweep.Done> serial = sweep.run(in.drawing(), in.data(), 1, d -> { });
        assertThat(parallel).hasSize(6);
        assertThat(told).hasSize(6).containsExactlyInAnyOrderElementsOf(parallel.stream().map(Sweep.Done::label).toList());
        for (int i = 0; i < 6; i++) {
            assertThat(parallel.get(i).cell()).isSameAs(sweep.cells().get(i));
            assertThat(parallel.get(i).label()).isEqualTo(sweep.label(sweep.cells().get(i)));
            assertThat(parallel.get(i).result().history()).isEqualTo(serial.get(i).result().history());
            assertThat(parallel.get(i).result().config().learningRate())
                    .isEqualTo(sweep.cells().get(i).settings().training().learningRate());
        }
        assertThat(parallel.get(0).label()).isEqualTo("optimizer=adam lr=0.1");
    }

    @Test
    void run_aFailingCell_isThrownAsIs() {
        Backend broken = new Renamed("broken", true) {
            @Override
            public Model newModel(NetworkSpec spec, Parameters initial) {
                throw new BackendUnavailableException("broken", "no engine today", null);
            }
        };
        Sweep sweep = Sweep.of(List.of(broken), SMALL, Grid.NONE);
        RunInputs in = inputs();
        assertThatThrownBy(() -> sweep.run(in.drawing(), in.data(), 2, d -> { }))
                .isInstanceOf(BackendUnavailableException.class).hasMessageContaining("no engine today");
    }

    @Test
    void run_cellsTrainOnDaemonThreads_soASweepNeverKeepsTheJvmAlive() throws Exception {
        RunInputs in = inputs();
        Sweep sweep = Sweep.of(List.of(REFERENCE), SMALL.with(Setting.EPOCHS, "1"),
                Grid.NONE.with(Setting.LEARNING_RATE, "0.1;1"));
        List<Thread> threads = new ArrayList<>();
        sweep.run(in.drawing(), in.data(), 2, d -> threads.add(Thread.currentThread()));
        assertThat(threads).hasSize(2).allSatisfy(t -> {
            assertThat(t.isDaemon()).isTrue();
            assertThat(t.getName()).isEqualTo("drawnet-sweep");
        });
    }
}
