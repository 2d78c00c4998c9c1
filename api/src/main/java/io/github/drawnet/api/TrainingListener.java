package io.github.drawnet.api;

import java.util.Objects;
import java.util.function.ObjIntConsumer;

/**
 * Told what a call to {@link Trainer#train} or {@link Experiment#train} does, for printing, progress
 * bars and live figures. Every method has a default that does nothing, so a listener overrides what
 * it needs; {@link #and} composes two, and {@link #ofEpochs} makes one from a lambda.
 *
 * <p>A listener only watches. Stopping is asked for separately, through the {@code stopRequested}
 * argument of {@link Trainer#train(int, TrainingListener, java.util.function.BooleanSupplier)} (or
 * {@link Experiment#requestStop()}): it is read after each epoch, once the listener has been told of
 * it, and training then stops after that epoch with {@link StopReason#STOPPED}.
 *
 * <p>Methods are called on the training thread, in order: {@link #trainingStarted} once, {@link
 * #epochEnded} after each epoch, {@link #trainingEnded} once training returns normally (not when it
 * throws).
 */
public interface TrainingListener {

    /** A listener that does nothing. */
    TrainingListener NONE = new TrainingListener() { };

    /**
     * Called before the first epoch of a call.
     *
     * @param firstEpoch the number the call's first epoch will have (epochs number on over calls)
     * @param lastEpoch the number its last epoch will have if training is not stopped
     */
    default void trainingStarted(int firstEpoch, int lastEpoch) {
    }

    /**
     * Called after each epoch.
     *
     * @param metrics the epoch's figures
     * @param lastEpoch the number the last epoch of this call will have if training is not stopped
     */
    default void epochEnded(EpochMetrics metrics, int lastEpoch) {
    }

    /** Called when the call has ended, completed, stopped or diverged, with its outcome. */
    default void trainingEnded(TrainingResult result) {
    }

    /** Returns a listener that tells this one, then {@code other}, of everything. */
    default TrainingListener and(TrainingListener other) {
        Objects.requireNonNull(other, "other");
        TrainingListener first = this;
        return new TrainingListener() {
            @Override
            public void trainingStarted(int firstEpoch, int lastEpoch) {
                first.trainingStarted(firstEpoch, lastEpoch);
                other.trainingStarted(firstEpoch, lastEpoch);
            }

            @Override
            public void epochEnded(EpochMetrics metrics, int lastEpoch) {
                first.epochEnded(metrics, lastEpoch);
                other.epochEnded(metrics, lastEpoch);
            }

            @Override
            public void trainingEnded(TrainingResult result) {
                first.trainingEnded(result);
                other.trainingEnded(result);
            }
        };
    }

    /**
     * Returns a listener told of every epoch and nothing else: {@code epochs} gets the epoch's figures and
     * the number the call's last epoch will have, as {@link #epochEnded}.
     */
    static TrainingListener ofEpochs(ObjIntConsumer<EpochMetrics> epochs) {
        Objects.requireNonNull(epochs, "epochs");
        return new TrainingListener() {
            @Override
            public void epochEnded(EpochMetrics metrics, int lastEpoch) {
                epochs.accept(metrics, lastEpoch);
            }
        };
    }
}
