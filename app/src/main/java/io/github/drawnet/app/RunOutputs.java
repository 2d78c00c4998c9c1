package io.github.drawnet.app;

import com.google.inject.Inject;
import io.github.drawnet.api.EpochListener;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.api.Visualizer;
import io.github.drawnet.bench.EngineBenchmark;
import io.github.drawnet.io.Exports;
import io.github.drawnet.io.MetricsFile;
import io.github.drawnet.io.SavedModel;
import io.github.drawnet.viz.Figure;
import io.github.drawnet.viz.FigureWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@code run} and {@code continue} print and write once training ends: the learned weights,
 * {@code metrics.json}, the exports, the figures and report, the saved model, and last the test
 * accuracy, as the notebook ends.
 */
final class RunOutputs {

    private final Visualizer visualizer;

    @Inject
    RunOutputs(Visualizer visualizer) {
        this.visualizer = visualizer;
    }

    /** Returns a listener that prints the notebook's epoch lines and moves the progress bar. */
    static EpochListener epochPrinter(Progress progress, int firstEpoch) {
        boolean reportStartup = Boolean.getBoolean(EngineBenchmark.REPORT_PROPERTY);
        return (m, last) -> {
            if (reportStartup && m.epoch() == firstEpoch) {
                progress.line(EngineBenchmark.STARTUP_LINE
                        + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
            }
            progress.line(m.notebookLine(last));
            progress.update(m.epoch() - firstEpoch + 1, last - firstEpoch + 1,
                    String.format(Locale.ROOT, "epoch %d · loss %.4f · accuracy %.4f", m.epoch(), m.trainLoss(),
                            m.trainAccuracy()));
            return true;
        };
    }

    /**
     * Prints and writes everything after training; returns the exit code ({@link
     * ExitCodes#DIVERGED} when a loss became NaN or infinite).
     *
     * @param save where to save the model, or null
     * @param extra further figures to write beside the notebook's (for example a history comparison)
     */
    int finish(PrintStream o, String command, ExperimentResult result, Path dir, Path save,
            List<Figure> extra) throws IOException {
        NotebookPrinter.printParameters(o, result.finalParameters());
        o.printf(Locale.ROOT, "Training took %.2f s; balanced accuracy on the test set: %.4f%n",
                result.trainingTime().toNanos() / 1e9, result.test().balancedAccuracy());
        Path metrics = dir.resolve("metrics.json");
        MetricsFile.write(result, metrics);
        o.println("Metrics: " + metrics);
        List<Path> exports = Exports.write(result, dir);
        o.println("Exports: " + exports.stream().map(p -> p.getFileName().toString())
                .reduce((a, b) -> a + ", " + b).orElse("") + " in " + dir);
        if (save != null) {
            if (result.finalParameters().isFinite()) {
                SavedModel.of(result).write(save);
                o.println("Model: " + save);
            } else {
                o.println("Model: not saved, the parameters are not finite after training diverged");
            }
        }
        for (Figure f : extra) {
            o.println("Figure: " + FigureWriter.write(f, dir));
        }
        Visualizer.Report report = visualizer.report(result, dir);
        o.println("Figures: " + report.figures().size() + " figures as PNG and SVG in " + dir);
        if (result.training().stopReason() == StopReason.DIVERGED) {
            o.println("drawnet " + command + ": " + result.training().message());
        }
        o.println("Report: " + report.report());
        if (Boolean.getBoolean(EngineBenchmark.REPORT_PROPERTY)) {
            o.println(EngineBenchmark.PEAK_LINE + EngineBenchmark.peakResidentMiB() + " MiB");
        }
        o.printf(Locale.ROOT, "Accuracy on the test set: %.4f%n", result.test().accuracy());
        return result.training().stopReason() == StopReason.DIVERGED ? ExitCodes.DIVERGED : ExitCodes.OK;
    }
}
