package io.github.drawnet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each hidden activation and its derivative against values worked out by hand. */
final class ActivationTest {

    @ParameterizedTest(name = "{0}({1}) = {2}")
    @CsvSource({
        "SIGMOID, 0, 0.5",
        "SIGMOID, 2, 0.8807970779778823",
        "SIGMOID, -2, 0.11920292202211755",
        // far out on either side: no overflow to NaN, the limits themselves
        "SIGMOID, 1000, 1.0",
        "SIGMOID, -1000, 0.0",
        "TANH, 0.5, 0.46211715726000974",
        "TANH, -0.5, -0.46211715726000974",
        "RELU, 2.5, 2.5",
        "RELU, -2.5, 0.0",
        "RELU, 0, 0.0",
        "LINEAR, -3.25, -3.25"})
    void apply_knownValue(Activation activation, double z, double expected) {
        assertThat(activation.apply(z)).isCloseTo(expected, within(1e-15));
    }

    @ParameterizedTest(name = "{0}''({1}) given a = {2} is {3}")
    @CsvSource({
        "SIGMOID, 0, 0.5, 0.25",
        "SIGMOID, 1.0986122886681098, 0.75, 0.1875", // a (1 - a)
        "TANH, 0, 0, 1.0",
        "TANH, 0.5493061443340549, 0.5, 0.75", // 1 - a²
        "RELU, 2, 2, 1.0",
        "RELU, -2, 0, 0.0",
        "RELU, 0, 0, 0.0", // as PyTorch: 0 at the kink
        "LINEAR, -4, -4, 1.0"})
    void derivative_givenPreActivationAndOutput_knownValue(Activation activation, double z, double a,
            double expected) {
        assertThat(activation.derivative(z, a)).isCloseTo(expected, within(1e-15));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SIGMOID, sigmoid", "TANH, tanh", "RELU, relu", "LINEAR, linear"})
    void fromId_idOrUpperCase_sameActivation_toStringIsId(Activation activation, String id) {
        assertThat(activation.id()).isEqualTo(id);
        assertThat(activation).hasToString(id);
        assertThat(Activation.fromId(id.toUpperCase(java.util.Locale.ROOT))).isEqualTo(activation);
    }
}
