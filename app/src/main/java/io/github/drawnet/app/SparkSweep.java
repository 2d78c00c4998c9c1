package io.github.drawnet.app;

import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.grading.GradeEngine;
import io.github.drawnet.grading.GradeEngines;
import io.github.drawnet.grading.GradeOptions;
import io.github.drawnet.grading.GradePlan;
import io.github.drawnet.grading.GradeRow;
import io.github.drawnet.grading.GradeRun;
import io.github.drawnet.grading.GradedRun;
import io.github.drawnet.grading.Sweep;
import io.github.drawnet.run.Printable;
import io.github.drawnet.run.RunFolders;
import io.github.drawnet.sampling.Preset;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * {@code drawnet sweep --engine spark}: the sweep's cells as the {@code spark} grading engine's job, a grading
 * of one drawing written by the library's {@link GradeRun#asSweep}: {@code sweep.csv} (the local sweep's columns)
 * and {@code grades.html} with each cell's map; not sweep-maps and sweep-curves, which need every cell's whole
 * result on the driver.
 */
final class SparkSweep {

    private SparkSweep() {}

    static int run(SweepCommand cmd, PrintStream o, PrintStream err, Clock clock, io.github.drawnet.api.Backends backends)
            throws IOException, InterruptedException {
        java.time.Duration timeout = GradeCommand.masterTimeout(cmd.master, cmd.masterTimeout); // before anything loads
        java.util.Map<String, String> conf = GradeCommand.sparkConf(cmd.sparkConf);
        GradeEngine engine = GradeEngines.get(cmd.engine.strip().toLowerCase(Locale.ROOT), backends);
        ExperimentSettings base = cmd.data.read(ExperimentSettings.notebook());
        Sweep sweep = cmd.sweep(base);
        Drawing drawing = cmd.data.drawing(); // a bad file or preset is refused here, before Spark starts
        int threads = cmd.parallel == null ? Runtime.getRuntime().availableProcessors() : cmd.parallel;
        ExperimentOptions.check("--parallel", threads, 1, GradeOptions.MAX_THREADS);
        GradePlan plan = GradePlan.ofSweep(sweep, cmd.data.drawingFile,
                cmd.data.drawingFile != null ? null : cmd.data.preset == null ? Preset.DEFAULT.id() : cmd.data.preset);
        String heading = String.format(Locale.ROOT, "Sweep: %d cells over %s on drawing %s; %d training points, seed"
                + " %d; engine %s (%s)", plan.cells().size(), sweep.varying().isEmpty() ? "one setting"
                        : String.join(", ", sweep.varying()), Printable.escape(drawing.name()), base.sizes().train(),
                base.seed(), engine.id(), cmd.master == null ? "local[" + threads + "]" : cmd.master);
        Path out = cmd.out != null ? cmd.out : RunFolders.fresh(RunFolders.BASE, clock, drawing.name(), "sweep");
        GradedRun done = GradeCommand.write(GradeRun.of(plan).asSweep().engine(engine).out(out).replace(cmd.force)
                .clock(clock).engineOptions(threads, cmd.master, cmd.sparkUi).masterTimeout(timeout).conf(conf), heading, o);
        List<GradeRow> rows = done.rows();
        o.printf(Locale.ROOT, "Swept %d cells in %.1f s%n", rows.size(), done.seconds());
        o.println("Table: " + Printable.path(done.sweepTable()));
        o.println("Overview: " + Printable.path(done.overview()));
        GradeRow.best(rows).ifPresent(best -> o.printf(Locale.ROOT, "Best cell: %d (%s), accuracy on the test set:"
                + " %.4f%n", best.index(), sweep.label(sweep.cells().get(best.index() - 1)), best.testAccuracy()));
        // named as the local sweep names them
        return GradeCommand.divergedOrOk(rows, err, "sweep", r -> sweep.label(sweep.cells().get(r.index() - 1)));
    }
}
