package io.github.drawnet.grading;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.Experiments;
import io.github.drawnet.viz.ReportFiles;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.viz.Visualizer;
import io.github.drawnet.io.MetricsFile;
import io.github.drawnet.io.SavedModel;
import io.github.drawnet.run.DrawingSource;
import io.github.drawnet.run.RunInputs;
import io.github.drawnet.sampling.ClassReading;
import io.github.drawnet.sampling.InvalidDrawingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Grades one cell: reads its drawing, samples the points and fits the network as {@code drawnet run} does
 * (the library run's {@link RunInputs#prepare}: the same limits, class reading and fit), trains on its
 * backend through the experiment's lifecycle and measures the test set. A drawing or setting that the library refuses
 * (any {@link IllegalArgumentException}: not an image, one class only, a batch larger than the
 * training set) is a {@link GradeRow.Status#FAILED failed} row carrying the one-line reason that
 * {@code drawnet run} prints; anything else (an engine that cannot load, a bug) is thrown, so that
 * an engine such as Spark can retry the cell.
 *
 * <p>Thread-safe: cells may be graded from many threads; cells on a backend that trains one model
 * at a time ({@link Backend#supportsConcurrentTraining()} false) take turns, JVM-wide.
 */
public final class Grader {

    /** The side of the small output map, in pixels: every fourth point of the 256 x 256 grid. */
    public static final int MAP_SIDE = 64;
    /** The file name of a cell's saved model, in its report folder. */
    public static final String MODEL_FILE = "model.json";

    private static final Map<String, Object> ONE_AT_A_TIME = new ConcurrentHashMap<>();

    private final Backends backends;
    private final Visualizer visualizer;
    private final Path reports;
    private final ReportFiles reportFiles;
    private final boolean saveModels;

    /**
     * Creates a grader whose reports, if any, hold every file.
     *
     * @param backends where cells find their backend by id
     * @param visualizer draws the output maps (and the reports)
     * @param reports where each cell's full report goes (a folder per cell), or null for none
     */
    public Grader(Backends backends, Visualizer visualizer, Path reports) {
        this(backends, visualizer, reports, ReportFiles.all());
    }

    /**
     * Creates a grader.
     *
     * @param backends where cells find their backend by id
     * @param visualizer draws the output maps (and the reports)
     * @param reports where each cell's full report goes (a folder per cell), or null for none
     * @param reportFiles which of a report's files each cell writes ({@code metrics.json} always)
     */
    public Grader(Backends backends, Visualizer visualizer, Path reports, ReportFiles reportFiles) {
        this(backends, visualizer, reports, reportFiles, false);
    }

    /**
     * Creates a grader that may save each cell's trained model.
     *
     * @param backends where cells find their backend by id
     * @param visualizer draws the output maps (and the reports)
     * @param reports where each cell's full report goes (a folder per cell, {@link #reportFolder}), or null for none
     * @param reportFiles which of a report's files each cell writes ({@code metrics.json} always)
     * @param saveModels whether each cell's trained model is saved as {@code model.json} in its report folder
     *     (not a diverged cell's: its parameters are not finite)
     * @throws IllegalArgumentException when models are to be saved without a reports folder
     */
    public Grader(Backends backends, Visualizer visualizer, Path reports, ReportFiles reportFiles, boolean saveModels) {
        this.backends = Objects.requireNonNull(backends, "backends");
        this.visualizer = Objects.requireNonNull(visualizer, "visualizer");
        this.reports = reports;
        this.reportFiles = Objects.requireNonNull(reportFiles, "reportFiles");
        this.saveModels = saveModels;
        if (saveModels && reports == null) {
            throw new IllegalArgumentException(GradeOptions.MODELS_WITHOUT_REPORTS);
        }
    }

    /** Returns a grader of {@code options}' reports, report files and models. */
    public static Grader of(Backends backends, Visualizer visualizer, GradeOptions options) {
        return new Grader(backends, visualizer, options.reports(), options.reportFiles(), options.saveModels());
    }

    /**
     * Trains and measures one cell.
     *
     * @throws io.github.drawnet.api.BackendUnavailableException when the cell's engine cannot load
     * @throws UncheckedIOException when a report cannot be written
     */
    public GradeRow grade(GradeCell cell) {
        return grade(cell, () -> false);
    }

    /**
     * Trains and measures one cell, unless a stop is requested: a cell asked to stop before it trains (or
     * while it waits its turn on its backend) is {@linkplain GradeRow.Status#NOT_RUN not run}; one asked
     * while it trains stops at the end of the epoch, a {@linkplain GradeRow.Status#STOPPED stopped} row that
     * keeps its epochs (and its report and model, when asked).
     *
     * @param stopRequested asked before the cell trains and after each epoch
     * @throws io.github.drawnet.api.BackendUnavailableException when the cell's engine cannot load
     * @throws UncheckedIOException when a report cannot be written
     */
    public GradeRow grade(GradeCell cell, BooleanSupplier stopRequested) {
        long start = System.nanoTime();
        long[] waited = {0};
        ExperimentResult result;
        try {
            if (cell.readError() != null) {
                throw new InvalidDrawingException(cell.readError());
            }
            if (stopRequested.getAsBoolean()) {
                return GradeRow.notRun(cell);
            }
            // named by the file's name, as 'drawnet run --drawing' names it: the same messages
            DrawingSource source = cell.preset() != null ? DrawingSource.preset(cell.preset())
                    : DrawingSource.bytes(cell.fileName(), cell.png());
            RunInputs inputs = RunInputs.prepare(source, ClassReading.DEFAULT, cell.experimentSettings());
            Backend backend = backends.get(cell.backend());
            result = train(backend, inputs, stopRequested, waited);
        } catch (IllegalArgumentException e) {
            return GradeRow.failed(cell, firstLine(e.getMessage()), (System.nanoTime() - start) / 1e9);
        }
        if (result == null) {
            return GradeRow.notRun(cell);
        }
        byte[] map = visualizer.mapPng(everyNth(result.grid().output(), result.gridResolution(), MAP_SIDE), MAP_SIDE,
                Activation.SIGMOID).png();
        // the drawing at the same points and on the same colour scale, to set beside the map
        byte[] thumbnail = visualizer.mapPng(coverage(result.drawing(), result.gridResolution(), MAP_SIDE), MAP_SIDE,
                Activation.SIGMOID).png();
        if (reports != null) {
            writeReport(cell, result);
        }
        // the cell's own time: a turn waited for a backend that trains one model at a time is not counted
        return GradeRow.of(cell, result, (System.nanoTime() - start - waited[0]) / 1e9, map, thumbnail);
    }

    /** Returns the trained result, or null when a stop was requested while the cell waited its turn. */
    private static ExperimentResult train(Backend backend, RunInputs in, BooleanSupplier stop, long[] waited) {
        if (backend.supportsConcurrentTraining()) {
            return Experiments.run(backend, in.drawing(), in.data(), in.spec(), in.config(), TrainingListener.NONE, stop);
        }
        long before = System.nanoTime();
        synchronized (ONE_AT_A_TIME.computeIfAbsent(backend.id(), k -> new Object())) {
            waited[0] = System.nanoTime() - before;
            if (stop.getAsBoolean()) {
                return null;
            }
            return Experiments.run(backend, in.drawing(), in.data(), in.spec(), in.config(), TrainingListener.NONE, stop);
        }
    }

    private void writeReport(GradeCell cell, ExperimentResult result) {
        Path dir = reports.resolve(reportFolder(cell));
        try {
            MetricsFile.write(result, dir.resolve("metrics.json"));
            if (reportFiles.drawsFigures()) {
                visualizer.report(result, dir, reportFiles);
            }
            if (saveModels && result.training().stopReason() != StopReason.DIVERGED
                    && result.finalParameters().isFinite()) {
                SavedModel.of(result).write(dir.resolve(MODEL_FILE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report of " + cell.drawing() + " to " + dir, e);
        }
    }

    /**
     * Returns the folder, relative to the reports' folder, of a cell's report: the drawing's path without
     * {@code .png}, then the cell; a name starting with {@code .} (a hidden folder) starts with {@code _}
     * instead, since a run's folder holds no hidden file of its set.
     */
    public static String reportFolder(GradeCell cell) {
        String stem = cell.drawing().replaceAll("(^|/)\\.", "$1_").replaceFirst("(?i)\\.png$", "");
        return stem + "/" + String.format(Locale.ROOT, "cell-%d-%s", cell.index(), cell.backend());
    }

    /** Returns every {@code (n / side)}th value of an {@code n x n} grid, as a {@code side x side} grid. */
    static float[] everyNth(float[] grid, int n, int side) {
        float[] out = new float[side * side];
        int step = n / side;
        for (int row = 0; row < side; row++) {
            for (int col = 0; col < side; col++) {
                out[row * side + col] = grid[(row * step + step / 2) * n + col * step + step / 2];
            }
        }
        return out;
    }

    /** Returns the drawing's coverage at the points {@link #everyNth} picks from an {@code n x n} grid. */
    static float[] coverage(Drawing drawing, int n, int side) {
        float[] out = new float[side * side];
        int step = n / side;
        for (int row = 0; row < side; row++) {
            for (int col = 0; col < side; col++) {
                out[row * side + col] = drawing.coverageAt((col * step + step / 2) / (double) (n - 1),
                        (row * step + step / 2) / (double) (n - 1));
            }
        }
        return out;
    }

    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "(no message)";
        }
        return message.lines().findFirst().orElse(message);
    }
}
