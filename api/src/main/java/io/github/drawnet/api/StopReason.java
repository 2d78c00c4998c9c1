package io.github.drawnet.api;

/** Why a call to {@link Trainer#train} ended. */
public enum StopReason {
    /** Every requested epoch ran. */
    COMPLETED,
    /** The {@link EpochListener} asked to stop. */
    STOPPED,
    /** A loss became NaN or infinite; the epoch where it happened is the last in the history. */
    DIVERGED
}
