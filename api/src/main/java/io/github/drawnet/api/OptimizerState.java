package io.github.drawnet.api;

import io.github.drawnet.api.internal.Checks;

import java.util.List;
import java.util.Objects;

/**
 * An optimizer's state between steps, engine-neutral, so that training can be saved, moved to
 * another backend, and continued exactly where it stopped.
 *
 * @param optimizer the optimizer this state belongs to
 * @param step the number of steps taken so far (Adam's {@code t})
 * @param slots parameter-shaped state: for Adam the first then the second moment; empty for SGD
 */
public record OptimizerState(Optimizer optimizer, long step, List<Parameters> slots) {

    /**
     * Validates the state.
     *
     * @throws IllegalArgumentException when the step is negative or the slot count does not match
     *     the optimizer
     */
    public OptimizerState {
        Objects.requireNonNull(optimizer, "optimizer");
        Checks.argument(step >= 0, "optimizer step must be >= 0, got %d", step);
        slots = List.copyOf(slots);
        Checks.argument(slots.size() == optimizer.stateSlots(), "%s keeps %d state slots, got %d", optimizer,
                optimizer.stateSlots(), slots.size());
    }

    /** Returns the state of an optimizer that has taken no step yet for parameters shaped like {@code p}. */
    public static OptimizerState fresh(Optimizer optimizer, Parameters p) {
        Parameters zeros = p.zeros();
        return new OptimizerState(optimizer, 0, java.util.Collections.nCopies(optimizer.stateSlots(), zeros));
    }

    /** Returns whether every slot has the given parameters' shape. */
    public boolean fits(Parameters p) {
        return slots.stream().allMatch(s -> s.shape().equals(p.shape()));
    }
}
