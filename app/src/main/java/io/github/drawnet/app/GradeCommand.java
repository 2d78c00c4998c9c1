package io.github.drawnet.app;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.viz.ReportFiles;
import io.github.drawnet.grading.GradeEngine;
import io.github.drawnet.grading.GradeEngines;
import io.github.drawnet.grading.GradeListener;
import io.github.drawnet.grading.GradeOptions;
import io.github.drawnet.grading.GradePlan;
import io.github.drawnet.grading.GradeReport;
import io.github.drawnet.grading.GradeRow;
import io.github.drawnet.io.RunFolder;
import io.github.drawnet.run.RunFolders;
import io.github.drawnet.run.StopOnInterrupt;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code drawnet grade DIR}: every drawing in a folder x setting x backend, as {@code grades.csv} and
 * {@code grades.html}. The grading is the library's ({@link GradePlan}, {@link GradeEngine}, {@link
 * GradeReport}); this reads the options and shows progress. {@code --engine spark}: as a Spark job.
 */
@Command(name = "grade", mixinStandardHelpOptions = true, sortOptions = false, defaultValueProvider = SettingDefaults.class,
        description = {"Train every drawing in a folder and write grades.csv and grades.html.",
            "One row per drawing x setting x backend (PNG files; subfolders per student are searched too). "
                + "A drawing that cannot be read fails its row, not the job. Lists are written as for sweep: "
                + "'4;8,4' is two networks. Examples:",
            "  drawnet grade class-of-2026 --backend djl,dl4j --epochs 50",
            "  drawnet grade class-of-2026 --engine spark --master spark://host:7077"})
final class GradeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder of PNG drawings.")
    Path folder;
    @Option(names = "--engine", paramLabel = "NAME",
            description = "Where the cells run: local (threads in this process) or spark (an Apache Spark job; "
                    + "local[N] unless --master) (default: local).")
    String engine;
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark's master for --engine spark, e.g. local[4], local[4,2] (retries), spark://host:7077.")
    String master;
    @Option(names = "--spark-ui", description = "Turn Spark's web UI on (off by default; loopback only in local mode).")
    boolean sparkUi;
    @Option(names = "--backend", paramLabel = "IDS", split = ",",
            description = "Backends to grade on (default: djl, else the first that runs here).")
    List<String> backendIds;
    @Mixin
    PointOptions points = new PointOptions();
    @Mixin
    GridOptions grid = new GridOptions();
    @Option(names = "--parallel", paramLabel = "N",
            description = "Cells trained at once on this machine (default: the number of cores); Spark's local threads.")
    Integer parallel;
    @Option(names = "--reports", description = "Also write each cell's full report (figures, report.html, metrics.json) under"
            + " reports/; --formats and --no-report choose its files, as for run.")
    boolean reports;
    @Option(names = "--save-models", description = "Also save each cell's trained model as model.json in its report (implies --reports).")
    boolean saveModels;
    @Mixin
    OutputOptions output = new OutputOptions();
    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: drawnet-out/<time>-<folder>-grades).")
    Path out;
    @Option(names = "--force", description = "Replace the results of an earlier run in the --out folder.")
    boolean force;

    private final Backends backends;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final Clock clock;

    @Inject
    GradeCommand(Backends backends, @Named("out") PrintStream stdout, @Named("err") PrintStream stderr, Clock clock) {
        this.backends = backends;
        this.stdout = stdout;
        this.stderr = stderr;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        // every input is checked before anything trains: the engine, the folder, every setting
        String engineId = engine == null ? "local" : engine.strip().toLowerCase(Locale.ROOT);
        ReportFiles reportFiles = output.files(); // a bad --formats is refused even without --reports
        GradeEngine gradeEngine = GradeEngines.get(engineId, backends); // an unknown name lists the engines found
        if (master != null && !engineId.equals("spark")) {
            throw new UserException("--master is for --engine spark; add --engine spark or drop --master", ExitCodes.USAGE);
        }
        int threads = parallel == null ? Runtime.getRuntime().availableProcessors() : parallel;
        ExperimentOptions.check("--parallel", threads, 1, GradeOptions.MAX_THREADS);
        ExperimentSettings base = points.read(ExperimentSettings.notebook());
        List<Backend> bs = backends.choose(backendIds, note -> stderr.println("drawnet grade: " + note));
        GradePlan plan = GradePlan.of(folder, bs, base, grid.grid());
        // engines load first, here too for Spark (in local mode its executor is this JVM): a failure is one line
        bs.forEach(Backend::engineVersion);
        Path name = folder.toAbsolutePath().normalize().getFileName();
        Path dir = out != null ? out : RunFolders.fresh(RunFolders.BASE, clock, name == null ? "drawings" : name.toString(), "grades");
        plan.checkOutside(dir); // a rerun would grade its own figures, and replace files it reads
        try (RunFolder run = OutputFolder.open(dir, force, clock, null, null, "grade", List.of(), List.of("grades.csv",
                "grades.html")); StopOnInterrupt ctrlC = engineId.equals("local")
                        ? RunOutputs.ctrlCCells(stderr, "grade") : null) {
            stdout.println(plan.heading(engineId + (engineId.equals("spark") ? " (" + (master == null ? "local[" + threads
                    + "]" : master) + ")" : " (up to " + Math.min(threads, plan.cells().size()) + " cells at once)")));
            // the reports are a tree in the run's set: staged, listed in run.json and committed with grades.csv
            long start = System.nanoTime();
            List<GradeRow> rows = runWithProgress(stdout, gradeEngine, plan, new GradeOptions(threads, master, sparkUi,
                    reports || saveModels ? run.staging().resolve("reports") : null, reportFiles, saveModels),
                    ctrlC == null ? () -> false : ctrlC::requested);
            GradeReport.write(run.staging(), plan, rows, engineId);
            run.commit();
            stdout.printf(Locale.ROOT, "Graded %d cells in %.1f s: %s%n", rows.size(), (System.nanoTime() - start) / 1e9,
                    GradeReport.summary(rows));
            stdout.println("Grades: " + Names.quoted(run.finalPath("grades.csv")));
            stdout.println("Overview: " + Names.quoted(run.finalPath("grades.html")));
            if (reports || saveModels) {
                stdout.println("Reports: " + Names.quoted(run.finalPath("reports")));
            }
            if (ctrlC != null && ctrlC.requested()) {
                stderr.println("drawnet grade: stopped by Ctrl-C; " + GradeReport.summary(rows) + "; the cells done are"
                        + " written, the rest marked not run, in " + run.given());
                return ExitCodes.INTERRUPTED;
            }
            return ExitCodes.OK;
        }
    }

    /**
     * Runs {@code plan} on {@code engine} with a progress bar, printing each row's line as it ends
     * (or, from an engine that reports rows only at the end, after the job).
     */
    static List<GradeRow> runWithProgress(PrintStream o, GradeEngine engine, GradePlan plan, GradeOptions options,
            BooleanSupplier stop) throws InterruptedException {
        Progress progress = new Progress(o, Progress.onTerminal(), "cells");
        progress.update(0, plan.cells().size(), "");
        boolean[] live = {false};
        List<GradeRow> rows;
        try {
            rows = engine.run(plan, options, GradeListener.stoppedBy(stop, (done, all, row) -> {
                if (row != null) {
                    live[0] = true;
                    progress.line(row.describe(all));
                }
                progress.update(done, all, "");
            }));
        } finally {
            progress.finish();
        }
        if (!live[0]) {
            rows.forEach(r -> o.println(r.describe(rows.size())));
        }
        return rows;
    }
}
