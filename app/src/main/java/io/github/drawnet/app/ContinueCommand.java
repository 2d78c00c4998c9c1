package io.github.drawnet.app;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.run.Printable;
import io.github.drawnet.viz.ReportFiles;
import io.github.drawnet.viz.Visualizer;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.io.SavedModel;
import io.github.drawnet.run.DrawingRun;
import io.github.drawnet.run.RunFolders;
import io.github.drawnet.run.RunPrinter;
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
    private final Visualizer visualizer;

    @Inject
    ContinueCommand(Backends backends, @Named("out") PrintStream stdout, @Named("err") PrintStream stderr, Clock clock,
            Visualizer visualizer) {
        this.visualizer = visualizer;
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
        backend.engineVersion(); // loads the engine: a failure is reported before anything else
        DrawingRun run = (fromScratch ? DrawingRun.restart(saved, modelFile, epochs) : DrawingRun.resume(saved, modelFile,
                epochs)).backend(backend).visualizer(visualizer).files(files).clock(clock)
                .out(out == null ? null : OutputFolder.checkRequested(out, force)).replace(force)
                .save(save).saveInFolder(DEFAULT_MODEL).command("continue").savedHistoryFigure(HISTORY_FIGURE);
        return RunOutputs.execute(run, files, fromScratch ? 1 : saved.history().size() + 1, (inputs, engine) -> {
            RunPrinter.savedModel(stdout, modelFile, saved);
            RunFolders.unfinishedFolderOf(modelFile).ifPresent(folder -> stderr.println("drawnet continue: warning: "
                    + Printable.path(folder) + " is an unfinished run folder (its files disagree with its run.json, or a"
                    + " run was interrupted while replacing it)"));
            RunPrinter.setup(stdout, inputs);
            stdout.printf(Locale.ROOT, "Backend: %s (%s)%n", backend.id(), engine);
            RunPrinter.continuing(stdout, saved, fromScratch, epochs);
        }, stdout, stderr, "continue");
    }
}
