package io.github.drawnet.api;

import io.github.drawnet.api.internal.Checks;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything a finished experiment produced, enough to draw every figure of the notebook and write
 * a report without the engine.
 *
 * @param backendId the backend's id
 * @param backendName the backend's name and engine version
 * @param drawing the drawing the points were sampled from
 * @param data the sampled points and their provenance (seed, sizes)
 * @param spec the network's shape
 * @param config the training settings, with their seed
 * @param initialParameters the parameters training started from
 * @param finalParameters the learned parameters
 * @param training the history and why training ended
 * @param test the test set's evaluation
 * @param testPredictions the output probability at each test point; with {@code K > 2} classes each
 *     class's probability, one row of {@code K} per test point (as {@link ForwardPass#output()})
 * @param gridResolution the side of the grid the maps were computed on (256, as in the notebook)
 * @param grid the output and every hidden unit over the grid of {@link Dataset#grid}, one pass
 * @param trainingTime the wall-clock time training took
 * @param optimizerState the optimizer's state at the end, to save and continue from
 */
public record ExperimentResult(
        String backendId,
        String backendName,
        Drawing drawing,
        DataSplits data,
        NetworkSpec spec,
        TrainingConfig config,
        Parameters initialParameters,
        Parameters finalParameters,
        TrainingResult training,
        Evaluation test,
        float[] testPredictions,
        int gridResolution,
        ForwardPass grid,
        Duration trainingTime,
        OptimizerState optimizerState) {

    /** Validates that nothing is missing and the grid has the stated size. */
    public ExperimentResult {
        Objects.requireNonNull(backendId, "backendId");
        Objects.requireNonNull(drawing, "drawing");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(initialParameters, "initialParameters");
        Objects.requireNonNull(finalParameters, "finalParameters");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(optimizerState, "optimizerState");
        Checks.argument(grid.count() == gridResolution * gridResolution, "a %d x %d grid needs %d points, got %d",
                gridResolution, gridResolution, gridResolution * gridResolution, grid.count());
        if (grid.width() == 1) {
            Checks.argument(testPredictions.length == data.test().size(), "%d test predictions for %d test points",
                    testPredictions.length, data.test().size());
        } else {
            Checks.argument(testPredictions.length == data.test().size() * grid.width(),
                    "%d test predictions for %d test points of %d classes (one row of %d per point)",
                    testPredictions.length, data.test().size(), grid.width(), grid.width());
        }
    }

    /** Returns the training history. */
    public History history() {
        return training.history();
    }
}
