package io.github.drawnet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ExperimentResultTest {

    /** A finished experiment on 20 test points, with the 256 × 256 grid. */
    static ExperimentResult result() {
        return Experiments.run(new LogisticBackend(), ExperimentTest.drawing(), ExperimentTest.halfPlane(20, 3),
                ExperimentTest.LOGISTIC, ExperimentTest.CONFIG, TrainingListener.NONE);
    }

    /** Returns {@code r} with other test predictions and grid. */
    static ExperimentResult with(ExperimentResult r, float[] testPredictions, int gridResolution, ForwardPass grid) {
        return r.toBuilder().testPredictions(testPredictions).gridResolution(gridResolution).grid(grid).build();
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

    @Test
    void build_partMissing_refusedNamingIt() {
        ExperimentResult r = result();
        assertThatThrownBy(() -> r.toBuilder().optimizerState(null).build()).isInstanceOf(NullPointerException.class)
                .hasMessage("optimizerState");
        assertThatThrownBy(() -> ExperimentResult.builder().build()).isInstanceOf(NullPointerException.class)
                .hasMessage("backendId");
    }

    @Test
    void toBuilder_unchanged_equalResultWithEqualHash_predictionsComparedByValue() {
        ExperimentResult r = result();
        ExperimentResult copy = r.toBuilder().testPredictions(r.testPredictions().clone()).build();
        assertThat(copy).isEqualTo(r).hasSameHashCodeAs(r);
        float[] other = r.testPredictions().clone();
        other[0] += 0.5f;
        assertThat(r.toBuilder().testPredictions(other).build()).isNotEqualTo(r);
        assertThat(r.toBuilder().backendId("other").build()).isNotEqualTo(r);
    }

    @Test
    void toString_namesBackendAndEnding_printsNoArrays() {
        ExperimentResult r = result();
        assertThat(r.toString()).startsWith("ExperimentResult[" + r.backendId()).contains("COMPLETED")
                .contains("256 x 256 grid").doesNotContain("[F@").hasSizeLessThan(1000);
    }
}
