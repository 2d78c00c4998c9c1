package io.github.drawnet.api;

import io.github.drawnet.api.spi.Backend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A sweep's grid: every combination, in order, each value read by the one parser, bounded. */
final class SweepTest {

    private static final Backend ONE = new BackendsTest.FakeBackend("one");
    private static final Backend TWO = new BackendsTest.FakeBackend("two");

    @Test
    void of_everyCombinationInOrder_labelsAndVarying() {
        Map<Setting, List<String>> axes = new LinkedHashMap<>();
        axes.put(Setting.LEARNING_RATE, List.of("0.1", "1"));
        axes.put(Setting.HIDDEN, List.of("2", "8-4"));
        Sweep sweep = Sweep.of(List.of(ONE, TWO), ExperimentSettings.notebook(), axes);
        assertThat(sweep.cells()).hasSize(8);
        assertThat(sweep.varying()).containsExactly("backend", "hidden", "lr");
        // backends outermost, then hidden before learning rate (the order of Sweep.AXES), whatever the map's order
        assertThat(sweep.cells()).extracting(sweep::label).containsExactly(
                "backend=one hidden=2 lr=0.1", "backend=one hidden=2 lr=1.0",
                "backend=one hidden=8-4 lr=0.1", "backend=one hidden=8-4 lr=1.0",
                "backend=two hidden=2 lr=0.1", "backend=two hidden=2 lr=1.0",
                "backend=two hidden=8-4 lr=0.1", "backend=two hidden=8-4 lr=1.0");
        Sweep.Cell c = sweep.cells().get(3);
        assertThat(c.index()).isEqualTo(4);
        assertThat(c.backend()).isSameAs(ONE);
        assertThat(c.settings().network().hidden()).containsExactly(8, 4);
        assertThat(c.settings().training().learningRate()).isEqualTo(1.0);
        // what is not varied stays the base's
        assertThat(c.settings().training().epochs()).isEqualTo(100);
        assertThat(c.labels()).containsEntry("activation", "sigmoid").containsEntry("features", "x1,x2")
                .containsEntry("batch", "24").containsEntry("weight_decay", "0.0");
    }

    @Test
    void of_singleSetting_noneVary_cellsNamedByNumber() {
        Sweep sweep = Sweep.of(List.of(ONE), ExperimentSettings.notebook().with(Setting.EPOCHS, "7"), Map.of());
        assertThat(sweep.cells()).singleElement().satisfies(c -> {
            assertThat(sweep.label(c)).isEqualTo("cell 1");
            assertThat(c.settings().training().epochs()).isEqualTo(7);
        });
        assertThat(sweep.varying()).isEmpty();
    }

    @Test
    void of_badValue_namesTheFirst() {
        Map<Setting, List<String>> axes = new LinkedHashMap<>();
        axes.put(Setting.HIDDEN, List.of("4", "x"));
        axes.put(Setting.LEARNING_RATE, List.of("-2"));
        assertThatThrownBy(() -> Sweep.of(List.of(ONE), ExperimentSettings.notebook(), axes))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("hidden must be layer sizes like 4 or 8,4 (or none), got 'x'");
        assertThatThrownBy(() -> Sweep.of(List.of(ONE), ExperimentSettings.notebook().with(Setting.TRAIN_SIZE, "50"),
                Map.of(Setting.BATCH_SIZE, List.of("10", "60"))))
                .hasMessage("batch size must be in [1, 50], got 60");
    }

    /** The batch is checked against the training set once a cell's settings are all known, not with the default's. */
    @Test
    void of_smallTrainingSet_givenBatchFits_noDefaultBatchChecked() {
        ExperimentSettings small = ExperimentSettings.notebook().with(Setting.TRAIN_SIZE, "20");
        Map<Setting, List<String>> axes = new LinkedHashMap<>();
        axes.put(Setting.HIDDEN, List.of("2", "4"));
        axes.put(Setting.BATCH_SIZE, List.of("10"));
        Sweep sweep = Sweep.of(List.of(ONE), small, axes);
        assertThat(sweep.cells()).extracting(c -> c.settings().training().batchSize()).containsExactly(10, 10);
        // the base's own batch (24) is a cell's only when no batch is given, and then it is refused
        assertThatThrownBy(() -> Sweep.of(List.of(ONE), small, Map.of(Setting.HIDDEN, List.of("2", "4"))))
                .isInstanceOf(InvalidSettingException.class).hasMessage("batch size must be in [1, 20], got 24");
    }

    /** The best cell is the most accurate of those that did not diverge; none when every cell diverged. */
    @Test
    void best_neverADivergedCell() throws InterruptedException {
        DataSplits data = ExperimentTest.halfPlane(100, 1);
        Map<Setting, List<String>> axes = Map.of(Setting.LEARNING_RATE, List.of("1e9", "0.0001"),
                Setting.EPOCHS, List.of("1"), Setting.HIDDEN, List.of("none"));
        Sweep sweep = Sweep.of(List.of(new LogisticBackend()), ExperimentSettings.notebook(), axes);
        List<Sweep.Done> done = sweep.run(ExperimentTest.drawing(), data, 1, d -> {});
        assertThat(done.get(0).result().training().stopReason()).isEqualTo(StopReason.DIVERGED);
        assertThat(Sweep.best(done)).get().isSameAs(done.get(1));
        assertThat(Sweep.best(done.subList(0, 1))).isEmpty();
    }

    @Test
    void run_stopRequested_noFurtherCellStarts_andTheRunningOneStopsAfterItsEpoch() throws InterruptedException {
        DataSplits data = ExperimentTest.halfPlane(100, 1);
        Map<Setting, List<String>> axes = new LinkedHashMap<>();
        axes.put(Setting.EPOCHS, List.of("2", "50", "3"));
        axes.put(Setting.HIDDEN, List.of("none"));
        Sweep sweep = Sweep.of(List.of(new LogisticBackend()), ExperimentSettings.notebook(), axes);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> told = new java.util.ArrayList<>();
        // asked before cell 1 (1), after its 2 epochs (2, 3), before cell 2 (4), after its first epoch (5): stop
        List<Sweep.Done> done = sweep.run(ExperimentTest.drawing(), data, 1, d -> told.add(d.cell().index()),
                () -> asked.incrementAndGet() >= 5);
        assertThat(done).extracting(d -> d.cell().index()).containsExactly(1, 2);
        assertThat(told).containsExactly(1, 2);
        assertThat(done.get(0).result().training().stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(done.get(1).result().training().stopReason()).isEqualTo(StopReason.STOPPED);
        assertThat(done.get(1).result().history().size()).isEqualTo(1);
        assertThat(sweep.run(ExperimentTest.drawing(), data, 1, d -> { }, () -> true)).isEmpty();
    }

    @Test
    void of_tooManyCells_orSettingNotVaried_refused() {
        List<String> sixteen = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15",
                "16");
        Map<Setting, List<String>> axes = Map.of(Setting.HIDDEN, sixteen, Setting.EPOCHS, sixteen);
        assertThat(Sweep.of(List.of(ONE), ExperimentSettings.notebook(), axes).cells()).hasSize(256);
        assertThatThrownBy(() -> Sweep.of(List.of(ONE, TWO), ExperimentSettings.notebook(), axes))
                .hasMessage("the sweep has 512 cells; at most 256 are allowed");
        assertThatThrownBy(() -> Sweep.of(List.of(ONE), ExperimentSettings.notebook(),
                Map.of(Setting.SEED, List.of("1", "2"))))
                .hasMessageStartingWith("a sweep cannot vary seed; it varies hidden, activation");
        assertThatThrownBy(() -> Sweep.of(List.of(), ExperimentSettings.notebook(), Map.of()))
                .hasMessage("a sweep needs at least one backend");
    }

    @Test
    void concurrency_oneAtATimeWhenABackendCannotTrainInParallel() {
        Backend serial = new BackendsTest.FakeBackend("serial") {
            @Override
            public boolean supportsConcurrentTraining() {
                return false;
            }
        };
        Map<Setting, List<String>> axes = Map.of(Setting.HIDDEN, List.of("1", "2", "3"));
        assertThat(Sweep.of(List.of(ONE), ExperimentSettings.notebook(), axes).concurrency(8)).isEqualTo(3);
        assertThat(Sweep.of(List.of(ONE), ExperimentSettings.notebook(), axes).concurrency(2)).isEqualTo(2);
        assertThat(Sweep.of(List.of(ONE), ExperimentSettings.notebook(), axes).concurrency(1)).isEqualTo(1);
        assertThat(Sweep.of(List.of(ONE, serial), ExperimentSettings.notebook(), axes).concurrency(8)).isEqualTo(1);
        assertThat(Sweep.of(List.of(ONE), ExperimentSettings.notebook(), Map.of()).concurrency(8)).isEqualTo(1);
    }
}
