package io.github.drawnet.app;

import com.google.inject.Inject;
import io.github.drawnet.api.EpochListener;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.ReportFiles;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.api.Visualizer;
import io.github.drawnet.bench.EngineBenchmark;
import io.github.drawnet.io.RunFolder;
import io.github.drawnet.io.RunFolderException;
import io.github.drawnet.run.RunFiles;
import io.github.drawnet.run.RunWriter;
import io.github.drawnet.viz.Figure;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@code run} and {@code continue} print once training ends, around what the library's {@link RunWriter}
 * writes: the learned weights, the files written, and last the test accuracy, as the notebook ends.
 */
final class RunOutputs {

    private final Visualizer visualizer;
    private final RunWriter writer;

    @Inject
    RunOutputs(Visualizer visualizer) {
        this.visualizer = visualizer;
        this.writer = new RunWriter(visualizer);
    }

    /** Returns the figures and report's visualizer. */
    Visualizer visualizer() {
        return visualizer;
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

    /** Returns the names of the files {@link #finish} writes into the run's folder with {@code files} for {@code classes} classes, besides the model. */
    List<String> plannedNames(List<String> extraFigures, ReportFiles files, int classes) {
        return writer.plannedNames(extraFigures, files, classes);
    }

    /**
     * Checks, before any work, where the model will be saved ({@link RunWriter#checkSave}).
     *
     * @throws UserException naming the file, exit code {@link ExitCodes#IO}
     */
    static void checkSave(Path save, RunFolder folder) {
        try {
            RunWriter.checkSave(save, folder);
        } catch (RunFolderException e) {
            throw userError(e);
        }
    }

    /** Returns a refusal of the run's folder or model file as the command line words it. */
    static UserException userError(RunFolderException e) {
        return new UserException(e.getMessage().replace("give another name", "give --save another name"),
                ExitCodes.IO, e);
    }

    /** Starts warming the figure code for the time a network trains ({@link RunWriter#warmUp}). */
    Thread warmUp(ReportFiles files) {
        return writer.warmUp(files);
    }

    /**
     * Prints and writes everything after training, into the run's folder as one set ({@link RunWriter#write});
     * returns the exit code ({@link ExitCodes#DIVERGED} when training diverged: every output that can be
     * written is, and the reason goes to {@code err}).
     *
     * @param save where to save the model, or null; inside the folder it is part of the run's set
     * @param extra further figures to write beside the notebook's (for example a history comparison)
     */
    int finish(PrintStream o, PrintStream err, String command, ExperimentResult result, RunFolder folder, Path save,
            List<Figure> extra, ReportFiles files) throws IOException {
        printTrained(o, result);
        RunFiles written;
        try {
            written = writer.write(result, folder, save, extra, files);
        } catch (RunFolderException e) {
            throw new UserException(e.getMessage(), ExitCodes.IO, e);
        }
        printWritten(o, written, files);
        return ended(o, err, command, result);
    }

    /** Prints the learned parameters, the training time and the balanced accuracy, once training has ended. */
    static void printTrained(PrintStream o, ExperimentResult result) {
        NotebookPrinter.printParameters(o, result.finalParameters());
        o.printf(Locale.ROOT, "Training took %.2f s; balanced accuracy on the test set: %.4f%n",
                result.trainingTime().toNanos() / 1e9, result.test().balancedAccuracy());
    }

    /** Prints one line for each kind of file the run wrote. */
    static void printWritten(PrintStream o, RunFiles w, ReportFiles files) {
        o.println("Metrics: " + Names.quoted(w.metrics()));
        o.println("Exports: " + w.exports().stream().map(p -> p.getFileName().toString())
                .reduce((a, b) -> a + ", " + b).orElse("") + " in " + Names.quoted(w.folder()));
        if (w.modelNotSaved() != null) {
            o.println("Model: not saved, " + w.modelNotSaved());
        } else if (w.model() != null) {
            o.println("Model: " + Names.quoted(w.model()));
        }
        w.extraFigures().forEach(p -> o.println("Figure: " + Names.quoted(p)));
        if (!w.figures().isEmpty()) {
            o.println("Figures: " + w.figures().size() + " figures as " + files.formatsText()
                    .toUpperCase(Locale.ROOT).replace(",", " and ") + " in " + Names.quoted(w.folder()));
        }
        if (w.report() != null) {
            o.println("Report: " + Names.quoted(w.report()));
        }
    }

    /** Prints the last lines (the peak memory when measured, the test accuracy) and returns the exit code. */
    static int ended(PrintStream o, PrintStream err, String command, ExperimentResult result) {
        if (Boolean.getBoolean(EngineBenchmark.REPORT_PROPERTY)) {
            o.println(EngineBenchmark.PEAK_LINE + EngineBenchmark.peakResidentMiB() + " MiB");
        }
        o.printf(Locale.ROOT, "Accuracy on the test set: %.4f%n", result.test().accuracy());
        if (result.training().stopReason() == StopReason.DIVERGED) {
            err.println("drawnet " + command + ": " + result.training().message());
            return ExitCodes.DIVERGED;
        }
        return ExitCodes.OK;
    }
}
