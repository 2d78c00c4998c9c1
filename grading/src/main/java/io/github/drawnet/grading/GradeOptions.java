package io.github.drawnet.grading;

import io.github.drawnet.api.ReportFiles;
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
 */
public record GradeOptions(int threads, String master, boolean ui, Path reports, ReportFiles reportFiles) {

    /** The most threads allowed. */
    public static final int MAX_THREADS = 64;

    /**
     * Validates.
     *
     * @throws IllegalArgumentException when {@code threads} is not in [1, {@value #MAX_THREADS}]
     */
    public GradeOptions {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be in [1, " + MAX_THREADS + "], got " + threads);
        }
        Objects.requireNonNull(reportFiles, "reportFiles");
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
