package io.github.drawnet.app;

import com.google.inject.Inject;
import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.viz.ReportFiles;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.viz.Visualizer;
import io.github.drawnet.bench.EngineBenchmark;
import io.github.drawnet.io.RunFolderException;
import io.github.drawnet.run.DrawingRun;
import io.github.drawnet.run.FinishedRun;
import io.github.drawnet.run.RunFiles;
import io.github.drawnet.run.RunInputs;
import io.github.drawnet.run.RunListener;
import io.github.drawnet.run.StopOnInterrupt;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.Locale;

/**
 * What {@code run} and {@code continue} print around the library run ({@link io.github.drawnet.run.DrawingRun}):
 * the epoch lines, the learned weights, the files written, and last the test accuracy, as the notebook ends.
 */
final class RunOutputs {

    private final Visualizer visualizer;

    @Inject
    RunOutputs(Visualizer visualizer) {
        this.visualizer = visualizer;
    }

    /** Returns the figures and report's visualizer. */
    Visualizer visualizer() {
        return visualizer;
    }

    /** Returns a listener that prints the notebook's epoch lines and moves the progress bar. */
    static TrainingListener epochPrinter(Progress progress, int firstEpoch) {
        boolean reportStartup = Boolean.getBoolean(EngineBenchmark.REPORT_PROPERTY);
        return TrainingListener.ofEpochs((m, last) -> {
            if (reportStartup && m.epoch() == firstEpoch) {
                progress.line(EngineBenchmark.STARTUP_LINE
                        + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
            }
            progress.line(m.notebookLine(last));
            progress.update(m.epoch() - firstEpoch + 1, last - firstEpoch + 1,
                    String.format(Locale.ROOT, "epoch %d · loss %.4f · accuracy %.4f", m.epoch(), m.trainLoss(),
                            m.trainAccuracy()));
        });
    }

    /**
     * Returns a listener that prints what a library run does: {@code header} once it starts (with the engine's
     * version), the notebook's epoch lines from {@code firstEpoch} on, the learned weights, the files written.
     */
    static RunListener printer(PrintStream o, ReportFiles files, Progress progress, int firstEpoch,
            BiConsumer<RunInputs, String> header) {
        TrainingListener lines = epochPrinter(progress, firstEpoch);
        return new RunListener() {
            @Override
            public void started(RunInputs inputs, String engine, Path folder) {
                header.accept(inputs, engine);
            }

            @Override
            public void epoch(EpochMetrics metrics, int lastEpoch) {
                lines.epochEnded(metrics, lastEpoch);
            }

            @Override
            public void trained(ExperimentResult result) {
                progress.finish();
                printTrained(o, result);
            }

            @Override
            public void written(RunFiles written) {
                printWritten(o, written, files);
            }
        };
    }

    /** Handles Ctrl-C while {@code command} trains: the first says so on {@code err} and stops after the epoch. */
    static StopOnInterrupt ctrlC(PrintStream err, String command) {
        return StopOnInterrupt.install(() -> err.println("drawnet " + command + ": stopping after this epoch, keeping"
                + " what was learned (Ctrl-C again to quit at once)"));
    }

    /** Handles Ctrl-C while {@code command} trains a grid's cells: the first says so and starts no further cell. */
    static StopOnInterrupt ctrlCCells(PrintStream err, String command) {
        return StopOnInterrupt.install(() -> err.println("drawnet " + command + ": stopping: no new cells, running ones"
                + " after this epoch (Ctrl-C again to quit at once)"));
    }

    /** Returns a refusal of the run's folder or model file as the command line words it. */
    static UserException userError(RunFolderException e) {
        return new UserException(e.getMessage().replace("give another name", "give --save another name"),
                ExitCodes.IO, e);
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

    /**
     * Runs {@code run} to its folder, {@code printer} told of every step and Ctrl-C asking it to stop after the
     * epoch ({@link #ctrlC}); prints the last lines ({@link #ended}) and, when Ctrl-C stopped it, one line saying
     * so on {@code err}. Returns the exit code ({@link ExitCodes#INTERRUPTED} then).
     *
     * @throws UserException when the run may not write its folder or model ({@link #userError})
     */
    static int execute(DrawingRun run, RunListener printer, Progress progress, PrintStream o, PrintStream err,
            String command) throws IOException {
        FinishedRun done;
        boolean interrupted;
        try (StopOnInterrupt interrupt = ctrlC(err, command)) {
            done = run.listener(printer).stopWhen(interrupt).writeFolder();
            interrupted = interrupt.requested() && done.result().training().stopReason() == StopReason.STOPPED;
        } catch (RunFolderException e) {
            throw userError(e);
        } finally {
            progress.finish();
        }
        int code = ended(o, err, command, done.result());
        if (!interrupted) {
            return code;
        }
        err.printf(Locale.ROOT, "drawnet %s: stopped by Ctrl-C after epoch %d of %d; the run is written as a stopped"
                + " run in %s%n", command, done.result().history().size(), done.result().config().epochs(),
                Names.quoted(done.files().folder()));
        return ExitCodes.INTERRUPTED;
    }
}
