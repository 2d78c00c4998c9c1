package io.github.drawnet.api;

/**
 * Told about every epoch as soon as it ends, for printing, live figures or early stopping.
 */
@FunctionalInterface
public interface EpochListener {

    /** A listener that never stops training. */
    EpochListener NONE = (metrics, total) -> true;

    /**
     * Called after each epoch.
     *
     * @param metrics the epoch's figures
     * @param lastEpoch the number the last epoch of this call will have if training is not stopped
     * @return {@code true} to go on, {@code false} to stop after this epoch
     */
    boolean onEpoch(EpochMetrics metrics, int lastEpoch);
}
