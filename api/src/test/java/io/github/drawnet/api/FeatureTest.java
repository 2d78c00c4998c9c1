package io.github.drawnet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input feature against values worked out by hand from the class comment's table, with the
 * centred coordinates {@code u = 2 x1 - 1} and {@code v = 2 x2 - 1}. Points are chosen so that x1 and
 * x2 differ, so a feature that reads the wrong coordinate is caught.
 */
final class FeatureTest {

    static Stream<Arguments> knownValues() {
        double s = Math.sqrt(0.5); // sin(pi/4)
        return Stream.of(
                Arguments.of(Feature.X1, 0.25, 0.75, 0.25),
                Arguments.of(Feature.X2, 0.25, 0.75, 0.75),
                Arguments.of(Feature.X1_SQUARED, 0.25, 0.75, 0.25), // u = -0.5
                Arguments.of(Feature.X1_SQUARED, 1.0, 0.5, 1.0), // u = 1
                Arguments.of(Feature.X2_SQUARED, 0.75, 0.25, 0.25), // v = -0.5
                Arguments.of(Feature.X2_SQUARED, 0.5, 0.0, 1.0), // v = -1
                Arguments.of(Feature.X2_SQUARED, 0.0, 0.5, 0.0), // v = 0 at the centre line
                Arguments.of(Feature.X2_SQUARED, 0.5, 0.9, 0.64), // v = 0.8
                Arguments.of(Feature.X1_TIMES_X2, 0.25, 0.75, -0.25), // u = -0.5, v = 0.5
                Arguments.of(Feature.X1_TIMES_X2, 0.0, 0.0, 1.0), // bottom-left: u = v = -1
                Arguments.of(Feature.X1_TIMES_X2, 1.0, 0.0, -1.0), // bottom-right
                Arguments.of(Feature.X1_TIMES_X2, 0.75, 0.9, 0.4), // u = 0.5, v = 0.8
                Arguments.of(Feature.SIN_X1, 0.75, 0.1, 1.0), // sin(pi/2)
                Arguments.of(Feature.SIN_X1, 0.25, 0.9, -1.0),
                Arguments.of(Feature.SIN_X2, 0.1, 0.75, 1.0), // v = 0.5
                Arguments.of(Feature.SIN_X2, 0.9, 0.25, -1.0), // v = -0.5
                Arguments.of(Feature.SIN_X2, 0.3, 0.625, s), // v = 0.25
                Arguments.of(Feature.SIN_X2, 0.7, 0.5, 0.0));
    }

    @ParameterizedTest(name = "{0} at ({1}, {2}) = {3}")
    @MethodSource("knownValues")
    void apply_knownPoint_valueOfTheDocumentedFormula(Feature feature, double x1, double x2, double expected) {
        assertThat(feature.apply(x1, x2)).isCloseTo(expected, within(1e-12));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({
        "X1, x1, x1",
        "X2, x2, x2",
        "X1_SQUARED, x1sq, x1²",
        "X2_SQUARED, x2sq, x2²",
        "X1_TIMES_X2, x1x2, x1·x2",
        "SIN_X1, sinx1, sin(x1)",
        "SIN_X2, sinx2, sin(x2)"})
    void idAndLabel_eachFeature_foundAgainByEither(Feature feature, String id, String label) {
        assertThat(feature.id()).isEqualTo(id);
        assertThat(feature.label()).isEqualTo(label);
        assertThat(feature).hasToString(id);
        assertThat(Feature.fromId(id.toUpperCase(java.util.Locale.ROOT))).isEqualTo(feature);
        assertThat(Feature.fromId(" " + label + " ")).isEqualTo(feature);
    }

    @Test
    void matrix_rowPerPointColumnPerFeature_inTheGivenOrder() {
        float[] m = Feature.matrix(List.of(Feature.X2_SQUARED, Feature.SIN_X2, Feature.X1),
                new double[] {0.25, 1.0}, new double[] {0.75, 0.5});
        assertThat(m).hasSize(6);
        assertThat(m[0]).isEqualTo(0.25f); // point 0: v = 0.5
        assertThat(m[1]).isCloseTo(1f, within(1e-7f));
        assertThat(m[2]).isEqualTo(0.25f);
        assertThat(m[3]).isEqualTo(0f); // point 1: v = 0
        assertThat(m[4]).isCloseTo(0f, within(1e-7f));
        assertThat(m[5]).isEqualTo(1f);
    }

    @Test
    void matrix_coordinatesOfDifferentLengths_refusedWithBothLengths() {
        assertThatThrownBy(() -> Feature.matrix(Feature.NOTEBOOK, new double[] {0, 1}, new double[] {0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x1 and x2 must have the same length, got 2 and 1");
    }
}
