package io.github.drawnet.api;

import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.internal.Checks;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * One experiment's life on one backend, the only place outside the backends that makes models and
 * trainers: {@linkplain #start started} from the seed's initial parameters (or given ones), {@linkplain
 * #restore restored} from a saved run, {@linkplain #train trained} in as many calls as wanted (each
 * call continues, epochs numbered on), {@linkplain #requestStop stopped} from another thread, and
 * {@linkplain #finish finished} with the test figures and the maps over the plane. Every command, the
 * studio and the benchmark go through it, so the life of an experiment is written once.
 *
 * <pre>{@code
 * try (Experiment e = Experiment.start(backend, drawing, data, spec, config)) {
 *     e.train(config.epochs(), TrainingListener.NONE);
 *     e.train(10, TrainingListener.NONE);            // the notebook's "a few more epochs"
 *     ExperimentResult result = e.finish();
 * }
 * }</pre>
 *
 * <p>Not thread-safe, except {@link #requestStop()}, which any thread may call. Closing releases the
 * model and trainer in the engine.
 */
public final class Experiment implements AutoCloseable {

    /** The side of the grid the notebook draws its maps on. */
    public static final int GRID_RESOLUTION = 256;

    private final Backend backend;
    private final Drawing drawing;
    private final DataSplits data;
    private final TrainingConfig config;
    private final Parameters initial;
    private final Model model;
    private final Trainer trainer;
    private int plannedEpochs;
    private long trainingNanos;
    private TrainingResult last;
    /** The epochs run by the last {@link #train} call and the {@link #trainRest} calls that picked it up. */
    private int callEpochs;
    /** The epochs the last call was asked for but did not run, having been stopped on request. */
    private int epochsLeft;
    private volatile boolean stopRequested;

    private Experiment(Backend backend, Drawing drawing, DataSplits data, NetworkSpec spec, TrainingConfig config,
            Parameters initial) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.drawing = Objects.requireNonNull(drawing, "drawing");
        this.data = Objects.requireNonNull(data, "data");
        this.config = Objects.requireNonNull(config, "config");
        this.initial = Objects.requireNonNull(initial, "initial").requireFits(spec);
        Checks.argument(spec.classes() == data.train().classCount(),
                "the network tells %d classes apart but the data holds %d; use spec.withClasses(%d)", spec.classes(),
                data.train().classCount(), data.train().classCount());
        Model made = backend.newModel(spec, initial);
        try {
            this.trainer = backend.newTrainer(made, config, data.train(), data.validation());
        } catch (RuntimeException e) {
            made.close();
            throw e;
        }
        this.model = made;
    }

    /**
     * Starts an experiment from {@link Parameters#initial(NetworkSpec, long)} with the config's seed:
     * the same numbers on every backend.
     *
     * @throws BackendUnavailableException when the backend's engine cannot be loaded
     * @throws IllegalArgumentException when a setting does not fit the data (batch size larger than
     *     the training set)
     */
    public static Experiment start(Backend backend, Drawing drawing, DataSplits data, NetworkSpec spec,
            TrainingConfig config) {
        return start(backend, drawing, data, spec, config, Parameters.initial(spec, config.seed()));
    }

    /**
     * Starts an experiment from the given initial parameters.
     *
     * @throws IllegalArgumentException when {@code initial} does not fit {@code spec}, or a setting
     *     does not fit the data
     * @throws BackendUnavailableException when the backend's engine cannot be loaded
     */
    public static Experiment start(Backend backend, Drawing drawing, DataSplits data, NetworkSpec spec,
            TrainingConfig config, Parameters initial) {
        return new Experiment(backend, drawing, data, spec, config, initial);
    }

    /**
     * Restores a saved run: its parameters, its history (so epochs number on from it) and its
     * optimizer's state, so that training continues exactly as if it had never stopped.
     *
     * @throws IllegalArgumentException when the parameters or the state do not fit {@code spec}, or
     *     the state belongs to another optimizer than {@code config}'s
     * @throws BackendUnavailableException when the backend's engine cannot be loaded
     */
    public static Experiment restore(Backend backend, Drawing drawing, DataSplits data, NetworkSpec spec,
            TrainingConfig config, Parameters parameters, History history, OptimizerState state) {
        Objects.requireNonNull(history, "history");
        Experiment e = new Experiment(backend, drawing, data, spec, config, parameters);
        try {
            e.trainer.restore(history, state);
        } catch (RuntimeException ex) {
            e.close();
            throw ex;
        }
        e.plannedEpochs = history.size();
        return e;
    }

    /**
     * Trains up to {@code epochs} more epochs, numbered on from the last, telling {@code listener} of
     * each. Stops early, after an epoch, when {@link #requestStop()} was called, or when a loss becomes
     * NaN or infinite ({@link StopReason#DIVERGED}).
     *
     * @throws IllegalArgumentException when {@code epochs} is not in [1, {@value
     *     TrainingConfig#MAX_EPOCHS}]
     * @throws IllegalStateException when the experiment is closed
     */
    public TrainingResult train(int epochs, TrainingListener listener) {
        return train(epochs, listener, () -> false);
    }

    /**
     * Trains as {@link #train(int, TrainingListener)}, and also stops after an epoch when {@code
     * stopRequested} says so (read once after each epoch, once the listener has been told of it).
     *
     * @throws IllegalArgumentException when {@code epochs} is not in [1, {@value
     *     TrainingConfig#MAX_EPOCHS}]
     * @throws IllegalStateException when the experiment is closed
     */
    public TrainingResult train(int epochs, TrainingListener listener, BooleanSupplier stopRequested) {
        TrainingConfig.checkEpochs(epochs);
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(stopRequested, "stopRequested");
        plannedEpochs += epochs;
        callEpochs = 0;
        return run(epochs, listener, stopRequested);
    }

    /**
     * Trains the epochs the last {@link #train} call was asked for but did not run because it was
     * stopped on request: a pause that gave its thread back, say. The epochs stay numbered on, no new
     * epochs are planned, and {@link #finish} counts the epochs of the call and of its rest as one run.
     *
     * @throws IllegalStateException when no stopped call has epochs left, or the experiment is closed
     */
    public TrainingResult trainRest(TrainingListener listener, BooleanSupplier stopRequested) {
        Checks.state(epochsLeft > 0, "no training call has epochs left; call train");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(stopRequested, "stopRequested");
        return run(epochsLeft, listener, stopRequested);
    }

    /**
     * Returns the epochs the last training call was asked for but did not run, having been stopped on
     * request; 0 when it ran them all, or diverged.
     */
    public int epochsLeft() {
        return epochsLeft;
    }

    private TrainingResult run(int epochs, TrainingListener listener, BooleanSupplier stopRequested) {
        this.stopRequested = false;
        epochsLeft = 0;
        long start = System.nanoTime();
        try {
            last = trainer.train(epochs, listener, () -> this.stopRequested || stopRequested.getAsBoolean());
        } finally {
            trainingNanos += System.nanoTime() - start;
        }
        callEpochs += last.epochsRun();
        epochsLeft = last.stopReason() == StopReason.STOPPED ? epochs - last.epochsRun() : 0;
        return last;
    }

    /**
     * Asks a {@link #train} call going on in another thread to stop after its current epoch. Has no
     * effect on later calls.
     */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Measures the model as it is now: the test set, the test predictions and the maps over the
     * plane, with the history and the optimizer's state, everything a report needs. May be called
     * more than once (after more training, say).
     *
     * @throws IllegalStateException when nothing has been trained yet, or the experiment is closed
     */
    public ExperimentResult finish() {
        Checks.state(last != null, "nothing has been trained yet; call train first");
        ForwardPass testPass = model.outputs(data.test());
        float[] testPredictions = testPass.output();
        Evaluation test = Evaluation.of(testPass, data.test());
        ForwardPass grid = model.forward(Dataset.grid(GRID_RESOLUTION));
        // a call picked up after a stop counts as one with its rest: its epochs, and "trained N epochs" for them all
        TrainingResult training = new TrainingResult(trainer.history(), callEpochs, last.stopReason(),
                callEpochs == last.epochsRun() || last.stopReason() != StopReason.COMPLETED ? last.message()
                        : String.format(java.util.Locale.ROOT, "trained %d epochs", callEpochs));
        return ExperimentResult.builder().backendId(backend.id()).backendName(backend.engineVersion()).drawing(drawing)
                .data(data).spec(model.spec())
                .config(config.withEpochs(Math.max(1, Math.min(TrainingConfig.MAX_EPOCHS, plannedEpochs))))
                .initialParameters(initial).finalParameters(model.parameters()).training(training).test(test)
                .testPredictions(testPredictions).gridResolution(GRID_RESOLUTION).grid(grid)
                .trainingTime(Duration.ofNanos(trainingNanos)).optimizerState(trainer.optimizerState()).build();
    }

    /** Returns the backend the experiment runs on. */
    public Backend backend() {
        return backend;
    }

    /** Returns the drawing the points were sampled from. */
    public Drawing drawing() {
        return drawing;
    }

    /** Returns the points. */
    public DataSplits data() {
        return data;
    }

    /** Returns the network's shape. */
    public NetworkSpec spec() {
        return model.spec();
    }

    /** Returns the training settings (their epochs are those of the first call planned by the caller). */
    public TrainingConfig config() {
        return config;
    }

    /** Returns the parameters the experiment started from (the saved ones for a restored run). */
    public Parameters initialParameters() {
        return initial;
    }

    /** Returns the model, to read its parameters or draw maps while training is paused or between calls. */
    public Model model() {
        return model;
    }

    /** Returns every epoch's figures so far, restored epochs included. */
    public History history() {
        return trainer.history();
    }

    /** Returns the number of epochs trained so far, restored epochs included. */
    public int epochsCompleted() {
        return trainer.epochsCompleted();
    }

    /** Returns the optimizer's current state, to save and continue from. */
    public OptimizerState optimizerState() {
        return trainer.optimizerState();
    }

    /** Returns the time spent in {@link #train} so far. */
    public Duration trainingTime() {
        return Duration.ofNanos(trainingNanos);
    }

    /** Releases the trainer and the model in the engine. Idempotent. */
    @Override
    public void close() {
        try {
            trainer.close();
        } finally {
            model.close();
        }
    }
}
