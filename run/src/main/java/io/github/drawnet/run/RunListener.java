package io.github.drawnet.run;

import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.ExperimentResult;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.ObjIntConsumer;

/**
 * Told what a {@link DrawingRun} does, step by step: for progress lines and live figures. Every method has
 * a default that does nothing, so a listener overrides what it needs; {@link #and} composes two. A listener
 * only watches: a run is stopped through {@link DrawingRun#stopWhen}.
 */
public interface RunListener {

    /** A listener that does nothing. */
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
     */
    default void epoch(EpochMetrics metrics, int lastEpoch) {
    }

    /** Called when training has ended (completed, stopped or diverged), before any file is written. */
    default void trained(ExperimentResult result) {
    }

    /** Called when the run's folder is committed, with what it holds. */
    default void written(RunFiles files) {
    }

    /** Returns a listener that tells this one, then {@code other}, of every step. */
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
            public void epoch(EpochMetrics metrics, int lastEpoch) {
                first.epoch(metrics, lastEpoch);
                other.epoch(metrics, lastEpoch);
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

    /** Returns a listener that tells {@code epochs} of every epoch (its figures and the last epoch's number) and nothing else. */
    static RunListener ofEpochs(ObjIntConsumer<EpochMetrics> epochs) {
        Objects.requireNonNull(epochs, "epochs");
        return new RunListener() {
            @Override
            public void epoch(EpochMetrics metrics, int lastEpoch) {
                epochs.accept(metrics, lastEpoch);
            }
        };
    }
}
