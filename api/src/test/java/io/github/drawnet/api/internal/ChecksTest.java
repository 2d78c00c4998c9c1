package io.github.drawnet.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.Activation;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

final class ChecksTest {

    @ParameterizedTest(name = "{0} in [1, 10]")
    @CsvSource({"1", "5", "10"})
    void inRange_int_insideOrAtABound_returnsTheValue(int value) {
        assertThat(Checks.inRange("batch size", value, 1, 10)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0} in [0, 10000000000]")
    @CsvSource({"0", "5000000000", "10000000000"})
    void inRange_long_insideOrAtABound_returnsTheValue(long value) {
        assertThat(Checks.inRange("seed", value, 0L, 10_000_000_000L)).isEqualTo(value);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of((Runnable) () -> Checks.inRange("batch size", 0, 1, 10), "batch size must be in [1, 10], got 0"),
                Arguments.of((Runnable) () -> Checks.inRange("batch size", 11, 1, 10), "batch size must be in [1, 10], got 11"),
                Arguments.of((Runnable) () -> Checks.inRange("seed", -1L, 0L, 10_000_000_000L),
                        "seed must be in [0, 10000000000], got -1"),
                Arguments.of((Runnable) () -> Checks.inRange("seed", 10_000_000_001L, 0L, 10_000_000_000L),
                        "seed must be in [0, 10000000000], got 10000000001"),
                Arguments.of((Runnable) () -> Checks.positiveFinite("lr", 0), "lr must be a finite number > 0, got 0"),
                Arguments.of((Runnable) () -> Checks.positiveFinite("lr", -0.25), "lr must be a finite number > 0, got -0.25"),
                Arguments.of((Runnable) () -> Checks.positiveFinite("lr", Double.NEGATIVE_INFINITY),
                        "lr must be a finite number > 0, got -Infinity"),
                // whole numbers print without a fraction up to 1e15, then as Java prints them
                Arguments.of((Runnable) () -> Checks.positiveFinite("lr", -1e14),
                        "lr must be a finite number > 0, got -100000000000000"),
                Arguments.of((Runnable) () -> Checks.positiveFinite("lr", -1e15), "lr must be a finite number > 0, got -1.0E15"),
                Arguments.of((Runnable) () -> Checks.nonNegativeFinite("decay", -1e-9),
                        "decay must be a finite number >= 0, got -1.0E-9"),
                Arguments.of((Runnable) () -> Checks.nonNegativeFinite("decay", Double.NaN),
                        "decay must be a finite number >= 0, got NaN"),
                Arguments.of((Runnable) () -> Checks.inHalfOpenRange("noise", 1, 0, 1), "noise must be in [0, 1), got 1"),
                Arguments.of((Runnable) () -> Checks.inHalfOpenRange("noise", -0.5, 0, 1), "noise must be in [0, 1), got -0.5"),
                Arguments.of((Runnable) () -> Checks.inHalfOpenRange("noise", Double.NaN, 0, 1),
                        "noise must be in [0, 1), got NaN"),
                Arguments.of((Runnable) () -> Checks.argument(false, "%d predictions for %s", 3, "two"),
                        "3 predictions for two"),
                Arguments.of((Runnable) () -> Activation.fromId(null),
                        "unknown activation 'null'; valid: sigmoid, tanh, relu, linear"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusals")
    void check_failing_illegalArgumentWithTheValueAndWhatIsAllowed(Runnable check, String message) {
        assertThatThrownBy(check::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void numericChecks_passing_returnTheValue() {
        assertThat(Checks.positiveFinite("lr", 0.25)).isEqualTo(0.25);
        assertThat(Checks.nonNegativeFinite("decay", 0)).isEqualTo(0);
        assertThat(Checks.nonNegativeFinite("decay", 2.5)).isEqualTo(2.5);
        assertThat(Checks.inHalfOpenRange("noise", 0, 0, 1)).isEqualTo(0); // the lower bound is included
        assertThat(Checks.inHalfOpenRange("noise", 0.25, 0, 1)).isEqualTo(0.25);
    }

    @Test
    void state_failing_illegalStateWithTheFormattedMessage() {
        Checks.state(true, "never %s", "thrown");
        assertThatThrownBy(() -> Checks.state(false, "this %s trainer is closed", "djl"))
                .isInstanceOf(IllegalStateException.class).hasMessage("this djl trainer is closed");
    }

    @Test
    void parseName_ignoresCaseAndSurroundingBlanks() {
        assertThat(Checks.parseName("activation", "  TanH\t", Activation.class, Activation::id)).isEqualTo(Activation.TANH);
    }
}
