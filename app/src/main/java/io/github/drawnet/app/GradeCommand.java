package io.github.drawnet.app;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.viz.ReportFiles;
import io.github.drawnet.grading.GradeEngine;
import io.github.drawnet.grading.GradeEngines;
import io.github.drawnet.grading.GradeOptions;
import io.github.drawnet.grading.GradePlan;
import io.github.drawnet.grading.GradeProgress;
import io.github.drawnet.grading.GradeReport;
import io.github.drawnet.grading.GradeRun;
import io.github.drawnet.grading.GradedRun;
import io.github.drawnet.grading.GradeRow;
import io.github.drawnet.io.RunFolderException;
import io.github.drawnet.run.ProgressBar;
import io.github.drawnet.run.Printable;
import io.github.drawnet.run.StopOnInterrupt;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code drawnet grade DIR}: every drawing in a folder x setting x backend, as {@code grades.csv} and
 * {@code grades.html}. The grading and its run folder are the library's ({@link GradePlan}, {@link GradeRun});
 * this reads the options and prints. {@code --engine spark}: as a Spark job.
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
    @Option(names = "--master-timeout", paramLabel = "SECONDS", description = "How long a spark:// master may take to"
            + " accept the job and give it an executor before grading gives up (default: 20).")
    Integer masterTimeout;
    @Option(names = "--spark-ui", description = "Turn Spark's web UI on (off by default; loopback only in local mode).")
    boolean sparkUi;
    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting for --engine spark, as"
            + " spark-submit takes it (repeatable); it replaces Drawnet's value for that key.")
    List<String> sparkConf;
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
        Duration timeout = masterTimeout(master, masterTimeout); // a bad master is refused before anything loads
        Map<String, String> conf = sparkConf(sparkConf);
        GradeEngine gradeEngine = GradeEngines.get(engineId, backends); // an unknown name lists the engines found
        if (master != null && !engineId.equals("spark")) {
            throw new UserException("--master is for --engine spark; add --engine spark or drop --master", ExitCodes.USAGE);
        }
        if (!conf.isEmpty() && !engineId.equals("spark")) {
            throw new UserException("--conf is for --engine spark; add --engine spark or drop --conf", ExitCodes.USAGE);
        }
        int threads = parallel == null ? Runtime.getRuntime().availableProcessors() : parallel;
        ExperimentOptions.check("--parallel", threads, 1, GradeOptions.MAX_THREADS);
        ExperimentSettings base = points.read(ExperimentSettings.notebook());
        List<Backend> bs = backends.choose(backendIds, note -> stderr.println("drawnet grade: " + note));
        GradePlan plan = GradePlan.of(folder, bs, base, grid.grid());
        // engines load first, here too for Spark (in local mode its executor is this JVM): a failure is one line
        bs.forEach(Backend::engineVersion);
        int atOnce = Math.min(threads, plan.cells().size());
        String heading = plan.heading(engineId + (engineId.equals("spark") ? " (" + (master == null ? "local[" + threads
                + "]" : master) + ")" : " (up to " + atOnce + " cells at once)"));
        GradeRun grading = GradeRun.of(plan).engine(gradeEngine).engineOptions(threads, master, sparkUi)
                .masterTimeout(timeout).conf(conf).reports(reports || saveModels ? reportFiles : null).saveModels(saveModels)
                .out(out).replace(force).clock(clock);
        try (StopOnInterrupt ctrlC = engineId.equals("local") ? RunOutputs.ctrlCCells(stderr, "grade") : null) {
            GradedRun done = write(grading.stopWhen(ctrlC == null ? () -> false : ctrlC::requested), heading, stdout);
            List<GradeRow> rows = done.rows();
            stdout.printf(Locale.ROOT, "Graded %d cells in %.1f s: %s%n", rows.size(), done.seconds(),
                    GradeReport.summary(rows));
            stdout.println("Grades: " + Printable.path(done.grades()));
            stdout.println("Overview: " + Printable.path(done.overview()));
            if (done.hasReports()) {
                stdout.println("Reports: " + Printable.path(done.reports()));
            }
            if (ctrlC != null && ctrlC.requested()) {
                stderr.println("drawnet grade: stopped by Ctrl-C; " + GradeReport.summary(rows) + "; the cells done are"
                        + " written, the rest marked not run, in " + done.folder());
                return ExitCodes.INTERRUPTED;
            }
            return divergedOrOk(rows, stderr, "grade", r -> Printable.escape(r.drawing()) + ", " + r.backend());
        }
    }

    /** Checks {@code master}'s form ({@link GradeOptions#checkMaster}) and returns the timeout, in seconds or the default. */
    static Duration masterTimeout(String master, Integer seconds) {
        if (master != null) {
            GradeOptions.checkMaster(master);
        }
        if (seconds != null) {
            ExperimentOptions.check("--master-timeout", seconds, 1, 3600);
        }
        return seconds == null ? GradeOptions.DEFAULT_MASTER_TIMEOUT : Duration.ofSeconds(seconds);
    }

    /** Returns the Spark settings of {@code --conf} ({@link GradeOptions#parseConf}); none when null. */
    static Map<String, String> sparkConf(List<String> pairs) {
        return pairs == null ? Map.of() : GradeOptions.parseConf(pairs);
    }

    /** Names each diverged cell on {@code err} ({@code label}) and returns {@link ExitCodes#DIVERGED} if any. */
    static int divergedOrOk(List<GradeRow> rows, PrintStream err, String command,
            java.util.function.Function<GradeRow, String> label) {
        int code = ExitCodes.OK;
        for (GradeRow r : rows) {
            if (r.status() == GradeRow.Status.DIVERGED) {
                err.println("drawnet " + command + ": cell " + r.index() + " (" + label.apply(r) + "): " + r.message());
                code = ExitCodes.DIVERGED;
            }
        }
        return code;
    }

    /**
     * Writes {@code grading}'s folder with a progress bar, {@code heading} printed once the folder is open,
     * each row's line as it ends (or, from an engine that reports rows only at the end, after the job).
     *
     * @throws UserException when the folder may not be written, exit code {@link ExitCodes#IO}
     */
    static GradedRun write(GradeRun grading, String heading, PrintStream o) throws IOException, InterruptedException {
        GradeProgress progress = new GradeProgress(o, ProgressBar.onTerminal());
        GradedRun done;
        try {
            done = grading.listener(progress).onStart(folder -> {
                o.println(heading);
                progress.begin(grading.plan().cells().size());
            }).write();
        } catch (RunFolderException e) {
            throw new UserException(e.getMessage(), ExitCodes.IO, e);
        } finally {
            progress.finish();
        }
        progress.rowsEnded(done.rows());
        return done;
    }
}
