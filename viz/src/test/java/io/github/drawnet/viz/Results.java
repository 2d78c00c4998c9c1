package io.github.drawnet.viz;

import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.Evaluation;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.ForwardPass;
import io.github.drawnet.api.History;
import io.github.drawnet.api.LabelMode;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.Model;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.OptimizerState;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.Provenance;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.api.TrainingResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Experiment results made by hand, so that a test knows every number in them: a network with set
 * parameters, run by the reference backend over chosen test points and a small grid, with a chosen
 * history and configuration. No training: a test that needs a decision boundary at a known place
 * sets the parameters that put it there.
 */
final class Results {

    static final Backend REFERENCE = Backends.discover().get("reference");

    /** Logistic regression on {@code x1, x2}: no hidden layer. */
    static final NetworkSpec LOGISTIC = NetworkSpec.notebook().withHidden(List.of());

    private Results() {}

    /** Returns {@code p = sigmoid(20 x2 - 10)}: positive above the line {@code x2 = 0.5}, exactly 0.5 on it. */
    static Parameters horizontalBoundary() {
        return new Parameters(List.of(LayerParameters.of(new float[][] {{0f, 20f}}, new float[] {-10f})));
    }

    /** Returns a drawing of 4 x 4 pixels whose top half is drawn (above {@code x2 = 0.5}). */
    static Drawing topHalf() {
        float[] coverage = new float[16];
        for (int i = 0; i < 8; i++) {
            coverage[i] = 1;
        }
        return Drawing.of("top-half", 4, 4, coverage);
    }

    /** Returns points with labels: {@code {x1, x2, label}} each. */
    static Dataset points(double[]... xyLabel) {
        double[] x1 = new double[xyLabel.length];
        double[] x2 = new double[xyLabel.length];
        double[] y = new double[xyLabel.length];
        for (int i = 0; i < xyLabel.length; i++) {
            x1[i] = xyLabel[i][0];
            x2[i] = xyLabel[i][1];
            y[i] = xyLabel[i][2];
        }
        return Dataset.of(x1, x2, y);
    }

    /** Returns a history of {@code n} epochs whose losses fall and accuracies rise. */
    static History history(int n) {
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int e = 1; e <= n; e++) {
            epochs.add(new EpochMetrics(e, 0.7 / e, 0.5 + 0.4 * e / n, 0.72 / e, 0.5 + 0.38 * e / n));
        }
        return new History(epochs);
    }

    static Builder builder() {
        return new Builder();
    }

    /** Makes one result; every part has a default. */
    static final class Builder {
        private String backendName = "reference (plain Java)";
        private Drawing drawing = topHalf();
        private NetworkSpec spec = LOGISTIC;
        private Parameters parameters = horizontalBoundary();
        private Dataset train;
        private Dataset validation;
        private Dataset test = points(new double[] {0.25, 0.75, 1}, new double[] {0.75, 0.25, 0});
        private float[] predictions;
        private int gridResolution = 33;
        private TrainingConfig config = TrainingConfig.notebook().withEpochs(3);
        private History history = history(3);
        private StopReason stopReason = StopReason.COMPLETED;
        private String message = "3 epochs completed";
        private long samplingSeed = 0;
        private LabelMode labelMode = LabelMode.BINARY;
        private double noise = 0;

        Builder spec(NetworkSpec value, Parameters p) {
            spec = value;
            parameters = p;
            return this;
        }

        Builder backendName(String value) {
            backendName = value;
            return this;
        }

        Builder drawing(Drawing value) {
            drawing = value;
            return this;
        }

        Builder train(Dataset value) {
            train = value;
            return this;
        }

        Builder validation(Dataset value) {
            validation = value;
            return this;
        }

        Builder test(Dataset value) {
            test = value;
            return this;
        }

        /** Replaces the network's test predictions by these. */
        Builder predictions(float... value) {
            predictions = value;
            return this;
        }

        Builder gridResolution(int value) {
            gridResolution = value;
            return this;
        }

        Builder config(TrainingConfig value) {
            config = value;
            return this;
        }

        Builder training(History h, StopReason reason, String text) {
            history = h;
            stopReason = reason;
            message = text;
            return this;
        }

        Builder sampling(long seed, LabelMode mode, double flipped) {
            samplingSeed = seed;
            labelMode = mode;
            noise = flipped;
            return this;
        }

        ExperimentResult build() {
            Dataset tr = train == null ? test : train;
            Dataset va = validation == null ? test : validation;
            DataSplits data = new DataSplits(tr, va, test, new Provenance(drawing.name(), drawing.sha256(),
                    drawing.width(), drawing.height(), samplingSeed, new SampleSizes(tr.size(), va.size(), test.size()),
                    labelMode, noise));
            float[] p;
            ForwardPass grid;
            try (Model m = REFERENCE.newModel(spec, parameters)) {
                p = predictions == null ? m.predict(test) : predictions;
                grid = m.forward(Dataset.grid(gridResolution));
            }
            return ExperimentResult.builder().backendId(REFERENCE.id()).backendName(backendName).drawing(drawing)
                    .data(data).spec(spec).config(config).initialParameters(parameters).finalParameters(parameters)
                    .training(new TrainingResult(history, history.size(), stopReason, message))
                    .test(Evaluation.of(p, test)).testPredictions(p).gridResolution(gridResolution).grid(grid)
                    .trainingTime(Duration.ofMillis(1250))
                    .optimizerState(OptimizerState.fresh(config.optimizer(), parameters)).build();
        }
    }
}
