package io.github.drawnet.app;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.viz.ReportFiles;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.api.internal.AtomicFiles;
import io.github.drawnet.io.RunFolder;
import io.github.drawnet.grading.Sweep;
import io.github.drawnet.grading.SweepReport;
import io.github.drawnet.run.StopOnInterrupt;
import io.github.drawnet.viz.ComparisonFigures;
import io.github.drawnet.viz.FigureWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
    @Option(names = "--spark-ui", description = "Turn Spark's web UI on for --engine spark (off by default).")
    boolean sparkUi;

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
            return SparkSweep.run(this, stdout, clock, backends); // spark, or a one-line refusal naming the engines
        } else if (master != null) {
            throw new UserException("--master is for --engine spark; add --engine spark or drop --master", ExitCodes.USAGE);
        }
        ExperimentSettings base = data.read(ExperimentSettings.notebook());
        java.util.Set<ReportFiles.Format> chosen = formats.files().formats();
        Sweep sweep = sweep(base);
        sweep.cells().stream().map(Sweep.Cell::backend).distinct().forEach(Backend::engineVersion); // engines load first
        io.github.drawnet.run.RunInputs sampled = data.sample(base);
        int threads = parallel == null ? Runtime.getRuntime().availableProcessors() : parallel;
        ExperimentOptions.check("--parallel", threads, 1, 64);
        int atOnce = sweep.concurrency(threads);
        int count = sweep.cells().size();
        List<Path> inputs = data.drawingFile == null ? List.of() : List.of(data.drawingFile);
        try (RunFolder folder = OutputFolder.open(out, force, clock, sampled.drawing().name(), "sweep", "sweep", inputs,
                Stream.concat(Stream.of("sweep.csv"), new ReportFiles(chosen, false).figureFileNames("sweep-maps",
                        "sweep-curves").stream()).toList())) {
            return run(sweep, sampled, threads, atOnce, base, folder, chosen);
        }
    }

    private int run(Sweep sweep, io.github.drawnet.run.RunInputs sampled, int threads, int atOnce, ExperimentSettings base,
            RunFolder folder, java.util.Set<ReportFiles.Format> chosen) throws IOException, InterruptedException {
        int count = sweep.cells().size();
        PrintStream o = stdout;
        List<String> varying = sweep.varying();
        o.printf(Locale.ROOT, "Sweep: %d cells over %s on drawing %s; %d training points, seed %d; %s%n", count,
                varying.isEmpty() ? "one setting" : String.join(", ", varying), Names.escape(sampled.drawing().name()),
                base.sizes().train(), base.seed(), atOnce > 1 ? "up to " + atOnce + " cells at once"
                        : "one cell at a time" + (threads > 1 && count > 1
                                ? " (a backend in the grid trains one model at a time)" : ""));
        Progress progress = new Progress(o, Progress.onTerminal(), "cells");
        progress.update(0, count, "");
        int[] finished = {0};
        long start = System.nanoTime();
        List<Sweep.Done> done;
        boolean interrupted;
        try (StopOnInterrupt ctrlC = RunOutputs.ctrlCCells(stderr, "sweep")) {
            done = sweep.run(sampled.drawing(), sampled.data(), threads, d -> {
                finished[0]++;
                progress.line(String.format(Locale.ROOT, "cell %d/%d %s: test accuracy %.4f (%.1f s)%s",
                        d.cell().index(), count, d.label(), d.result().test().accuracy(),
                        d.result().trainingTime().toNanos() / 1e9,
                        d.result().training().stopReason() == StopReason.DIVERGED ? ", diverged" : ""));
                progress.update(finished[0], count, "");
            }, ctrlC::requested);
            interrupted = ctrlC.requested();
        } finally {
            progress.finish();
        }
        if (done.isEmpty()) { // Ctrl-C before the first cell started
            stderr.println("drawnet sweep: stopped by Ctrl-C before any cell trained; nothing written");
            return ExitCodes.INTERRUPTED;
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        o.println();
        o.print(SweepReport.table(done, varying));
        Path staging = folder.staging();
        AtomicFiles.write(staging.resolve("sweep.csv"), SweepReport.csv(done).getBytes(StandardCharsets.UTF_8));
        List<ComparisonFigures.Run> runs = done.stream().map(d -> new ComparisonFigures.Run(d.label(), d.result()))
                .collect(Collectors.toList());
        List<Path> figures = new ArrayList<>(); // each figure's first file: its PNG, or its SVG when only SVG
        for (var f : chosen.isEmpty() ? List.<io.github.drawnet.viz.Figure>of() : List.of(ComparisonFigures.maps(
                "sweep-maps", "Each cell's output map, with its test accuracy", runs), ComparisonFigures.histories(
                "sweep-curves", "Each cell's validation accuracy and training loss against epoch", done.stream()
                        .map(d -> ComparisonFigures.Named.of(d.label(), d.result().history())).toList()))) {
            figures.add(FigureWriter.write(f, staging, chosen).get(0));
        }
        folder.commit();
        o.printf(Locale.ROOT, "Swept %d cells in %.1f s%n", done.size(), seconds);
        o.println("Table: " + Names.quoted(folder.finalPath("sweep.csv")));
        if (!figures.isEmpty()) {
            o.println("Figures: " + figures.stream().map(f -> Names.quoted(folder.finalPath(f.getFileName().toString())))
                    .collect(Collectors.joining(", ")));
        }
        Sweep.best(done).ifPresent(best -> o.printf(Locale.ROOT, "Best cell: %d (%s), accuracy on the test set: %.4f%n",
                best.cell().index(), best.label(), best.result().test().accuracy()));
        if (interrupted) {
            stderr.printf(Locale.ROOT, "drawnet sweep: stopped by Ctrl-C after %d of %d cells (the last stopped after"
                    + " their epoch); the cells done are written in %s%n", done.size(), count, Names.quoted(folder.given()));
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
