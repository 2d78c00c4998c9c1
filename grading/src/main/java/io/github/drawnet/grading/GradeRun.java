package io.github.drawnet.grading;

import io.github.drawnet.api.internal.AtomicFiles;
import io.github.drawnet.io.RunFolder;
import io.github.drawnet.io.RunFolderException;
import io.github.drawnet.run.RunFolders;
import io.github.drawnet.viz.ReportFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One grading, from a {@link GradePlan} to a finished run folder: the cells run on an engine (telling a
 * {@link GradeListener} of each, and starting no further cell once {@link #stopWhen} says so), then {@code
 * grades.csv}, {@code grades.html}, each cell's report and saved model when asked ({@code reports/}), and a
 * sweep's {@code sweep.csv} are written into one run folder ({@link RunFolder}), listed in its manifest and
 * committed whole. A kill at any moment leaves the folder as it was; a stop writes the cells done, the rest
 * marked not run. {@code drawnet grade} (local and Spark), {@code drawnet sweep --engine spark} and Spark's
 * {@code GradeJob} all write their folders here.
 *
 * <pre>{@code
 * GradedRun run = GradeRun.of(GradePlan.of(Path.of("class-of-2026"), List.of(backends.get("djl")),
 *                 ExperimentSettings.notebook(), Grid.NONE))
 *         .out(Path.of("grades/2026"))
 *         .reports(ReportFiles.all())
 *         .write();
 * System.out.println(GradeReport.summary(run.rows()));
 * }</pre>
 *
 * <p>Every check on the folder comes before any cell trains: a folder named with {@link #out} that is empty,
 * the working folder (unless {@link #replace}) or a file; a folder inside the graded folder (whose figures
 * would be graded as drawings on the next run); another run writing there; another run's results without
 * {@link #replace}. Not thread-safe: build and write a grading on one thread.
 */
public final class GradeRun {

    /** The name of a sweep's table, written beside the grades by {@link #asSweep}. */
    public static final String SWEEP_CSV = "sweep.csv";
    /** The folder of the cells' reports, when asked for. */
    public static final String REPORTS = "reports";

    private final GradePlan plan;
    private GradeEngine engine;
    private int threads = Runtime.getRuntime().availableProcessors();
    private String master;
    private boolean sparkUi;
    private Duration masterTimeout = GradeOptions.DEFAULT_MASTER_TIMEOUT;
    private Map<String, String> conf = Map.of();
    private ReportFiles reportFiles;
    private boolean saveModels;
    private GradeListener listener = GradeListener.NONE;
    private BooleanSupplier stopRequested = () -> false;
    private Consumer<Path> started = folder -> { };
    private Path out;
    private Path base = RunFolders.BASE;
    private boolean replace;
    private Clock clock = Clock.systemDefaultZone();
    private boolean sweep;

    private GradeRun(GradePlan plan) {
        this.plan = plan;
    }

    /** Returns a grading of {@code plan} on the {@code local} engine, writing grades.csv and grades.html only. */
    public static GradeRun of(GradePlan plan) {
        return new GradeRun(Objects.requireNonNull(plan, "plan"));
    }

    /** Returns the plan graded. */
    public GradePlan plan() {
        return plan;
    }

    /** Sets the engine the cells run on (default: {@code local}, with the backends found on the class path). */
    public GradeRun engine(GradeEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
        return this;
    }

    /**
     * Sets how the engine runs the cells ({@link GradeOptions}): {@code threads} at once on this machine (default:
     * the number of cores), Spark's master (null: {@code local[threads]}) and whether Spark's web UI is on.
     *
     * @throws IllegalArgumentException when {@code threads} is not in [1, {@value GradeOptions#MAX_THREADS}], or
     *     the master has none of the forms {@link GradeOptions#checkMaster} accepts
     */
    public GradeRun engineOptions(int threads, String master, boolean sparkUi) {
        new GradeOptions(threads, master, sparkUi, null); // refuses a bad count or master now, before the folder
        this.threads = threads;
        this.master = master;
        this.sparkUi = sparkUi;
        return this;
    }

    /**
     * Sets how long a cluster's master may take to accept the job and give it a first executor (default: {@link
     * GradeOptions#DEFAULT_MASTER_TIMEOUT}); past it {@link #write} throws {@link GradeEngineUnavailableException}.
     *
     * @throws IllegalArgumentException when {@code timeout} is not positive
     */
    public GradeRun masterTimeout(Duration timeout) {
        new GradeOptions(1, null, false, null, ReportFiles.all(), false, timeout); // refused now, not after the folder
        this.masterTimeout = timeout;
        return this;
    }

    /**
     * Sets Spark settings of the user's ({@link GradeOptions#conf()}, as {@code --conf key=value} gives them), each
     * replacing the value Drawnet would choose for its key; the local engine ignores them. Default: none.
     */
    public GradeRun conf(Map<String, String> conf) {
        this.conf = Map.copyOf(conf);
        return this;
    }

    /**
     * Also writes each cell's full report under {@code reports/<drawing>/<cell>/}, with {@code files}; null (the
     * default) for none.
     */
    public GradeRun reports(ReportFiles files) {
        this.reportFiles = files;
        return this;
    }

    /** Also saves each cell's trained model in its report ({@link Grader#MODEL_FILE}); implies {@link #reports}. */
    public GradeRun saveModels(boolean saveModels) {
        this.saveModels = saveModels;
        return this;
    }

    /** Sets what is told of each cell as it ends (default: nothing). */
    public GradeRun listener(GradeListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Sets what asks the grading to stop (default: never; {@code io.github.drawnet.run.StopOnInterrupt} is one,
     * for Ctrl-C): an engine that can then starts no further cell and stops those training after their epoch.
     * The cells done are written; the others are rows marked stopped or not run.
     */
    public GradeRun stopWhen(BooleanSupplier stopRequested) {
        this.stopRequested = Objects.requireNonNull(stopRequested, "stopRequested");
        return this;
    }

    /**
     * Calls {@code started} with the folder (as given) once it is open and checked, before the first cell:
     * where a command prints its heading, so that nothing is printed when the folder is refused.
     */
    public GradeRun onStart(Consumer<Path> started) {
        this.started = Objects.requireNonNull(started, "started");
        return this;
    }

    /**
     * Sets the run's folder; null (the default) for a new one under {@link #base}, named {@code
     * <time>-<folder>-grades} ({@code <time>-<drawing>-sweep} for {@link #asSweep}).
     */
    public GradeRun out(Path out) {
        this.out = out;
        return this;
    }

    /** Sets where new folders are made when no {@link #out} is given (default: {@link RunFolders#BASE}). */
    public GradeRun base(Path base) {
        this.base = Objects.requireNonNull(base, "base");
        return this;
    }

    /**
     * Sets whether the results of an earlier run in the folder may be replaced, as a whole, and the working
     * folder written into (default: no).
     */
    public GradeRun replace(boolean replace) {
        this.replace = replace;
        return this;
    }

    /** Sets the clock default folder names and run ids are read from (default: the system's). */
    public GradeRun clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Writes the folder as a sweep's (a sweep is a grading of one drawing, {@link GradePlan#ofSweep}): the
     * manifest's command is {@code sweep}, {@code sweep.csv} ({@link SweepReport#csvOfRows}) is written beside
     * the grades, and the plan's drawing file, if any, is an input the run never replaces.
     */
    public GradeRun asSweep() {
        this.sweep = true;
        return this;
    }

    /**
     * Grades every cell and writes the run's folder whole.
     *
     * @return the rows in cell order and where they were written
     * @throws RunFolderException when the run may not write its folder (one line naming it and why); nothing
     *     has trained then, and the folder keeps what it held
     * @throws IllegalArgumentException when the folder is the graded folder or inside it, naming both
     * @throws IOException when a file cannot be written; the folder then keeps what it held before
     * @throws InterruptedException when the calling thread is interrupted
     * @throws IllegalStateException when the engine's job fails as a whole
     * @throws GradeEngineUnavailableException when the engine cannot start the job where it was asked to run (a
     *     Spark master unreachable in time); nothing has trained, and a folder this made is removed again
     */
    public GradedRun write() throws IOException, InterruptedException {
        Path dir = out != null ? out : RunFolders.fresh(base, clock, defaultName(), sweep ? "sweep" : "grades");
        if (!sweep) {
            plan.checkOutside(dir); // a rerun would grade its own figures, and replace files it reads
        }
        if (out != null) {
            RunFolders.checkGiven(out, replace, "--out", "--force");
        }
        boolean reports = reportFiles != null || saveModels;
        List<Path> inputs = sweep && Files.isRegularFile(plan.folder()) ? List.of(plan.folder()) : List.of();
        List<String> planned = new ArrayList<>(List.of(GradeReport.CSV, GradeReport.HTML));
        if (sweep) {
            planned.add(0, SWEEP_CSV);
        }
        GradeEngine chosen = engine != null ? engine : new LocalGradeEngine();
        try (RunFolder folder = RunFolders.open(dir, replace, clock, sweep ? "sweep" : "grade", inputs, planned)) {
            started.accept(folder.given());
            long start = System.nanoTime();
            GradeOptions options = new GradeOptions(threads, master, sparkUi,
                    reports ? folder.staging().resolve(REPORTS) : null,
                    reportFiles != null ? reportFiles : ReportFiles.all(), saveModels, masterTimeout, conf);
            List<GradeRow> rows = chosen.run(plan, options, GradeListener.stoppedBy(stopRequested, listener));
            if (sweep) {
                AtomicFiles.write(folder.staging().resolve(SWEEP_CSV),
                        SweepReport.csvOfRows(rows).getBytes(StandardCharsets.UTF_8));
            }
            GradeReport.write(folder.staging(), plan, rows, chosen.id());
            folder.commit();
            return new GradedRun(rows, folder.given(), reports, sweep, (System.nanoTime() - start) / 1e9);
        }
    }

    private String defaultName() {
        Path name = plan.folder().toAbsolutePath().normalize().getFileName();
        return name == null ? "drawings" : name.toString();
    }
}
