package io.github.drawnet.app;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.grading.Sweep;
import io.github.drawnet.grading.SweepReport;
import io.github.drawnet.grading.SweepRun;
import io.github.drawnet.io.RunFolderException;
import io.github.drawnet.run.Printable;
import io.github.drawnet.run.ProgressBar;
import io.github.drawnet.run.RunInputs;
import io.github.drawnet.run.StopOnInterrupt;
import io.github.drawnet.viz.ReportFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code drawnet sweep}: a grid of experiments over any of the network's and training's settings, all
 * on the same points with the same seed, so that the setting is the only difference between cells.
 * Cells run in parallel on the available cores when every backend in the grid allows it; each cell
 * is seeded on its own, so the results are the same as running them one by one.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false, defaultValueProvider = SettingDefaults.class,
        description = {"Train a grid of settings on the same points and compare the cells.",
            "One cell per combination of the values given, all with the same points and seed: a "
                + "table, sweep.csv, each cell's output map, and their curves. List values are separated by ';' "
                + "(',' too where a value holds none); one network's layer sizes are 8,4, as for run. Example:",
            "  drawnet sweep --preset ring --hidden '1;2;4;8,4' --activation sigmoid,linear"})
final class SweepCommand implements Callable<Integer> {

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    GridOptions grid = new GridOptions();

    @Option(names = "--backend", paramLabel = "IDS", split = ",",
            description = "Backends to try (default: djl, else the first that runs here).")
    List<String> backendIds;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Cells trained at once (default: the number of cores) when every backend allows it.")
    Integer parallel;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: drawnet-out/<time>-<drawing>-sweep).")
    Path out;

    @Option(names = "--engine", paramLabel = "NAME", description = "Where the cells run: local (threads here) or spark"
            + " (an Apache Spark job, one task per cell; writes sweep.csv and grades.html) (default: local).")
    String engine;
    @Option(names = "--master", paramLabel = "URL", description = "Spark's master for --engine spark (default: local[N]).")
    String master;
    @Option(names = "--master-timeout", paramLabel = "SECONDS", description = "How long a spark:// master may take to"
            + " accept the job and give it an executor (default: 20).")
    Integer masterTimeout;
    @Option(names = "--spark-ui", description = "Turn Spark's web UI on for --engine spark (off by default).")
    boolean sparkUi;
    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting for --engine spark, as"
            + " spark-submit takes it (repeatable); it replaces Drawnet's value for that key.")
    List<String> sparkConf;

    @Option(names = "--force",
            description = "Replace the results of an earlier run in the --out folder (as a whole), or write into the"
                    + " working folder itself; never replaces the drawing the sweep reads.")
    boolean force;

    @Mixin
    OutputOptions formats = new OutputOptions();


    private final Backends backends;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final Clock clock;

    @Inject
    SweepCommand(Backends backends, @Named("out") PrintStream stdout, @Named("err") PrintStream stderr, Clock clock) {
        this.backends = backends;
        this.stderr = stderr;
        this.stdout = stdout;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (engine != null && !engine.strip().equalsIgnoreCase("local")) {
            return SparkSweep.run(this, stdout, stderr, clock, backends); // spark, or a one-line refusal naming the engines
        } else if (master != null) {
            throw new UserException("--master is for --engine spark; add --engine spark or drop --master", ExitCodes.USAGE);
        } else if (sparkConf != null) {
            throw new UserException("--conf is for --engine spark; add --engine spark or drop --conf", ExitCodes.USAGE);
        }
        ExperimentSettings base = data.read(ExperimentSettings.notebook());
        Set<ReportFiles.Format> chosen = formats.files().formats();
        Sweep sweep = sweep(base);
        sweep.cells().stream().map(Sweep.Cell::backend).distinct().forEach(Backend::engineVersion); // engines load first
        RunInputs sampled = data.sample(base);
        int threads = parallel == null ? Runtime.getRuntime().availableProcessors() : parallel;
        ExperimentOptions.check("--parallel", threads, 1, 64);
        int atOnce = sweep.concurrency(threads);
        int count = sweep.cells().size();
        List<String> varying = sweep.varying();
        PrintStream o = stdout;
        ProgressBar progress = new ProgressBar(o, ProgressBar.onTerminal(), "cells");
        int[] finished = {0};
        SweepRun.Swept swept;
        boolean interrupted;
        try (StopOnInterrupt ctrlC = RunOutputs.ctrlCCells(stderr, "sweep")) {
            swept = SweepRun.of(sweep, sampled).threads(threads).figures(chosen).drawingFile(data.drawingFile).out(out)
                    .replace(force).clock(clock).stopWhen(ctrlC::requested).onStart(folder -> {
                        o.printf(Locale.ROOT, "Sweep: %d cells over %s on drawing %s; %d training points, seed %d; %s%n",
                                count, varying.isEmpty() ? "one setting" : String.join(", ", varying),
                                Printable.escape(sampled.drawing().name()), base.sizes().train(), base.seed(),
                                atOnce > 1 ? "up to " + atOnce + " cells at once" : "one cell at a time" + (threads > 1
                                        && count > 1 ? " (a backend in the grid trains one model at a time)" : ""));
                        progress.update(0, count, "");
                    }).listener(d -> {
                        finished[0]++;
                        progress.line(String.format(Locale.ROOT, "cell %d/%d %s: test accuracy %.4f (%.1f s)%s",
                                d.cell().index(), count, d.label(), d.result().test().accuracy(),
                                d.result().trainingTime().toNanos() / 1e9,
                                d.result().training().stopReason() == StopReason.DIVERGED ? ", diverged" : ""));
                        progress.update(finished[0], count, "");
                    }).write();
            interrupted = ctrlC.requested();
        } catch (RunFolderException e) {
            throw new UserException(e.getMessage(), ExitCodes.IO, e);
        } finally {
            progress.finish();
        }
        List<Sweep.Done> done = swept.done();
        if (done.isEmpty()) { // Ctrl-C before the first cell started
            stderr.println("drawnet sweep: stopped by Ctrl-C before any cell trained; nothing written");
            return ExitCodes.INTERRUPTED;
        }
        o.println();
        o.print(SweepReport.table(done, varying));
        o.printf(Locale.ROOT, "Swept %d cells in %.1f s%n", done.size(), swept.seconds());
        o.println("Table: " + Printable.path(swept.table()));
        if (!swept.figures().isEmpty()) {
            o.println("Figures: " + swept.figures().stream().map(Printable::path).collect(Collectors.joining(", ")));
        }
        Sweep.best(done).ifPresent(best -> o.printf(Locale.ROOT, "Best cell: %d (%s), accuracy on the test set: %.4f%n",
                best.cell().index(), best.label(), best.result().test().accuracy()));
        if (interrupted) {
            stderr.printf(Locale.ROOT, "drawnet sweep: stopped by Ctrl-C after %d of %d cells (the last stopped after"
                    + " their epoch); the cells done are written in %s%n", done.size(), count,
                    Printable.path(swept.folder()));
            return ExitCodes.INTERRUPTED;
        }
        List<Sweep.Done> diverged = done.stream()
                .filter(d -> d.result().training().stopReason() == StopReason.DIVERGED).toList();
        if (!diverged.isEmpty()) {
            for (Sweep.Done d : diverged) {
                stderr.println("drawnet sweep: cell " + d.cell().index() + " (" + d.label() + "): "
                        + d.result().training().message());
            }
            return ExitCodes.DIVERGED;
        }
        return ExitCodes.OK;
    }

    /** Builds and checks every cell before anything trains; a bad value is named by its option. */
    Sweep sweep(ExperimentSettings base) {
        List<Backend> bs = backends.choose(backendIds, note -> stderr.println("drawnet sweep: " + note));
        return Sweep.of(bs, base, grid.grid());
    }
}
