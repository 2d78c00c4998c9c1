package io.github.drawnet.api;

import io.github.drawnet.api.spi.Backend;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Runs the notebook's experiment on any backend in one call: model from the seed's initial
 * parameters, training with a per-epoch listener, the test set, and the maps over the plane, all
 * engine-neutral. For more control (continue, restore, stop from another thread) use {@link
 * Experiment}, which this class calls.
 */
public final class Experiments {

    /** The side of the grid the notebook draws its maps on ({@link Experiment#GRID_RESOLUTION}). */
    public static final int GRID_RESOLUTION = Experiment.GRID_RESOLUTION;

    private Experiments() {}

    /**
     * Trains a fresh network of shape {@code spec} on {@code data} with {@code config}, starting from
     * {@link Parameters#initial(NetworkSpec, long)} with the config's seed, and measures everything
     * the figures and the report need.
     *
     * @throws BackendUnavailableException when the backend's engine cannot be loaded
     * @throws IllegalArgumentException when a setting does not fit the data (batch size larger than
     *     the training set)
     */
    public static ExperimentResult run(Backend backend, Drawing drawing, DataSplits data, NetworkSpec spec,
            TrainingConfig config, TrainingListener listener) {
        return run(backend, drawing, data, spec, config, Parameters.initial(spec, config.seed()), listener);
    }

    /**
     * As {@link #run(Backend, Drawing, DataSplits, NetworkSpec, TrainingConfig, TrainingListener)}, stopping after an
     * epoch when {@code stopRequested} says so (read once after each epoch; see {@link Experiment#train(int,
     * TrainingListener, BooleanSupplier)}).
     */
    public static ExperimentResult run(Backend backend, Drawing drawing, DataSplits data, NetworkSpec spec,
            TrainingConfig config, TrainingListener listener, BooleanSupplier stopRequested) {
        return run(backend, drawing, data, spec, config, Parameters.initial(spec, config.seed()), listener,
                stopRequested);
    }

    /** As {@link #run(Backend, Drawing, DataSplits, NetworkSpec, TrainingConfig, TrainingListener)}, from given initial parameters. */
    public static ExperimentResult run(Backend backend, Drawing drawing, DataSplits data, NetworkSpec spec,
            TrainingConfig config, Parameters initial, TrainingListener listener) {
        return run(backend, drawing, data, spec, config, initial, listener, () -> false);
    }

    private static ExperimentResult run(Backend backend, Drawing drawing, DataSplits data, NetworkSpec spec,
            TrainingConfig config, Parameters initial, TrainingListener listener, BooleanSupplier stopRequested) {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(stopRequested, "stopRequested");
        try (Experiment experiment = Experiment.start(backend, drawing, data, spec, config, initial)) {
            experiment.train(config.epochs(), listener, stopRequested);
            return experiment.finish();
        }
    }
}
