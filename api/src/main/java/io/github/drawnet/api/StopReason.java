package io.github.drawnet.api;

/** Why a call to {@link Trainer#train} ended. */
public enum StopReason {
    /** Every requested epoch ran. */
    COMPLETED,
    /** A stop was requested ({@link Trainer#train(int, TrainingListener, java.util.function.BooleanSupplier)}'s
     * {@code stopRequested}, or {@link Experiment#requestStop()}). */
    STOPPED,
    /** A loss became NaN or infinite; the epoch where it happened is the last in the history. */
    DIVERGED
}
