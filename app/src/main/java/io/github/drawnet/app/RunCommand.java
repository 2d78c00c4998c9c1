package io.github.drawnet.app;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.viz.ReportFiles;
import io.github.drawnet.viz.Visualizer;
import io.github.drawnet.run.DrawingRun;
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
 * {@code drawnet run}: the notebook's experiment from drawing to test accuracy, printing what the
 * notebook prints and writing {@code metrics.json}, the exports, every figure and the report.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, defaultValueProvider = SettingDefaults.class,
        description = {"Train a network on a drawing and print what the notebook prints.",
            "Samples points from the drawing, trains, and prints the model, one line per epoch, every "
                + "learned weight and bias, and the test accuracy; writes metrics, exports, figures and "
                + "report.html. Without --drawing or --preset it runs on the built-in 'blob' drawing."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    ExperimentOptions options;

    @Option(names = "--backend", paramLabel = "ID", description = "djl, dl4j or reference (default: djl, else the"
            + " first that runs here).")
    String backendId;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for metrics.json, the exports, the figures and report.html"
                    + " (default: drawnet-out/<time>-<drawing>-<backend>).")
    Path out;

    @Option(names = "--force",
            description = "Replace the results of an earlier run in the --out folder (as a whole), or write into the"
                    + " working folder itself; never replaces the drawing the run reads.")
    boolean force;

    @Mixin
    OutputOptions report = new OutputOptions();

    @Option(names = "--save", paramLabel = "MODEL.json",
            description = "Save the trained model (network, weights, optimizer state, data provenance) to continue later.")
    Path save;

    private final Backends backends;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final Clock clock;
    private final Visualizer visualizer;

    @Inject
    RunCommand(Backends backends, @Named("out") PrintStream stdout, @Named("err") PrintStream stderr, Clock clock,
            Visualizer visualizer) {
        this.visualizer = visualizer;
        this.stderr = stderr;
        this.backends = backends;
        this.stdout = stdout;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        // every input is checked before anything is trained or written; the engine loads meanwhile
        Backend backend = backends.choose(backendId, note -> stderr.println("drawnet run: " + note));
        ReportFiles files = report.files();
        DrawingRun run = DrawingRun.of(options.data.source()).settings(options.settings())
                .classes(options.data.classReading()).backend(backend).visualizer(visualizer).files(files)
                .clock(clock).out(out == null ? null : OutputFolder.checkRequested(out, force)).replace(force).save(save);
        return RunOutputs.execute(run, files, 1, (inputs, engine) -> {
            RunPrinter.setup(stdout, inputs);
            stdout.printf(Locale.ROOT, "Backend: %s (%s)%n", backend.id(), engine);
        }, stdout, stderr, "run");
    }
}
