package io.github.drawnet.app;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import io.github.drawnet.api.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.Experiments;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.sampling.Sampler;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code drawnet run}: the notebook's experiment from drawing to test accuracy, printing what the
 * notebook prints and writing {@code metrics.json}.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sample points from a drawing, train a network on them, and print what the notebook prints:",
            "the model, one line per epoch, every learned weight and bias, and the test accuracy.",
            "Without --drawing or --preset it runs on the built-in 'blob' drawing."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    ExperimentOptions options;

    @Option(names = "--backend", paramLabel = "ID", description = "The engine: djl or dl4j (default: djl).")
    String backendId;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for metrics.json and the figures (default: drawnet-out/<time>-<drawing>-<backend>).")
    Path out;

    private final Backends backends;
    private final PrintStream stdout;
    private final Clock clock;

    @Inject
    RunCommand(Backends backends, @Named("out") PrintStream stdout, Clock clock) {
        this.backends = backends;
        this.stdout = stdout;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        // every input is checked before anything is trained or written
        SampleSizes sizes = options.sizes();
        NetworkSpec spec = options.spec();
        TrainingConfig config = options.config();
        Backend backend = backendId == null ? backends.preferred() : backends.get(backendId);
        Drawing drawing = options.drawing();
        DataSplits data = Sampler.sample(drawing, sizes, options.seed, options.labelMode(), options.noise());
        Path dir = OutputFolder.prepare(out, clock, drawing.name(), backend.id());

        PrintStream o = stdout;
        o.printf(Locale.ROOT, "Drawing: %s (%d x %d, %s), %.1f%% of the canvas drawn%n", drawing.name(),
                drawing.width(), drawing.height(), options.drawingSource(), 100 * drawing.positiveShare());
        o.printf(Locale.ROOT, "Points: %d training, %d validation, %d test; seed %d, %s labels%s%n",
                data.train().size(), data.validation().size(), data.test().size(), options.seed,
                data.provenance().labelMode().id(),
                data.provenance().noise() > 0 ? String.format(Locale.ROOT, ", %.0f%% of training labels flipped",
                        100 * data.provenance().noise()) : "");
        o.printf(Locale.ROOT, "Positive share: %.1f%% training, %.1f%% validation, %.1f%% test%n",
                100 * data.train().positiveShare(), 100 * data.validation().positiveShare(),
                100 * data.test().positiveShare());
        o.printf(Locale.ROOT, "Backend: %s, %s (%s)%n", backend.id(), backend.displayName(), backend.engineVersion());
        o.println(spec.describe());
        o.printf(Locale.ROOT, "Training: %s, learning rate %s, batch size %d, %d epochs, weight decay %s, %s%n",
                config.optimizer().id(), config.learningRate(), config.batchSize(), config.epochs(),
                config.weightDecay(), config.shuffle() ? "shuffled each epoch" : "fixed order");

        ExperimentResult result = Experiments.run(backend, drawing, data, spec, config, (m, last) -> {
            o.println(m.notebookLine(last));
            return true;
        });

        NotebookPrinter.printParameters(o, result.finalParameters());
        o.printf(Locale.ROOT, "Training took %.2f s; balanced accuracy on the test set: %.4f%n",
                result.trainingTime().toNanos() / 1e9, result.test().balancedAccuracy());
        Path metrics = dir.resolve("metrics.json");
        MetricsJson.write(result, metrics);
        o.println("Metrics: " + metrics);
        if (result.training().stopReason() == StopReason.DIVERGED) {
            o.println("drawnet run: " + result.training().message());
        }
        o.printf(Locale.ROOT, "Accuracy on the test set: %.4f%n", result.test().accuracy());
        return result.training().stopReason() == StopReason.DIVERGED ? ExitCodes.DIVERGED : ExitCodes.OK;
    }
}
