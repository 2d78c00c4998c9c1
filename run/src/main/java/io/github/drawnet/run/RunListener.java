package io.github.drawnet.run;

import io.github.drawnet.api.EpochListener;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.ExperimentResult;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Told what a {@link DrawingRun} does, step by step: for progress lines, live figures and stop requests.
 * Every method has a default that does nothing (and goes on), so a listener overrides what it needs;
 * {@link #and} composes two.
 */
public interface RunListener {

    /** A listener that does nothing and never stops a run. */
    RunListener NONE = new RunListener() { };

    /**
     * Called once the inputs are read and checked, the engine has loaded and the folder (if any) is open,
     * before the first epoch.
     *
     * @param inputs the drawing, points, network and settings
     * @param engineVersion the backend's engine and its version
     * @param folder the run's folder as given, or null when the run writes no files
     */
    default void started(RunInputs inputs, String engineVersion, Path folder) {
    }

    /**
     * Called after each epoch.
     *
     * @param metrics the epoch's figures
     * @param lastEpoch the number the run's last epoch will have if it is not stopped
     * @return {@code true} to go on, {@code false} to stop after this epoch: the run then ends as a
     *     stopped run, its epochs kept and its files written
     */
    default boolean epoch(EpochMetrics metrics, int lastEpoch) {
        return true;
    }

    /** Called when training has ended (completed, stopped or diverged), before any file is written. */
    default void trained(ExperimentResult result) {
    }

    /** Called when the run's folder is committed, with what it holds. */
    default void written(RunFiles files) {
    }

    /**
     * Returns a listener that tells this one, then {@code other}; a run goes on after an epoch only if
     * both say so (both are told of every epoch either way).
     */
    default RunListener and(RunListener other) {
        Objects.requireNonNull(other, "other");
        RunListener first = this;
        return new RunListener() {
            @Override
            public void started(RunInputs inputs, String engineVersion, Path folder) {
                first.started(inputs, engineVersion, folder);
                other.started(inputs, engineVersion, folder);
            }

            @Override
            public boolean epoch(EpochMetrics metrics, int lastEpoch) {
                boolean a = first.epoch(metrics, lastEpoch);
                boolean b = other.epoch(metrics, lastEpoch);
                return a && b;
            }

            @Override
            public void trained(ExperimentResult result) {
                first.trained(result);
                other.trained(result);
            }

            @Override
            public void written(RunFiles files) {
                first.written(files);
                other.written(files);
            }
        };
    }

    /** Returns a listener that tells {@code epochs} of every epoch and nothing else. */
    static RunListener ofEpochs(EpochListener epochs) {
        Objects.requireNonNull(epochs, "epochs");
        return new RunListener() {
            @Override
            public boolean epoch(EpochMetrics metrics, int lastEpoch) {
                return epochs.onEpoch(metrics, lastEpoch);
            }
        };
    }
}
