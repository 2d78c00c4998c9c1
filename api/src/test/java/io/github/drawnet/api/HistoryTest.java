package io.github.drawnet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link History} and the {@link EpochMetrics} it holds. */
final class HistoryTest {

    static EpochMetrics epoch(int n) {
        return new EpochMetrics(n, 0.5, 0.75, 0.25, 0.8);
    }

    @Test
    void empty_noEpoch_lastRefused() {
        assertThat(History.EMPTY.isEmpty()).isTrue();
        assertThat(History.EMPTY.size()).isZero();
        assertThatThrownBy(History.EMPTY::last).isInstanceOf(IllegalStateException.class)
                .hasMessage("the history is empty");
    }

    @Test
    void plus_appendsTheNextEpoch_originalUnchanged() {
        History one = History.EMPTY.plus(epoch(1));
        History two = one.plus(epoch(2));
        assertThat(one.isEmpty()).isFalse();
        assertThat(one.size()).isEqualTo(1);
        assertThat(two.size()).isEqualTo(2);
        assertThat(two.last()).isEqualTo(epoch(2));
        assertThat(one.last()).isEqualTo(epoch(1));
        assertThatThrownBy(() -> two.plus(epoch(4))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("history entry 2 is numbered epoch 4");
    }

    @Test
    void epochMetrics_epochBelowOne_refused_oneAccepted() {
        assertThat(epoch(1).epoch()).isEqualTo(1);
        assertThatThrownBy(() -> epoch(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("epoch must be >= 1, got 0");
    }

    @ParameterizedTest(name = "losses {0} and {1}: finite {2}")
    @CsvSource({
        "0.5, 0.25, true",
        "NaN, 0.25, false",
        "0.5, NaN, false",
        "Infinity, 0.25, false",
        "0.5, -Infinity, false"})
    void isFinite_bothLossesFinite(double trainLoss, double validationLoss, boolean finite) {
        assertThat(new EpochMetrics(3, trainLoss, 0.5, validationLoss, 0.5).isFinite()).isEqualTo(finite);
    }

    @ParameterizedTest(name = "loss {0} prints as {1}")
    @CsvSource({
        "0.69314718, 0.6931",
        "999999.99, 999999.9900",
        "1000000, 1.0000e+06", // from a million on, scientific notation instead of long digits
        "25000000, 2.5000e+07",
        "NaN, NaN",
        "Infinity, Infinity"})
    void notebookLine_loss_fourDecimalsOrScientific(double loss, String printed) {
        assertThat(new EpochMetrics(7, loss, 0.5, loss, 0.25).notebookLine(10)).isEqualTo(
                "Epoch 7/10 - Loss: " + printed + " - Accuracy: 0.5000 - Val_Loss: " + printed + " - Val_Accuracy: 0.2500");
    }
}
