package io.github.drawnet.grading;

import io.github.drawnet.viz.ReportFiles;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How an engine runs a plan.
 *
 * @param threads the cells trained at once on this machine (Spark: the local master's threads), at
 *     least 1
 * @param master the Spark master URL, or null for {@code local[threads]} (ignored by the local engine);
 *     when the job was started by {@code spark-submit}, its master wins
 * @param ui whether Spark's web UI is on (off by default; bound to loopback in local mode)
 * @param reports the folder for each cell's full report, or null for none
 * @param reportFiles which files each cell's report writes (figures' formats, {@code report.html});
 *     {@code metrics.json} is always written
 * @param saveModels whether each cell's trained model is saved as {@code model.json} ({@link Grader#MODEL_FILE})
 *     in its report folder; needs {@code reports}
 */
public record GradeOptions(int threads, String master, boolean ui, Path reports, ReportFiles reportFiles,
        boolean saveModels) {

    /** The most threads allowed. */
    public static final int MAX_THREADS = 64;

    static final String MODELS_WITHOUT_REPORTS = "saving each cell's model needs a reports folder: the models are"
            + " saved in the cells' report folders";

    /**
     * Validates.
     *
     * @throws IllegalArgumentException when {@code threads} is not in [1, {@value #MAX_THREADS}], or models are
     *     to be saved without a reports folder
     */
    public GradeOptions {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be in [1, " + MAX_THREADS + "], got " + threads);
        }
        Objects.requireNonNull(reportFiles, "reportFiles");
        if (saveModels && reports == null) {
            throw new IllegalArgumentException(MODELS_WITHOUT_REPORTS);
        }
    }

    /** Returns options that save no model. */
    public GradeOptions(int threads, String master, boolean ui, Path reports, ReportFiles reportFiles) {
        this(threads, master, ui, reports, reportFiles, false);
    }

    /** Returns options whose reports, if any, hold every file ({@link ReportFiles#all()}). */
    public GradeOptions(int threads, String master, boolean ui, Path reports) {
        this(threads, master, ui, reports, ReportFiles.all());
    }

    /** Returns options for {@code threads} threads, no Spark master, UI off, no reports. */
    public static GradeOptions threads(int threads) {
        return new GradeOptions(threads, null, false, null);
    }
}
