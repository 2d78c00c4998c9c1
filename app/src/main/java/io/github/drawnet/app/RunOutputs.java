package io.github.drawnet.app;

import com.google.inject.Inject;
import io.github.drawnet.api.EpochListener;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.ReportFiles;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.api.Visualizer;
import io.github.drawnet.bench.EngineBenchmark;
import io.github.drawnet.io.Exports;
import io.github.drawnet.io.MetricsFile;
import io.github.drawnet.io.RunFolder;
import io.github.drawnet.io.SavedModel;
import io.github.drawnet.viz.Figure;
import io.github.drawnet.viz.FigureWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /** Returns the names of the files {@link #finish} writes into the run's folder with {@code files} for {@code classes} classes, besides the model. */
    List<String> plannedNames(List<String> extraFigures, ReportFiles files, int classes) {
        List<String> names = new ArrayList<>(OutputFolder.dataFileNames());
        names.addAll(visualizer.reportFileNames(files, classes));
        names.addAll(files.figureFileNames(extraFigures.toArray(String[]::new)));
        return names;
    }

    /**
     * Checks, before any work, where the model will be saved ({@link RunFolder#checkFurtherFile}):
     * never over a file the run reads or another of the run's files.
     *
     * @throws UserException naming the file, exit code {@link ExitCodes#IO}
     */
    static void checkSave(Path save, RunFolder folder) {
        if (save == null) {
            return;
        }
        boolean inside;
        try {
            inside = folder.checkFurtherFile(save);
        } catch (io.github.drawnet.io.RunFolderException e) {
            throw new UserException(e.getMessage().replaceFirst("^cannot write ", "cannot save the model to ")
                    .replace("give another name", "give --save another name"), ExitCodes.IO, e);
        }
        if (!inside) {
            OutputFolder.checkWritableFile(save);
        }
    }

    private static boolean inFolder(Path file, RunFolder folder) {
        return folder.dir().equals(file.toAbsolutePath().normalize().getParent());
    }

    /**
     * Starts warming the figure code ({@link Visualizer#warmUp}) on a daemon thread, when figures are
     * to be drawn, for the time a network trains; interrupt the thread returned when training ends.
     */
    Thread warmUp(ReportFiles files) {
        Thread t = new Thread(visualizer::warmUp, "drawnet-figures-warm-up");
        t.setDaemon(true);
        if (files.drawsFigures()) {
            t.start();
        }
        return t;
    }

    /**
     * Prints and writes everything after training, into the run's folder as one set (written into
     * its staging area, then committed whole); returns the exit code ({@link ExitCodes#DIVERGED}
     * when training diverged: every output that can be written is, and the reason goes to {@code
     * err}).
     *
     * @param save where to save the model, or null; inside the folder it is part of the run's set
     * @param extra further figures to write beside the notebook's (for example a history comparison)
     */
    int finish(PrintStream o, PrintStream err, String command, ExperimentResult result, RunFolder folder, Path save,
            List<Figure> extra, ReportFiles files) throws IOException {
        NotebookPrinter.printParameters(o, result.finalParameters());
        o.printf(Locale.ROOT, "Training took %.2f s; balanced accuracy on the test set: %.4f%n",
                result.trainingTime().toNanos() / 1e9, result.test().balancedAccuracy());
        Path staging = folder.staging();
        Path dir = folder.given();
        List<String> lines = new ArrayList<>();
        boolean saveInFolder = save != null && inFolder(save, folder);
        boolean finite = result.finalParameters().isFinite();
        try {
            MetricsFile.write(result, staging.resolve(MetricsFile.FILE_NAME));
            lines.add("Metrics: " + Names.quoted(folder.finalPath(MetricsFile.FILE_NAME)));
            List<Path> exports = Exports.write(result, staging);
            lines.add("Exports: " + exports.stream().map(p -> p.getFileName().toString())
                    .reduce((a, b) -> a + ", " + b).orElse("") + " in " + Names.quoted(dir));
            if (save != null && !finite) {
                lines.add("Model: not saved, the parameters are not finite after training diverged");
            } else if (save != null) {
                if (saveInFolder) {
                    SavedModel.of(result).write(staging.resolve(save.getFileName().toString()));
                }
                lines.add("Model: " + Names.quoted(save));
            }
            for (Figure f : extra) {
                FigureWriter.write(f, staging, files.formats()).stream().limit(1).forEach(p -> lines.add("Figure: "
                        + Names.quoted(folder.finalPath(p.getFileName().toString()))));
            }
            Visualizer.Report report = visualizer.report(result, staging, files);
            if (!report.figures().isEmpty()) {
                lines.add("Figures: " + report.figures().size() + " figures as " + files.formatsText()
                        .toUpperCase(Locale.ROOT).replace(",", " and ") + " in " + Names.quoted(dir));
            }
            if (report.report() != null) {
                lines.add("Report: " + Names.quoted(folder.finalPath(report.report().getFileName().toString())));
            }
            folder.commit();
        } catch (io.github.drawnet.io.RunFolderException e) {
            throw new UserException(e.getMessage(), ExitCodes.IO, e);
        } catch (IOException e) {
            throw new UserException("cannot write the run's files into " + Names.quoted(dir) + ": "
                    + OutputFolder.describe(e) + "; the folder keeps what it held before", ExitCodes.IO, e);
        }
        if (save != null && finite && !saveInFolder) {
            SavedModel.of(result).write(save); // flushed before it is moved into place
        }
        lines.forEach(o::println);
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
