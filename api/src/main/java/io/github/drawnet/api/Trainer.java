package io.github.drawnet.api;

import java.util.function.BooleanSupplier;

/**
 * Trains one {@link Model} on one training set, with the settings of one {@link TrainingConfig},
 * and keeps what training needs between epochs: the optimizer's state and the history. Made by
 * {@link io.github.drawnet.api.spi.Backend#newTrainer}.
 *
 * <p>Training continues where it stopped: calling {@link #train} again adds epochs numbered on from
 * the last (the notebook's "a few more epochs"); starting from scratch means a new model with the
 * initial parameters and a new trainer. A saved run continues with {@link #restore}.
 *
 * <p>Not thread-safe. Closing a trainer releases what it holds in the engine but not the model.
 */
public interface Trainer extends AutoCloseable {

    /** Returns the model being trained. */
    Model model();

    /** Returns the training settings. */
    TrainingConfig config();

    /** Returns the number of epochs trained so far, counting epochs restored from a saved run. */
    int epochsCompleted();

    /** Returns every epoch's figures so far. */
    History history();

    /**
     * Trains one epoch over the training set in {@link BatchOrder}'s order for the next epoch
     * number, then measures the validation set.
     *
     * @return the epoch's figures, also appended to {@link #history()}
     * @throws IllegalStateException when the trainer or its model is closed
     */
    EpochMetrics trainEpoch();

    /**
     * Measures the model on {@code data} without training.
     *
     * @throws IllegalStateException when the trainer or its model is closed
     */
    Evaluation evaluate(Dataset data);

    /**
     * Trains up to {@code epochs} more epochs, telling {@code listener} of each. Stops early, after an
     * epoch, when {@code stopRequested} says so (it is read once after each epoch, once the listener has
     * been told: {@link StopReason#STOPPED}) or when a loss becomes NaN or infinite ({@link
     * StopReason#DIVERGED}); the history keeps every epoch run, the last one included.
     *
     * @throws IllegalArgumentException when {@code epochs} is not in [1, {@value
     *     TrainingConfig#MAX_EPOCHS}]
     */
    TrainingResult train(int epochs, TrainingListener listener, BooleanSupplier stopRequested);

    /** Trains up to {@code epochs} more epochs, telling {@code listener} of each, stopping only on divergence. */
    default TrainingResult train(int epochs, TrainingListener listener) {
        return train(epochs, listener, () -> false);
    }

    /** Trains {@link TrainingConfig#epochs()} more epochs without a listener. */
    default TrainingResult train() {
        return train(config().epochs(), TrainingListener.NONE);
    }

    /** Returns the optimizer's current state, engine-neutral. */
    OptimizerState optimizerState();

    /**
     * Restores a saved run: the history so far (so epochs number on from it) and the optimizer's
     * state. Set the model's parameters separately.
     *
     * @throws IllegalArgumentException when the state belongs to another optimizer or does not fit
     *     the model
     */
    void restore(History history, OptimizerState state);

    /** Releases what the trainer holds in the engine. Idempotent. */
    @Override
    void close();
}
