package io.github.drawnet.app;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import io.github.drawnet.api.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.Experiment;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.ReportFiles;
import io.github.drawnet.api.History;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.viz.ComparisonFigures;
import io.github.drawnet.viz.Figure;
import io.github.drawnet.io.RunFolder;
import io.github.drawnet.io.SavedModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;


/**
 * {@code drawnet continue MODEL.json}: the notebook's last question. Trains a saved model a few more
 * epochs, numbered on from where it stopped, with its optimizer state; or, with {@code
 * --from-scratch}, starts again from the initial weights with the same settings. Either way a
 * figure shows the saved history beside the new one.
 */
@Command(name = "continue", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a saved model a few more epochs, or again from scratch.",
            "Epochs number on from where it stopped (its weights and optimizer state carry over); "
                + "with --from-scratch it starts again with the same settings. The same points are sampled "
                + "again from the drawing saved in the model."})
final class ContinueCommand implements Callable<Integer> {

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "MODEL.json", description = "A model saved with 'drawnet run --save'.")
    Path modelFile;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Epochs to train (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--from-scratch", description = "Start again from the initial weights instead of continuing.")
    boolean fromScratch;

    @Option(names = "--backend", paramLabel = "ID",
            description = "The engine (default: the one the model was saved from); any backend reads any model.")
    String backendId;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: drawnet-out/<time>-<drawing>-<backend>).")
    Path out;

    @Option(names = "--save", paramLabel = "MODEL.json", description = "Where to save the model afterwards (default: <out>/model.json).")
    Path save;

    @Option(names = "--force",
            description = "Replace the results of an earlier run in the --out folder (as a whole), or write into the"
                    + " working folder itself; never replaces the model the run reads.")
    boolean force;

    @Mixin
    OutputOptions report = new OutputOptions();

    /** The figure of the saved history beside the new one. */
    static final String HISTORY_FIGURE = "continue-history";
    /** The saved model's name in the run's folder when --save is not given. */
    static final String DEFAULT_MODEL = "model.json";

    private final Backends backends;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final Clock clock;
    private final RunOutputs outputs;

    @Inject
    ContinueCommand(Backends backends, @Named("out") PrintStream stdout, @Named("err") PrintStream stderr, Clock clock,
            RunOutputs outputs) {
        this.outputs = outputs;
        this.stderr = stderr;
        this.backends = backends;
        this.stdout = stdout;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        ExperimentOptions.check("--epochs", epochs, 1, TrainingConfig.MAX_EPOCHS);
        ReportFiles files = report.files();
        SavedModel saved = SavedModel.read(modelFile);
        Backend backend = backendId != null ? backends.get(backendId) : backends.find(saved.backendId())
                .orElseGet(() -> backends.preferred(note -> stderr.println("drawnet continue: " + note)));
        String engine = backend.engineVersion(); // loads the engine: a failure is reported before anything else
        List<Path> inputs = List.of(modelFile);
        List<String> planned = new java.util.ArrayList<>(outputs.plannedNames(List.of(HISTORY_FIGURE), files,
                saved.spec().classes()));
        try (RunFolder folder = OutputFolder.open(out, force, clock, saved.drawing().name(), backend.id(), "continue",
                inputs, planned)) {
            Path target = save != null ? save : folder.finalPath(DEFAULT_MODEL);
            RunOutputs.checkSave(target, folder);
            return train(saved, backend, engine, folder, target, files);
        }
    }

    private int train(SavedModel saved, Backend backend, String engine, RunFolder folder, Path target,
            ReportFiles files) throws IOException {
        int before = saved.history().size();
        PrintStream o = stdout;
        o.printf(Locale.ROOT, "Model: %s, saved from %s after %d epochs (%s)%n", Names.quoted(modelFile),
                saved.backendId(), before, before == 0 ? "untrained" : String.format(Locale.ROOT,
                        "validation accuracy %.4f", saved.history().last().validationAccuracy()));
        warnIfUnfinished(modelFile);
        Progress progress = new Progress(o, Progress.onTerminal(), "epochs");
        ExperimentResult result;
        try (Experiment experiment = fromScratch ? saved.restart(backend) : saved.resume(backend)) {
            NotebookPrinter.printSetup(o, experiment, "saved in the model");
            o.printf(Locale.ROOT, "Backend: %s (%s)%n", backend.id(), engine);
            int first = experiment.epochsCompleted() + 1;
            o.println(fromScratch
                    ? String.format(Locale.ROOT, "Starting from scratch: the initial weights of seed %d, a fresh"
                            + " optimizer, epochs 1 to %d", saved.config().seed(), epochs)
                    : String.format(Locale.ROOT, "Continuing: the saved weights and optimizer state, epochs %d to %d",
                            first, first + epochs - 1));
            experiment.train(epochs, RunOutputs.epochPrinter(progress, first));
            progress.finish();
            result = experiment.finish();
        } finally {
            progress.finish();
        }
        return outputs.finish(o, stderr, "continue", result, folder, target, List.of(historyFigure(saved.history(),
                result.history(), before)), files);
    }

    /** Says so on standard error when the model lies in a run folder that an interrupted run left unfinished. */
    private void warnIfUnfinished(Path model) {
        Path folder = model.toAbsolutePath().getParent();
        try {
            if (folder != null && RunFolder.status(folder) == RunFolder.Status.UNFINISHED) {
                stderr.println("drawnet continue: warning: " + Names.quoted(folder) + " is an unfinished run folder"
                        + " (its files disagree with its run.json, or a run was interrupted while replacing it)");
            }
        } catch (IOException e) {
            // an unreadable folder: the model itself was read; nothing to say
        }
    }

    private Figure historyFigure(History saved, History now, int before) {
        if (fromScratch) {
            return ComparisonFigures.histories(HISTORY_FIGURE,
                    "The saved model's epochs beside training again from scratch",
                    List.of(ComparisonFigures.Named.of("saved model, epochs 1-" + before, saved),
                            ComparisonFigures.Named.of("from scratch, epochs 1-" + now.size(), now)));
        }
        List<EpochMetrics> added = now.epochs().subList(before, now.size());
        return ComparisonFigures.histories(HISTORY_FIGURE,
                "Continuing the saved model: its epochs, then the new ones numbered on",
                List.of(ComparisonFigures.Named.of("saved, epochs 1-" + before, saved),
                        new ComparisonFigures.Named("continued, epochs " + (before + 1) + "-" + now.size(), added)));
    }
}
