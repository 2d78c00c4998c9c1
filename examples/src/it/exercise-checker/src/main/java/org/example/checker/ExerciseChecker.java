package org.example.checker;

import io.github.drawnet.api.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.EpochListener;
import io.github.drawnet.api.Experiment;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.Setting;
import io.github.drawnet.api.Visualizer;
import io.github.drawnet.io.SavedModel;
import io.github.drawnet.sampling.Sampler;
import io.github.drawnet.viz.NotebookVisualizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a student's drawing exercise: trains the drawing on a backend found at run time, compares
 * the test accuracy with a target, writes the figures and the report, saves the model, reloads it and
 * trains it a few more epochs, as a course tool built on Drawnet would.
 */
public final class ExerciseChecker {

    /** What a check found. */
    public record Verdict(String backend, double accuracy, boolean passed, Path report, Path model,
            int epochsAfterReload, double accuracyAfterReload) {}

    private final Backends backends = Backends.discover();
    private final Visualizer visualizer = new NotebookVisualizer();

    /** Checks {@code drawing} on backend {@code backendId} (or the preferred one when null). */
    public Verdict check(Drawing drawing, String backendId, ExperimentSettings settings, double target, Path out)
            throws IOException {
        Backend backend = backendId == null ? backends.preferred() : backends.get(backendId);
        DataSplits data = Sampler.sample(drawing, settings.sizes(), settings.seed());
        Path dir = Files.createDirectories(out.resolve(backend.id()));
        ExperimentResult result;
        try (Experiment experiment = Experiment.start(backend, drawing, data, settings.network(), settings.training())) {
            experiment.train(settings.training().epochs(), EpochListener.NONE);
            result = experiment.finish();
        }
        Path report = visualizer.report(result, dir).report();
        Path model = dir.resolve("model.json");
        SavedModel.of(result).write(model);

        ExperimentResult again;
        try (Experiment more = SavedModel.read(model).resume(backend)) {
            more.train(ExperimentSettings.MORE_EPOCHS, EpochListener.NONE);
            again = more.finish();
        }
        double accuracy = result.test().accuracy();
        return new Verdict(backend.id(), accuracy, accuracy >= target, report, model, again.history().size(),
                again.test().accuracy());
    }

    /** Returns the settings a checker uses: the notebook's, smaller, so a class's drawings check quickly. */
    public static ExperimentSettings quick() {
        return ExperimentSettings.notebook().with(Setting.HIDDEN, "8").with(Setting.LEARNING_RATE, "0.03")
                .with(Setting.EPOCHS, "30").with(Setting.TRAIN_SIZE, "1500").with(Setting.VALIDATION_SIZE, "300")
                .with(Setting.TEST_SIZE, "2000").requireConsistent();
    }
}
