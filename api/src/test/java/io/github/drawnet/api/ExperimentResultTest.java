package io.github.drawnet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ExperimentResultTest {

    /** A finished experiment on 20 test points, with the 256 × 256 grid. */
    static ExperimentResult result() {
        return Experiments.run(new LogisticBackend(), ExperimentTest.drawing(), ExperimentTest.halfPlane(20, 3),
                ExperimentTest.LOGISTIC, ExperimentTest.CONFIG, EpochListener.NONE);
    }

    /** Returns {@code r} with other test predictions and grid. */
    static ExperimentResult with(ExperimentResult r, float[] testPredictions, int gridResolution, ForwardPass grid) {
        return new ExperimentResult(r.backendId(), r.backendName(), r.drawing(), r.data(), r.spec(), r.config(),
                r.initialParameters(), r.finalParameters(), r.training(), r.test(), testPredictions, gridResolution,
                grid, r.trainingTime(), r.optimizerState());
    }

    @Test
    void new_gridOfTheStatedSide_accepted_historyIsTheTrainings() {
        ExperimentResult r = result();
        ExperimentResult small = with(r, r.testPredictions(), 2, new ForwardPass(new float[4], List.of()));
        assertThat(small.gridResolution()).isEqualTo(2);
        assertThat(small.history()).isSameAs(r.training().history());
    }

    @Test
    void new_gridOfAnotherSize_refusedNamingBoth() {
        ExperimentResult r = result();
        assertThatThrownBy(() -> with(r, r.testPredictions(), 3, new ForwardPass(new float[4], List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a 3 x 3 grid needs 9 points, got 4");
    }

    @Test
    void new_testPredictionsForOtherPoints_refusedNamingBoth() {
        ExperimentResult r = result();
        assertThatThrownBy(() -> with(r, new float[19], 256, r.grid()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("19 test predictions for 20 test points");
    }
}
