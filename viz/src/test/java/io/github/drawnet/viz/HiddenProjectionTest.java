package io.github.drawnet.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The hidden layer's picture: units directly, or principal components kept steady between epochs. */
final class HiddenProjectionTest {

    @Test
    void project_oneOrTwoUnits_areTheUnitsThemselves() {
        HiddenProjection p = new HiddenProjection();
        double[][] two = p.project(new float[] {0.1f, 0.9f, 0.4f, 0.2f}, 2);
        assertThat(two[0]).containsExactly(new double[] {0.1, 0.4}, within(1e-6));
        assertThat(two[1]).containsExactly(new double[] {0.9, 0.2}, within(1e-6));
        double[][] one = p.project(new float[] {0.3f, 0.7f}, 1);
        assertThat(one[0]).containsExactly(new double[] {0.3, 0.7}, within(1e-6));
        assertThat(one[1]).containsExactly(0.0, 0.0);
    }

    @Test
    void topTwo_findsTheLeadingEigenvectors_inOrder() {
        // variance 9 along unit 3, 4 along unit 1, 1 along unit 2
        double[][] c = HiddenProjection.topTwo(new double[][] {{4, 0, 0}, {0, 1, 0}, {0, 0, 9}});
        assertThat(Math.abs(c[0][2])).isCloseTo(1, within(1e-6));
        assertThat(Math.abs(c[1][0])).isCloseTo(1, within(1e-6));
    }

    @Test
    void align_flipsSignsAndSwapsOrder_toFollowThePreviousFit() {
        double[][] prev = {{1, 0, 0}, {0, 1, 0}};
        double[][] flipped = HiddenProjection.align(new double[][] {{-1, 0, 0}, {0, 1, 0}}, prev);
        assertThat(flipped[0]).containsExactly(new double[] {1, 0, 0}, within(1e-12));
        assertThat(flipped[1]).containsExactly(new double[] {0, 1, 0}, within(1e-12));
        double[][] swapped = HiddenProjection.align(new double[][] {{0, -0.9, 0.1}, {0.95, 0, 0.1}}, prev);
        assertThat(swapped[0]).containsExactly(new double[] {0.95, 0, 0.1}, within(1e-12));
        assertThat(swapped[1]).containsExactly(new double[] {0, 0.9, -0.1}, within(1e-12));
        assertThat(HiddenProjection.align(prev, null)).isSameAs(prev);
    }

    @Test
    void project_threeUnits_epochToEpoch_thePictureDoesNotFlip() {
        HiddenProjection p = new HiddenProjection();
        // points spread along unit 1 (most) and unit 2; unit 3 nearly constant
        float[] a = new float[3 * 50];
        for (int i = 0; i < 50; i++) {
            a[3 * i] = i / 10f;
            a[3 * i + 1] = (i % 5) / 10f;
            a[3 * i + 2] = 0.5f + (i % 2) * 0.001f;
        }
        double[][] first = p.project(a, 3);
        // the same activations again, but with unit 1's sign reversed: the fit's first component may come out
        // either way; alignment keeps the picture as close to the last one as it can
        double[][] second = p.project(a, 3);
        for (int i = 0; i < 50; i++) {
            assertThat(second[0][i]).isCloseTo(first[0][i], within(1e-6));
            assertThat(second[1][i]).isCloseTo(first[1][i], within(1e-6));
        }
        // the first coordinate follows unit 1 (the widest spread), one way or the other
        double corr = 0;
        for (int i = 0; i < 50; i++) {
            corr += first[0][i] * (a[3 * i] - 2.45);
        }
        assertThat(Math.abs(corr)).isGreaterThan(10);
        p.reset();
        float[] b = a.clone();
        for (int i = 0; i < 50; i++) {
            b[3 * i] = -b[3 * i];
        }
        p.project(a, 3);
        double[][] negated = p.project(b, 3);
        // unit 1 reversed: aligned to the previous fit, the first coordinate reverses with it
        double dot = 0;
        for (int i = 0; i < 50; i++) {
            dot += negated[0][i] * first[0][i];
        }
        assertThat(dot).isLessThan(0);
    }

    @Test
    void unitScaled_eachCoordinateToZeroOne_flatOrNonFiniteInTheMiddle() {
        double[][] s = HiddenProjection.unitScaled(new double[][] {{2, 4, 3}, {1, 1, Double.NaN}});
        assertThat(s[0]).containsExactly(0, 1, 0.5);
        assertThat(s[1]).containsExactly(0.5, 0.5, 0.5);
    }

    @Test
    void project_unitsNotDividingTheValues_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HiddenProjection().project(new float[5], 2))
                .hasMessage("activations of 2 units per point cannot be 5 values");
    }
}
