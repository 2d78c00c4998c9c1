package io.github.drawnet.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Runs the notebook's experiment on any backend: model from the seed's initial parameters, training
 * with a per-epoch listener, the test set, and the maps over the plane, all engine-neutral.
 */
public final class Experiments {

    /** The side of the grid the notebook draws its maps on. */
    public static final int GRID_RESOLUTION = 256;

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
            TrainingConfig config, EpochListener listener) {
        return run(backend, drawing, data, spec, config, Parameters.initial(spec, config.seed()), listener);
    }

    /** As {@link #run(Backend, Drawing, DataSplits, NetworkSpec, TrainingConfig, EpochListener)}, from given initial parameters. */
    public static ExperimentResult run(Backend backend, Drawing drawing, DataSplits data, NetworkSpec spec,
            TrainingConfig config, Parameters initial, EpochListener listener) {
        Objects.requireNonNull(listener, "listener");
        initial.requireFits(spec);
        try (Model model = backend.newModel(spec, initial);
                Trainer trainer = backend.newTrainer(model, config, data.train(), data.validation())) {
            long start = System.nanoTime();
            TrainingResult training = trainer.train(config.epochs(), listener);
            Duration time = Duration.ofNanos(System.nanoTime() - start);
            return finish(backend, drawing, data, config, initial, model, trainer, training, time);
        }
    }

    /**
     * Measures a trained model the way {@link #run} does: test set, test predictions, and the grid
     * maps; for callers that drive the {@link Trainer} themselves.
     */
    public static ExperimentResult finish(Backend backend, Drawing drawing, DataSplits data, TrainingConfig config,
            Parameters initial, Model model, Trainer trainer, TrainingResult training, Duration trainingTime) {
        float[] testPredictions = model.predict(data.test());
        Evaluation test = Evaluation.of(testPredictions, data.test());
        ForwardPass grid = model.forward(Dataset.grid(GRID_RESOLUTION));
        return new ExperimentResult(backend.id(), backend.engineVersion(), drawing,
                data, model.spec(), config, initial, model.parameters(), training, test, testPredictions,
                GRID_RESOLUTION, grid, trainingTime, trainer.optimizerState());
    }
}
