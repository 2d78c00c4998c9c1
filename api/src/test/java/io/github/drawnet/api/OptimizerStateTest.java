package io.github.drawnet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class OptimizerStateTest {

    static Parameters notebook() {
        return Parameters.initial(NetworkSpec.notebook(), 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ADAM, adam, 2", "SGD, sgd, 0"})
    void optimizer_idAndStateSlots(Optimizer optimizer, String id, int slots) {
        assertThat(optimizer.id()).isEqualTo(id);
        assertThat(optimizer).hasToString(id);
        assertThat(optimizer.stateSlots()).isEqualTo(slots);
        assertThat(Optimizer.fromId(id.toUpperCase(java.util.Locale.ROOT))).isEqualTo(optimizer);
    }

    @Test
    void fresh_adam_stepZeroAndTwoZeroMoments() {
        OptimizerState s = OptimizerState.fresh(Optimizer.ADAM, notebook());
        assertThat(s.optimizer()).isEqualTo(Optimizer.ADAM);
        assertThat(s.step()).isZero();
        assertThat(s.slots()).hasSize(2).containsOnly(notebook().zeros());
        assertThat(OptimizerState.fresh(Optimizer.SGD, notebook()).slots()).isEmpty();
    }

    @Test
    void fits_slotsOfTheParametersShapeOnly() {
        OptimizerState s = OptimizerState.fresh(Optimizer.ADAM, notebook());
        assertThat(s.fits(Parameters.initial(NetworkSpec.notebook(), 9))).isTrue();
        assertThat(s.fits(Parameters.initial(NetworkSpec.notebook().withHidden(List.of(3)), 9))).isFalse();
        // no slot, nothing that could fail to fit
        assertThat(OptimizerState.fresh(Optimizer.SGD, notebook()).fits(Parameters.initial(
                NetworkSpec.notebook().withHidden(List.of()), 9))).isTrue();
    }

    @Test
    void new_stepZero_accepted_negativeStep_refused() {
        assertThat(new OptimizerState(Optimizer.SGD, 0, List.of()).step()).isZero();
        assertThatThrownBy(() -> new OptimizerState(Optimizer.SGD, -1, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("optimizer step must be >= 0, got -1");
    }

    @Test
    void new_slotCountOfAnotherOptimizer_refused() {
        assertThatThrownBy(() -> new OptimizerState(Optimizer.ADAM, 3, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("adam keeps 2 state slots, got 0");
        assertThatThrownBy(() -> new OptimizerState(Optimizer.SGD, 3, List.of(notebook())))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sgd keeps 0 state slots, got 1");
    }
}
