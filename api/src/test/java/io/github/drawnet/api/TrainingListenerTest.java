package io.github.drawnet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

final class TrainingListenerTest {

    /** Returns a listener that writes what it is told into {@code told}, each line starting with {@code name}. */
    static TrainingListener recorder(String name, List<String> told) {
        return new TrainingListener() {
            @Override
            public void trainingStarted(int firstEpoch, int lastEpoch) {
                told.add(name + " started " + firstEpoch + "-" + lastEpoch);
            }

            @Override
            public void epochEnded(EpochMetrics metrics, int lastEpoch) {
                told.add(name + " epoch " + metrics.epoch() + "/" + lastEpoch);
            }

            @Override
            public void trainingEnded(TrainingResult result) {
                told.add(name + " ended " + result.stopReason() + " after " + result.epochsRun());
            }
        };
    }

    @Test
    void train_twoCalls_listenerToldStartEveryEpochAndEnd_numberedOn() {
        List<String> told = new ArrayList<>();
        try (Experiment e = Experiment.start(new LogisticBackend(), ExperimentTest.drawing(),
                ExperimentTest.halfPlane(20, 3), ExperimentTest.LOGISTIC, ExperimentTest.CONFIG)) {
            e.train(2, recorder("a", told));
            e.train(1, recorder("a", told));
        }
        assertThat(told).containsExactly("a started 1-2", "a epoch 1/2", "a epoch 2/2", "a ended COMPLETED after 2",
                "a started 3-3", "a epoch 3/3", "a ended COMPLETED after 1");
    }

    @Test
    void and_tellsBothInOrder_ofEverything() {
        List<String> told = new ArrayList<>();
        try (Experiment e = Experiment.start(new LogisticBackend(), ExperimentTest.drawing(),
                ExperimentTest.halfPlane(20, 3), ExperimentTest.LOGISTIC, ExperimentTest.CONFIG)) {
            e.train(1, recorder("a", told).and(recorder("b", told)));
        }
        assertThat(told).containsExactly("a started 1-1", "b started 1-1", "a epoch 1/1", "b epoch 1/1",
                "a ended COMPLETED after 1", "b ended COMPLETED after 1");
        assertThatThrownBy(() -> TrainingListener.NONE.and(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("other");
    }

    @Test
    void train_stopRequestedDuringAnEpoch_readAfterTheListener_stopsAfterThatEpoch() {
        AtomicBoolean stop = new AtomicBoolean();
        List<String> told = new ArrayList<>();
        try (Experiment e = Experiment.start(new LogisticBackend(), ExperimentTest.drawing(),
                ExperimentTest.halfPlane(20, 3), ExperimentTest.LOGISTIC, ExperimentTest.CONFIG)) {
            TrainingListener stopAt2 = TrainingListener.ofEpochs((m, last) -> stop.set(m.epoch() == 2));
            TrainingResult r = e.train(5, stopAt2.and(recorder("a", told)), stop::get);
            assertThat(r.stopReason()).isEqualTo(StopReason.STOPPED);
            assertThat(r.epochsRun()).isEqualTo(2);
            assertThat(r.message()).isEqualTo("training stopped at epoch 2 on request");
            assertThat(e.history().size()).isEqualTo(2);
            assertThatThrownBy(() -> e.train(1, TrainingListener.NONE, null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("stopRequested");
        }
        assertThat(told).containsExactly("a started 1-5", "a epoch 1/5", "a epoch 2/5", "a ended STOPPED after 2");
    }
}
