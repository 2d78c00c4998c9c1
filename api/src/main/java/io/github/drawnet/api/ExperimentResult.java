package io.github.drawnet.api;

import io.github.drawnet.api.internal.Checks;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything a finished experiment produced, enough to draw every figure of the notebook and write
 * a report without the engine. Made by {@link Experiment#finish()}, or for tests and tools by {@link
 * #builder()}; a class with accessors rather than a record, so that a later field does not break
 * the callers that build or read one.
 *
 * <p>Immutable as far as its parts are ({@link #testPredictions()} is the array it was built with,
 * not a copy). Two results are equal when every part is, the predictions compared element by element.
 */
public final class ExperimentResult {

    private final String backendId;
    private final String backendName;
    private final Drawing drawing;
    private final DataSplits data;
    private final NetworkSpec spec;
    private final TrainingConfig config;
    private final Parameters initialParameters;
    private final Parameters finalParameters;
    private final TrainingResult training;
    private final Evaluation test;
    private final float[] testPredictions;
    private final int gridResolution;
    private final ForwardPass grid;
    private final Duration trainingTime;
    private final OptimizerState optimizerState;

    private ExperimentResult(Builder b) {
        Objects.requireNonNull(b.backendId, "backendId");
        Objects.requireNonNull(b.drawing, "drawing");
        Objects.requireNonNull(b.data, "data");
        Objects.requireNonNull(b.spec, "spec");
        Objects.requireNonNull(b.config, "config");
        Objects.requireNonNull(b.initialParameters, "initialParameters");
        Objects.requireNonNull(b.finalParameters, "finalParameters");
        Objects.requireNonNull(b.training, "training");
        Objects.requireNonNull(b.test, "test");
        Objects.requireNonNull(b.testPredictions, "testPredictions");
        Objects.requireNonNull(b.grid, "grid");
        Objects.requireNonNull(b.optimizerState, "optimizerState");
        int side = b.gridResolution;
        Checks.argument(b.grid.count() == side * side, "a %d x %d grid needs %d points, got %d", side, side,
                side * side, b.grid.count());
        int points = b.data.test().size();
        if (b.grid.width() == 1) {
            Checks.argument(b.testPredictions.length == points, "%d test predictions for %d test points",
                    b.testPredictions.length, points);
        } else {
            Checks.argument(b.testPredictions.length == points * b.grid.width(),
                    "%d test predictions for %d test points of %d classes (one row of %d per point)",
                    b.testPredictions.length, points, b.grid.width(), b.grid.width());
        }
        backendId = b.backendId;
        backendName = b.backendName;
        drawing = b.drawing;
        data = b.data;
        spec = b.spec;
        config = b.config;
        initialParameters = b.initialParameters;
        finalParameters = b.finalParameters;
        training = b.training;
        test = b.test;
        testPredictions = b.testPredictions;
        gridResolution = side;
        grid = b.grid;
        trainingTime = b.trainingTime;
        optimizerState = b.optimizerState;
    }

    /** Returns an empty builder; every part but the backend's name and the training time must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding every part of this result, to make one that differs in a few. */
    public Builder toBuilder() {
        return new Builder().backendId(backendId).backendName(backendName).drawing(drawing).data(data).spec(spec)
                .config(config).initialParameters(initialParameters).finalParameters(finalParameters)
                .training(training).test(test).testPredictions(testPredictions).gridResolution(gridResolution)
                .grid(grid).trainingTime(trainingTime).optimizerState(optimizerState);
    }

    /** Returns the backend's id. */
    public String backendId() {
        return backendId;
    }

    /** Returns the backend's name and engine version. */
    public String backendName() {
        return backendName;
    }

    /** Returns the drawing the points were sampled from. */
    public Drawing drawing() {
        return drawing;
    }

    /** Returns the sampled points and their provenance (seed, sizes). */
    public DataSplits data() {
        return data;
    }

    /** Returns the network's shape. */
    public NetworkSpec spec() {
        return spec;
    }

    /** Returns the training settings, with their seed. */
    public TrainingConfig config() {
        return config;
    }

    /** Returns the parameters training started from. */
    public Parameters initialParameters() {
        return initialParameters;
    }

    /** Returns the learned parameters. */
    public Parameters finalParameters() {
        return finalParameters;
    }

    /** Returns the history and why training ended. */
    public TrainingResult training() {
        return training;
    }

    /** Returns the test set's evaluation. */
    public Evaluation test() {
        return test;
    }

    /**
     * Returns the output probability at each test point; with {@code K > 2} classes each class's
     * probability, one row of {@code K} per test point (as {@link ForwardPass#output()}).
     */
    public float[] testPredictions() {
        return testPredictions;
    }

    /** Returns the side of the grid the maps were computed on (256, as in the notebook). */
    public int gridResolution() {
        return gridResolution;
    }

    /** Returns the output and every hidden unit over the grid of {@link Dataset#grid}, one pass. */
    public ForwardPass grid() {
        return grid;
    }

    /** Returns the wall-clock time training took. */
    public Duration trainingTime() {
        return trainingTime;
    }

    /** Returns the optimizer's state at the end, to save and continue from. */
    public OptimizerState optimizerState() {
        return optimizerState;
    }

    /** Returns the training history. */
    public History history() {
        return training.history();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ExperimentResult r)) {
            return false;
        }
        return gridResolution == r.gridResolution && backendId.equals(r.backendId)
                && Objects.equals(backendName, r.backendName) && drawing.equals(r.drawing) && data.equals(r.data)
                && spec.equals(r.spec) && config.equals(r.config) && initialParameters.equals(r.initialParameters)
                && finalParameters.equals(r.finalParameters) && training.equals(r.training) && test.equals(r.test)
                && Arrays.equals(testPredictions, r.testPredictions) && grid.equals(r.grid)
                && Objects.equals(trainingTime, r.trainingTime) && optimizerState.equals(r.optimizerState);
    }

    @Override
    public int hashCode() {
        return Objects.hash(backendId, drawing, spec, config, finalParameters, training.history(),
                Arrays.hashCode(testPredictions), gridResolution);
    }

    /** Returns a one-line summary: backend, drawing, network, settings, how training ended, test figures; no arrays. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ExperimentResult[%s (%s), %s, %s, %s, %d epochs, %s, test loss %.4f accuracy"
                + " %.4f on %d points, %d x %d grid, trained in %s]", backendId, backendName, drawing, spec, config,
                training.history().size(), training.stopReason(), test.loss(), test.accuracy(), test.count(),
                gridResolution, gridResolution, trainingTime);
    }

    /**
     * Collects the parts of an {@link ExperimentResult}; {@link #build()} checks them. Not thread-safe.
     * The grid's side defaults to {@link Experiment#GRID_RESOLUTION}.
     */
    public static final class Builder {

        private String backendId;
        private String backendName;
        private Drawing drawing;
        private DataSplits data;
        private NetworkSpec spec;
        private TrainingConfig config;
        private Parameters initialParameters;
        private Parameters finalParameters;
        private TrainingResult training;
        private Evaluation test;
        private float[] testPredictions;
        private int gridResolution = Experiment.GRID_RESOLUTION;
        private ForwardPass grid;
        private Duration trainingTime = Duration.ZERO;
        private OptimizerState optimizerState;

        private Builder() {
        }

        /** Sets the backend's id. */
        public Builder backendId(String backendId) {
            this.backendId = backendId;
            return this;
        }

        /** Sets the backend's name and engine version. */
        public Builder backendName(String backendName) {
            this.backendName = backendName;
            return this;
        }

        /** Sets the drawing the points were sampled from. */
        public Builder drawing(Drawing drawing) {
            this.drawing = drawing;
            return this;
        }

        /** Sets the sampled points and their provenance. */
        public Builder data(DataSplits data) {
            this.data = data;
            return this;
        }

        /** Sets the network's shape. */
        public Builder spec(NetworkSpec spec) {
            this.spec = spec;
            return this;
        }

        /** Sets the training settings. */
        public Builder config(TrainingConfig config) {
            this.config = config;
            return this;
        }

        /** Sets the parameters training started from. */
        public Builder initialParameters(Parameters initialParameters) {
            this.initialParameters = initialParameters;
            return this;
        }

        /** Sets the learned parameters. */
        public Builder finalParameters(Parameters finalParameters) {
            this.finalParameters = finalParameters;
            return this;
        }

        /** Sets the history and why training ended. */
        public Builder training(TrainingResult training) {
            this.training = training;
            return this;
        }

        /** Sets the test set's evaluation. */
        public Builder test(Evaluation test) {
            this.test = test;
            return this;
        }

        /** Sets the test predictions (not copied). */
        public Builder testPredictions(float[] testPredictions) {
            this.testPredictions = testPredictions;
            return this;
        }

        /** Sets the side of the grid the maps were computed on. */
        public Builder gridResolution(int gridResolution) {
            this.gridResolution = gridResolution;
            return this;
        }

        /** Sets the pass over the grid. */
        public Builder grid(ForwardPass grid) {
            this.grid = grid;
            return this;
        }

        /** Sets the wall-clock time training took (default zero). */
        public Builder trainingTime(Duration trainingTime) {
            this.trainingTime = trainingTime;
            return this;
        }

        /** Sets the optimizer's state at the end. */
        public Builder optimizerState(OptimizerState optimizerState) {
            this.optimizerState = optimizerState;
            return this;
        }

        /**
         * Returns the result.
         *
         * @throws NullPointerException naming the first part that is missing
         * @throws IllegalArgumentException when the grid does not have {@code gridResolution²} points, or
         *     the test predictions do not match the test points (one per point, or one row of the classes
         *     per point)
         */
        public ExperimentResult build() {
            return new ExperimentResult(this);
        }
    }
}
