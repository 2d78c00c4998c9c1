package io.github.drawnet.api;

import io.github.drawnet.api.internal.Checks;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of every epoch a model was trained, in order. Immutable.
 *
 * @param epochs one entry per epoch, numbered 1, 2, ... without gaps
 */
public record History(List<EpochMetrics> epochs) {

    /** An empty history. */
    public static final History EMPTY = new History(List.of());

    /** Validates that epochs are numbered 1, 2, ... */
    public History {
        epochs = List.copyOf(epochs);
        for (int i = 0; i < epochs.size(); i++) {
            Checks.argument(epochs.get(i).epoch() == i + 1, "history entry %d is numbered epoch %d", i,
                    epochs.get(i).epoch());
        }
    }

    /** Returns the number of epochs. */
    public int size() {
        return epochs.size();
    }

    /** Returns whether no epoch has been trained. */
    public boolean isEmpty() {
        return epochs.isEmpty();
    }

    /**
     * Returns the last epoch.
     *
     * @throws IllegalStateException when the history is empty
     */
    public EpochMetrics last() {
        Checks.state(!epochs.isEmpty(), "the history is empty");
        return epochs.get(epochs.size() - 1);
    }

    /** Returns this history with one more epoch. */
    public History plus(EpochMetrics next) {
        List<EpochMetrics> more = new ArrayList<>(epochs);
        more.add(next);
        return new History(more);
    }
}
