package io.github.drawnet.run;

import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Provenance;
import io.github.drawnet.viz.ReportFiles;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.io.SavedModel;
import io.github.drawnet.viz.ColourNames;
import io.github.drawnet.viz.NotebookText;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Prints what a {@link DrawingRun} does as the notebook prints it, as a {@link RunListener}: a header once it
 * starts, one line per epoch (a {@link ProgressBar} below them on a terminal), every learned weight and bias,
 * the training time, and one line for each kind of file written. {@link #setup} prints what an experiment is
 * about to do, {@link #ended} the run's last lines.
 *
 * <pre>{@code
 * ProgressBar bar = new ProgressBar(System.out, ProgressBar.onTerminal(), "epochs");
 * RunPrinter printer = new RunPrinter(System.out, ReportFiles.all(), bar, 1,
 *         (inputs, engine) -> RunPrinter.setup(System.out, inputs));
 * FinishedRun run = DrawingRun.of(DrawingSource.preset("ring")).listener(printer).writeFolder();
 * RunPrinter.ended(System.out, run.result());
 * }</pre>
 *
 * <p>Thread-safe as far as its {@link ProgressBar} and stream are: a run tells it of one step at a time.
 */
public final class RunPrinter implements RunListener {

    /** The system property that makes a run report its start-up time and peak memory (for the benchmark). */
    public static final String REPORT_PROPERTY = "drawnet.report.resources";
    /** The line a run prints for its start-up time when {@link #REPORT_PROPERTY} is set. */
    public static final String STARTUP_LINE = "Startup to first epoch: ";
    /** The line a run prints for its peak memory when {@link #REPORT_PROPERTY} is set. */
    public static final String PEAK_LINE = "Peak resident memory: ";

    private final PrintStream out;
    private final ReportFiles files;
    private final ProgressBar progress;
    private final int firstEpoch;
    private final BiConsumer<RunInputs, String> header;
    private final boolean reportStartup = Boolean.getBoolean(REPORT_PROPERTY);

    /**
     * Returns a printer.
     *
     * @param files the files the run writes (the figures' formats are named in the line about them)
     * @param progress the bar the epochs move; epoch lines print above it
     * @param firstEpoch the number of the run's first epoch (a continued run numbers on): the bar counts from it
     * @param header prints what the run is about to do, told the inputs and the engine's version once it starts
     */
    public RunPrinter(PrintStream out, ReportFiles files, ProgressBar progress, int firstEpoch,
            BiConsumer<RunInputs, String> header) {
        this.out = Objects.requireNonNull(out, "out");
        this.files = Objects.requireNonNull(files, "files");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.firstEpoch = firstEpoch;
        this.header = Objects.requireNonNull(header, "header");
    }

    @Override
    public void started(RunInputs inputs, String engineVersion, Path folder) {
        header.accept(inputs, engineVersion);
    }

    /** Prints the notebook's epoch line and moves the bar. */
    @Override
    public void epoch(EpochMetrics m, int lastEpoch) {
        if (reportStartup && m.epoch() == firstEpoch) {
            progress.line(STARTUP_LINE + ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
        }
        progress.line(m.notebookLine(lastEpoch));
        progress.update(m.epoch() - firstEpoch + 1, lastEpoch - firstEpoch + 1,
                String.format(Locale.ROOT, "epoch %d · loss %.4f · accuracy %.4f", m.epoch(), m.trainLoss(),
                        m.trainAccuracy()));
    }

    /** Removes the bar, then prints the learned parameters, the training time and the balanced accuracy. */
    @Override
    public void trained(ExperimentResult result) {
        progress.finish();
        out.print(NotebookText.parameters(result.finalParameters()));
        out.printf(Locale.ROOT, "Training took %.2f s; balanced accuracy on the test set: %.4f%n",
                result.trainingTime().toNanos() / 1e9, result.test().balancedAccuracy());
    }

    /** Prints one line for each kind of file the run wrote. */
    @Override
    public void written(RunFiles w) {
        out.println("Metrics: " + Printable.path(w.metrics()));
        out.println("Exports: " + w.exports().stream().map(p -> p.getFileName().toString())
                .reduce((a, b) -> a + ", " + b).orElse("") + " in " + Printable.path(w.folder()));
        if (w.modelNotSaved() != null) {
            out.println("Model: not saved, " + w.modelNotSaved());
        } else if (w.model() != null) {
            out.println("Model: " + Printable.path(w.model()));
        }
        w.extraFigures().forEach(p -> out.println("Figure: " + Printable.path(p)));
        if (!w.figures().isEmpty()) {
            out.println("Figures: " + w.figures().size() + " figures as " + files.formatsText()
                    .toUpperCase(Locale.ROOT).replace(",", " and ") + " in " + Printable.path(w.folder()));
        }
        if (w.report() != null) {
            out.println("Report: " + Printable.path(w.report()));
        }
    }

    /**
     * Prints what an experiment is about to do: the drawing, the classes found, the points, the network and the
     * training settings, one line each.
     */
    public static void setup(PrintStream o, RunInputs inputs) {
        Drawing drawing = inputs.drawing();
        DataSplits data = inputs.data();
        TrainingConfig c = inputs.config();
        NetworkSpec spec = inputs.spec();
        Provenance p = data.provenance();
        o.printf(Locale.ROOT, "Drawing: %s (%d x %d, %s), %.1f%% of the canvas drawn%n",
                Printable.escape(drawing.name()), drawing.width(), drawing.height(), inputs.drawingSource(),
                100 * drawing.positiveShare());
        if (inputs.classesFound() != null) {
            o.println("Classes: " + Printable.escape(ColourNames.withNames(inputs.classesFound())));
        }
        o.printf(Locale.ROOT, "Points: %d training, %d validation, %d test; seed %d, %s labels%s%n",
                data.train().size(), data.validation().size(), data.test().size(), p.seed(),
                data.classCount() > 2 ? "class" : p.labelMode().id(),
                p.noise() > 0 ? String.format(Locale.ROOT, ", %.0f%% of training labels flipped", 100 * p.noise()) : "");
        if (data.classCount() > 2) {
            o.printf(Locale.ROOT, "Points per class (%s): %s training, %s validation, %s test%n", drawing.classes()
                    .stream().map(ColourNames::className).collect(Collectors.joining(", ")),
                    Arrays.toString(data.train().classCounts()), Arrays.toString(data.validation().classCounts()),
                    Arrays.toString(data.test().classCounts()));
        } else {
            o.printf(Locale.ROOT, "Positive share: %.1f%% training, %.1f%% validation, %.1f%% test%n",
                    100 * data.train().positiveShare(), 100 * data.validation().positiveShare(),
                    100 * data.test().positiveShare());
        }
        o.println(spec.describe());
        o.printf(Locale.ROOT, "Training: %s, learning rate %s, batch size %d, %d epochs, weight decay %s%s, %s%n",
                c.optimizer().id(), c.learningRate(), c.batchSize(), c.epochs(), c.weightDecay(),
                c.l1() > 0 ? ", l1 penalty " + c.l1() : "", c.shuffle() ? "shuffled each epoch" : "fixed order");
    }

    /**
     * Prints which saved model a run continues: {@code Model: FILE, saved from BACKEND after N epochs (validation
     * accuracy A)}, or {@code (untrained)} for a model saved before its first epoch.
     */
    public static void savedModel(PrintStream o, Path file, SavedModel saved) {
        int before = saved.history().size();
        o.printf(Locale.ROOT, "Model: %s, saved from %s after %d epochs (%s)%n", Printable.path(file), saved.backendId(),
                before, before == 0 ? "untrained" : String.format(Locale.ROOT, "validation accuracy %.4f",
                        saved.history().last().validationAccuracy()));
    }

    /**
     * Prints how a run of a saved model trains its {@code epochs} epochs: from scratch (the initial weights of its
     * seed, a fresh optimizer, epochs 1 to {@code epochs}) or continuing (numbered on after the saved ones).
     */
    public static void continuing(PrintStream o, SavedModel saved, boolean fromScratch, int epochs) {
        int before = saved.history().size();
        o.println(fromScratch
                ? String.format(Locale.ROOT, "Starting from scratch: the initial weights of seed %d, a fresh"
                        + " optimizer, epochs 1 to %d", saved.config().seed(), epochs)
                : String.format(Locale.ROOT, "Continuing: the saved weights and optimizer state, epochs %d to %d",
                        before + 1, before + epochs));
    }

    /**
     * Prints a run's last lines: this process's peak memory when {@link #REPORT_PROPERTY} asks for it, then the
     * accuracy on the test set, as the notebook ends.
     */
    public static void ended(PrintStream o, ExperimentResult result) {
        if (Boolean.getBoolean(REPORT_PROPERTY)) {
            o.println(PEAK_LINE + peakResidentMiB() + " MiB");
        }
        o.printf(Locale.ROOT, "Accuracy on the test set: %.4f%n", result.test().accuracy());
    }

    /** Returns this process's peak resident memory in MiB (Linux: VmHWM), or -1 where unknown. */
    public static long peakResidentMiB() {
        long kib = highWaterKib(Path.of("/proc/self/status"));
        return kib < 0 ? -1 : kib / 1024;
    }

    /** Returns VmHWM in KiB from a {@code /proc/PID/status} file, or -1 when it cannot be read. */
    public static long highWaterKib(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not Linux
        }
        return -1;
    }
}
