package io.github.drawnet.app;

import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.Sweep;
import io.github.drawnet.api.internal.AtomicFiles;
import io.github.drawnet.grading.GradeEngine;
import io.github.drawnet.grading.GradeEngines;
import io.github.drawnet.grading.GradeOptions;
import io.github.drawnet.grading.GradePlan;
import io.github.drawnet.grading.GradeReport;
import io.github.drawnet.grading.GradeRow;
import io.github.drawnet.sampling.Preset;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code drawnet sweep --engine spark}: the sweep's cells as an Apache Spark job (the grading engine
 * {@code spark}, one task per cell), written as {@code sweep.csv} in the columns of the local sweep,
 * and {@code grades.html} with each cell's output map. The local sweep's figures that need every
 * cell's whole result on the driver (sweep-maps, sweep-curves) are not drawn: Spark brings back each
 * cell's figures and small map, not its model.
 */
final class SparkSweep {

    private SparkSweep() {}

    static int run(SweepCommand cmd, PrintStream o, Clock clock, io.github.drawnet.api.Backends backends)
            throws IOException, InterruptedException {
        ExperimentSettings base = cmd.data.read(ExperimentSettings.notebook());
        Sweep sweep = cmd.sweep(base);
        Drawing drawing = cmd.data.drawing(); // a bad file or preset is refused here, before Spark starts
        int threads = cmd.parallel == null ? Runtime.getRuntime().availableProcessors() : cmd.parallel;
        ExperimentOptions.check("--parallel", threads, 1, GradeOptions.MAX_THREADS);
        GradePlan plan = GradePlan.ofSweep(sweep, cmd.data.drawingFile,
                cmd.data.drawingFile != null ? null : cmd.data.preset == null ? Preset.DEFAULT.id() : cmd.data.preset);
        GradeEngine engine = GradeEngines.get("spark", backends);
        Path dir = OutputFolder.prepare(cmd.out, clock, drawing.name(), "sweep");
        int count = plan.cells().size();
        o.printf(Locale.ROOT, "Sweep: %d cells over %s on drawing %s; %d training points, seed %d; engine spark (%s)%n",
                count, sweep.varying().isEmpty() ? "one setting" : String.join(", ", sweep.varying()), drawing.name(),
                base.sizes().train(), base.seed(), cmd.master == null ? "local[" + threads + "]" : cmd.master);
        Progress progress = new Progress(o, Progress.onTerminal(), "cells");
        progress.update(0, count, "");
        long start = System.nanoTime();
        List<GradeRow> rows;
        try {
            rows = engine.run(plan, new GradeOptions(threads, cmd.master, cmd.sparkUi, null),
                    (done, total, row) -> progress.update(done, total, ""));
        } finally {
            progress.finish();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        rows.forEach(r -> o.println(r.describe(count) + " " + sweep.label(sweep.cells().get(r.index() - 1))));
        Path csv = dir.resolve("sweep.csv");
        AtomicFiles.write(csv, GradeReport.sweepCsv(rows).getBytes(StandardCharsets.UTF_8));
        List<Path> files = GradeReport.write(dir, plan, rows, engine.id());
        o.printf(Locale.ROOT, "Swept %d cells in %.1f s%n", rows.size(), seconds);
        o.println("Table: " + csv);
        o.println("Overview: " + files.get(1));
        rows.stream().filter(r -> r.status() != GradeRow.Status.FAILED)
                .max(Comparator.comparingDouble(GradeRow::testAccuracy))
                .ifPresent(best -> o.printf(Locale.ROOT, "Best cell: %d (%s), accuracy on the test set: %.4f%n",
                        best.index(), label(best, sweep), best.testAccuracy()));
        return ExitCodes.OK;
    }

    private static String label(GradeRow r, Sweep sweep) {
        return sweep.label(sweep.cells().get(r.index() - 1));
    }
}
