package io.github.drawnet.app;

import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.run.Printable;
import io.github.drawnet.viz.ReportFiles;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.io.RunFolderException;
import io.github.drawnet.run.DrawingRun;
import io.github.drawnet.run.FinishedRun;
import io.github.drawnet.run.ProgressBar;
import io.github.drawnet.run.RunInputs;
import io.github.drawnet.run.RunListener;
import io.github.drawnet.run.RunPrinter;
import io.github.drawnet.run.StopOnInterrupt;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * How {@code run} and {@code continue} end around the library run ({@link DrawingRun}, printed by {@link
 * RunPrinter}): Ctrl-C, the refusals and the exit codes.
 */
final class RunOutputs {

    private RunOutputs() {}

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

    /**
     * Runs {@code run} to its folder, printed by a {@link RunPrinter} ({@code header} once it starts, epochs from
     * {@code firstEpoch}, {@code files} named) with a progress bar, told of every step and Ctrl-C asking it to stop after the
     * epoch ({@link #ctrlC}); prints the last lines ({@link RunPrinter#ended}), a divergence on {@code err} and,
     * when Ctrl-C stopped it, one line saying so there. Returns the exit code ({@link ExitCodes#DIVERGED}, {@link
     * ExitCodes#INTERRUPTED}).
     *
     * @throws UserException when the run may not write its folder or model
     */
    static int execute(DrawingRun run, ReportFiles files, int firstEpoch, BiConsumer<RunInputs, String> header,
            PrintStream o, PrintStream err, String command) throws IOException {
        ProgressBar progress = new ProgressBar(o, ProgressBar.onTerminal(), "epochs");
        RunListener printer = new RunPrinter(o, files, progress, firstEpoch, header);
        FinishedRun done;
        boolean interrupted;
        try (StopOnInterrupt interrupt = ctrlC(err, command)) {
            done = run.listener(printer).stopWhen(interrupt).writeFolder();
            interrupted = interrupt.requested() && done.result().training().stopReason() == StopReason.STOPPED;
        } catch (RunFolderException e) {
            throw new UserException(e.getMessage().replace("give another name", "give --save another name"),
                    ExitCodes.IO, e);
        } finally {
            progress.finish();
        }
        ExperimentResult result = done.result();
        RunPrinter.ended(o, result);
        if (result.training().stopReason() == StopReason.DIVERGED) {
            err.println("drawnet " + command + ": " + result.training().message());
            return ExitCodes.DIVERGED;
        }
        if (!interrupted) {
            return ExitCodes.OK;
        }
        err.printf(Locale.ROOT, "drawnet %s: stopped by Ctrl-C after epoch %d of %d; the run is written as a stopped"
                + " run in %s%n", command, done.result().history().size(), done.result().config().epochs(),
                Printable.path(done.files().folder()));
        return ExitCodes.INTERRUPTED;
    }
}
