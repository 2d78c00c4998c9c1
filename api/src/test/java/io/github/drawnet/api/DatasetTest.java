package io.github.drawnet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class DatasetTest {

    /** Four points, the second and fourth positive (0.5 counts as positive). */
    static Dataset four() {
        return Dataset.of(new double[] {0.0, 0.25, 0.5, 1.0}, new double[] {1.0, 0.75, 0.5, 0.0},
                new double[] {0, 0.5, 0.49, 1});
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of((Runnable) () -> Dataset.of(new double[2], new double[1], new double[2]),
                        "x1, x2 and labels must have the same length, got 2, 1 and 2"),
                Arguments.of((Runnable) () -> Dataset.of(new double[2], new double[2], new double[3]),
                        "x1, x2 and labels must have the same length, got 2, 2 and 3"),
                Arguments.of((Runnable) () -> Dataset.of(new double[] {0, 0}, new double[] {0, -0.1}, new double[2]),
                        "x2[1] must be in [0, 1], got -0.1"),
                Arguments.of((Runnable) () -> Dataset.of(new double[1], new double[1], new double[] {Double.NaN}),
                        "label[0] must be in [0, 1], got NaN"),
                Arguments.of((Runnable) () -> Dataset.points(new double[] {1.5}, new double[] {0}),
                        "x1[0] must be in [0, 1], got 1.5"),
                Arguments.of((Runnable) () -> four().withLabels(new double[2]), "need 4 labels, got 2"),
                Arguments.of((Runnable) () -> four().withLabels(new double[] {0, 2, 0, 0}),
                        "label[1] must be in [0, 1], got 2.0"),
                Arguments.of((Runnable) () -> Dataset.grid(1), "grid resolution must be in [2, 4096], got 1"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badInputs")
    void of_badInput_refusedNamingIndexAndValue(Runnable make, String message) {
        assertThatThrownBy(make::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void accessors_returnCopiesOfWhatWasGiven() {
        double[] x1 = {0.0, 0.25, 0.5, 1.0};
        Dataset d = Dataset.of(x1, new double[] {1.0, 0.75, 0.5, 0.0}, new double[] {0, 0.5, 0.49, 1});
        x1[0] = 0.9;
        d.x1s()[1] = 0.9;
        d.x2s()[1] = 0.9;
        d.labels()[1] = 0.9;
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.x1s()).containsExactly(0.0, 0.25, 0.5, 1.0);
        assertThat(d.x2s()).containsExactly(1.0, 0.75, 0.5, 0.0);
        assertThat(d.labels()).containsExactly(0, 0.5, 0.49, 1);
        assertThat(d.labelsAsFloats()).containsExactly(0f, 0.5f, 0.49f, 1f);
        assertThat(d.x1(1)).isEqualTo(0.25);
        assertThat(d.x2(1)).isEqualTo(0.75);
        assertThat(d.label(3)).isEqualTo(1.0);
    }

    @Test
    void points_unlabelled_everyLabelZero() {
        Dataset d = Dataset.points(new double[] {0.1, 0.2}, new double[] {0.3, 0.4});
        assertThat(d.labels()).containsExactly(0, 0);
        assertThat(d.x2s()).containsExactly(0.3, 0.4);
    }

    @Test
    void grid_pointRowTimesNPlusCol_rowZeroAtTheBottom() {
        Dataset g = Dataset.grid(3);
        assertThat(g.size()).isEqualTo(9);
        // point 5 is row 1, column 2
        assertThat(g.x1(5)).isEqualTo(1.0);
        assertThat(g.x2(5)).isEqualTo(0.5);
        assertThat(g.x1(3)).isEqualTo(0.0);
        assertThat(g.x2(3)).isEqualTo(0.5);
        assertThat(g.x1s()).containsExactly(0, 0.5, 1, 0, 0.5, 1, 0, 0.5, 1);
        assertThat(g.x2s()).containsExactly(0, 0, 0, 0.5, 0.5, 0.5, 1, 1, 1);
        assertThat(g.labels()).hasSize(9).containsOnly(0.0);
    }

    @Test
    void positiveShare_labelsAtLeastHalf_emptySetZero() {
        assertThat(four().positiveShare()).isEqualTo(0.5);
        assertThat(Dataset.of(new double[] {0, 0, 0}, new double[3], new double[] {1, 0.2, 0.9}).positiveShare())
                .isEqualTo(2 / 3.0);
        assertThat(Dataset.points(new double[0], new double[0]).positiveShare()).isZero();
    }

    @Test
    void select_indicesInOrder_repeatsAllowed() {
        Dataset s = four().select(new int[] {3, 0, 3});
        assertThat(s.x1s()).containsExactly(1.0, 0.0, 1.0);
        assertThat(s.x2s()).containsExactly(0.0, 1.0, 0.0);
        assertThat(s.labels()).containsExactly(1, 0, 1);
        assertThat(four().select(new int[0]).size()).isZero();
    }

    @Test
    void withLabels_samePointsNewLabels_originalUnchanged() {
        Dataset d = four();
        Dataset relabelled = d.withLabels(new double[] {1, 1, 0, 0});
        assertThat(relabelled.labels()).containsExactly(1, 1, 0, 0);
        assertThat(relabelled.x1s()).containsExactly(d.x1s());
        assertThat(relabelled.x2s()).containsExactly(d.x2s());
        assertThat(d.labels()).containsExactly(0, 0.5, 0.49, 1);
    }

    @Test
    void features_areTheFeatureMatrixOfThePoints() {
        assertThat(four().features(List.of(Feature.X2, Feature.X1_TIMES_X2)))
                .containsExactly(1f, -1f, 0.75f, -0.25f, 0.5f, 0f, 0f, -1f);
    }

    @Test
    void equals_sameCoordinatesAndLabels_equalWithEqualHash_anyDifference_notEqual() {
        Dataset d = four();
        assertThat(d).isEqualTo(four()).hasSameHashCodeAs(four());
        assertThat(d).isNotEqualTo(d.withLabels(new double[] {0, 0.5, 0.49, 0.9}));
        assertThat(d).isNotEqualTo(Dataset.of(new double[] {0.1, 0.25, 0.5, 1.0}, d.x2s(), d.labels()));
        assertThat(d).isNotEqualTo(Dataset.of(d.x1s(), new double[] {1.0, 0.75, 0.5, 0.1}, d.labels()));
        assertThat(d).isNotEqualTo("a dataset");
    }

    @Test
    void toString_sizeAndPositiveShare() {
        assertThat(four()).hasToString("Dataset[4 points, 50.0% positive]");
    }
}
