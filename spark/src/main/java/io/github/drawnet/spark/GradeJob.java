package io.github.drawnet.spark;

import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.InvalidSettingException;
import io.github.drawnet.api.Setting;
import io.github.drawnet.grading.GradeEngineUnavailableException;
import io.github.drawnet.grading.GradeListener;
import io.github.drawnet.grading.GradeOptions;
import io.github.drawnet.grading.GradePlan;
import io.github.drawnet.grading.GradeRow;
import io.github.drawnet.grading.GradeRun;
import io.github.drawnet.grading.GradedRun;
import io.github.drawnet.grading.Grid;
import io.github.drawnet.io.RunFolderException;
import io.github.drawnet.viz.ReportFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The grading job's main class for {@code spark-submit}, where the cluster's master is given to
 * {@code spark-submit} rather than here:
 *
 * <pre>
 * spark-submit --class io.github.drawnet.spark.GradeJob --master spark://HOST:7077 \
 *     --jars "$(ls app/target/lib/*.jar | paste -sd,)" spark/target/drawnet-spark.jar \
 *     DIR --out OUT [--force] [--backend djl,dl4j] [--reports] [--master-timeout 20] [--conf k=v] [--epochs 50] ...
 * </pre>
 *
 * <p>{@code --conf KEY=VALUE} (repeatable): a Spark setting, replacing Drawnet's value for that key ({@link
 * GradeOptions#parseConf}); {@code spark-submit}'s own {@code --conf} works too.
 *
 * <p>{@code --master-timeout SECONDS}: how long a cluster's master may take to accept the job and give it an
 * executor (default 20 s); past it the job ends with one line naming the master, exit code 3.
 *
 * <p>Every setting is named as on the command line ({@code --lr}, {@code --train-size}, ...); a
 * sweep's settings take lists, read by {@link Grid#values}, the parser {@code drawnet sweep} and {@code
 * drawnet grade} use: values separated by {@code ;} ({@code --hidden '4;8,4'} is two networks), a
 * repeated option adding to its list. Writes {@code OUT} on the driver as a run folder ({@link GradeRun}, as
 * {@code drawnet grade} writes it): {@code grades.csv}, {@code grades.html} and the reports, listed in its
 * {@code run.json} and committed whole; an earlier run's results there are replaced only with {@code --force},
 * and an {@code OUT} inside {@code DIR} is refused. The command line's {@code drawnet grade DIR --engine spark}
 * runs the same job.
 */
public final class GradeJob {

    private GradeJob() {}

    /**
     * Runs the job and exits: 0 when it ran (failed rows included), 2 for bad input, 3 when the master gave no
     * executor in time, 4 when a cell's training diverged, 1 when the job failed.
     */
    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the job with the given streams and returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        try {
            Args a = Args.parse(args);
            Backends backends = Backends.discover();
            List<Backend> bs = backends.choose(a.backends, note -> err.println("drawnet grade job: " + note));
            GradePlan plan = GradePlan.of(a.folder, bs, a.base, a.grid);
            GradedRun done = GradeRun.of(plan).engine(new SparkGradeEngine()).out(a.out).replace(a.force)
                    .masterTimeout(a.masterTimeout).conf(GradeOptions.parseConf(a.conf))
                    .listener(new GradeListener() {
                        @Override
                        public void onCell(int done, int total, GradeRow row) {
                            if (row != null) {
                                out.println(row.describe(total));
                            }
                        }

                        @Override
                        public void onNote(String note) {
                            out.println(note);
                        }
                    })
                    .reports(a.reports ? ReportFiles.all() : null)
                    .onStart(folder -> out.printf("Grading %d cells (%d drawings) on Spark%n", plan.cells().size(),
                            plan.drawingCount()))
                    .write();
            List<GradeRow> rows = done.rows();
            long failed = rows.stream().filter(r -> r.status() == GradeRow.Status.FAILED).count();
            out.printf("Graded %d cells, %d failed%n", rows.size(), failed);
            out.println("Grades: " + done.grades() + ", " + done.overview());
            boolean diverged = false;
            for (GradeRow r : rows) {
                if (r.status() == GradeRow.Status.DIVERGED) {
                    err.println("drawnet grade job: cell " + r.index() + " (" + r.drawing() + ", " + r.backend() + "): "
                            + r.message());
                    diverged = true;
                }
            }
            return diverged ? 4 : 0;
        } catch (GradeEngineUnavailableException e) {
            err.println("drawnet grade job: " + e.getMessage());
            return 3;
        } catch (InvalidSettingException e) { // named by its option, as the command line names it
            err.println("drawnet grade job: " + e.messageFor(e.setting().option()));
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("drawnet grade job: " + e.getMessage());
            return 2;
        } catch (RunFolderException e) { // refused before anything ran, as the command line refuses it
            err.println("drawnet grade job: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("drawnet grade job: cannot write output: " + e.getMessage());
            return 1;
        } catch (IllegalStateException e) {
            err.println("drawnet grade job: " + e.getMessage());
            return 1;
        }
    }

    /** The job's arguments. */
    static final class Args {
        Path folder;
        Path out;
        boolean reports;
        boolean force;
        List<String> backends = new ArrayList<>();
        List<String> conf = new ArrayList<>();
        ExperimentSettings base = ExperimentSettings.notebook();
        Grid grid = Grid.NONE;
        Duration masterTimeout = GradeOptions.DEFAULT_MASTER_TIMEOUT;

        static Args parse(String[] args) {
            Args a = new Args();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--")) {
                    if (a.folder != null) {
                        throw new IllegalArgumentException("one folder only; got " + a.folder + " and " + arg);
                    }
                    a.folder = Path.of(arg);
                    continue;
                }
                if (arg.equals("--reports") || arg.equals("--force")) {
                    a.reports |= arg.equals("--reports");
                    a.force |= arg.equals("--force");
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                String value = args[++i];
                switch (arg) {
                    case "--out" -> a.out = Path.of(value);
                    case "--master-timeout" -> a.masterTimeout = seconds(value);
                    case "--backend" -> a.backends.addAll(Arrays.asList(value.split(",")));
                    case "--conf" -> a.conf.add(value);
                    default -> {
                        Setting s = Setting.fromName(arg);
                        if (Grid.AXES.contains(s)) {
                            a.grid = a.grid.with(s, value);
                        } else {
                            a.base = a.base.with(s, value);
                        }
                    }
                }
            }
            if (a.folder == null) {
                throw new IllegalArgumentException("give the folder of drawings to grade");
            }
            if (a.out == null) {
                throw new IllegalArgumentException("give --out DIR for grades.csv and grades.html");
            }
            GradeOptions.parseConf(a.conf); // a malformed pair is refused with the other arguments
            return a;
        }

        static Duration seconds(String value) {
            try {
                int s = Integer.parseInt(value.strip());
                if (s >= 1 && s <= 3600) {
                    return Duration.ofSeconds(s);
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new IllegalArgumentException("--master-timeout must be whole seconds in [1, 3600], got '" + value + "'");
        }
    }
}
