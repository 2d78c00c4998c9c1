package io.github.drawnet.grading;

import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.StopReason;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One graded cell: a row of {@code grades.csv} and of {@code grades.html}. A cell whose drawing or
 * setting was refused is a row too ({@link Status#FAILED}), with the one-line reason and no figures.
 * Serializable, so it can come back from another JVM.
 *
 * @param index the cell's number, from 1
 * @param drawing the drawing's path relative to the graded folder
 * @param backend the backend's id
 * @param labels the cell's settings by column name
 * @param status how the cell ended
 * @param message the reason for a failed or diverged row, empty otherwise
 * @param testAccuracy the share of test points classified right (NaN when failed)
 * @param balancedAccuracy the mean of the two classes' accuracies on the test set (NaN when failed)
 * @param testLoss the binary cross-entropy on the test set (NaN when failed)
 * @param trainLoss the last epoch's training loss (NaN when failed)
 * @param validationLoss the last epoch's validation loss (NaN when failed)
 * @param trainAccuracy the last epoch's training accuracy (NaN when failed)
 * @param validationAccuracy the last epoch's validation accuracy (NaN when failed)
 * @param stop why training ended ({@link io.github.drawnet.api.StopReason} in lower case), or
 *     {@code failed}, or {@code not_run}
 * @param epochs the epochs trained (0 when failed)
 * @param seconds the wall-clock time the cell took, reading and sampling included
 * @param mapPng the output over the plane as a small PNG ({@link Grader#MAP_SIDE} pixels square), or
 *     null when failed
 * @param drawingPng the drawing at the same points and colours as the map, or null when failed
 */
public record GradeRow(int index, String drawing, String backend, Map<String, String> labels, Status status,
        String message, double testAccuracy, double balancedAccuracy, double testLoss, double trainLoss,
        double validationLoss, double trainAccuracy, double validationAccuracy, String stop, int epochs, double seconds,
        byte[] mapPng, byte[] drawingPng) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How a cell ended. */
    public enum Status {
        /** Trained to the end. */
        OK,
        /** Trained, but a loss became NaN or infinite and training stopped. */
        DIVERGED,
        /** Refused before training: a bad drawing or setting. */
        FAILED,
        /** Stopped on request (Ctrl-C) at the end of an epoch: what it learned so far, measured. */
        STOPPED,
        /** Not trained: a stop was requested (Ctrl-C) before its turn came. */
        NOT_RUN;

        /** Returns the status as {@code grades.csv} writes it. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Validates and copies. */
    public GradeRow {
        Objects.requireNonNull(drawing, "drawing");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(stop, "stop");
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /**
     * Returns the best of {@code rows}, as {@link Sweep#best} chooses a sweep's
     * best cell: the highest test accuracy among the rows that trained to the end (neither failed
     * nor diverged); the first of equals; empty when there is none.
     */
    public static java.util.Optional<GradeRow> best(java.util.List<GradeRow> rows) {
        return rows.stream().filter(r -> r.status() == Status.OK)
                .reduce((a, b) -> b.testAccuracy() > a.testAccuracy() ? b : a);
    }

    /** Returns the row as one line for a console: {@code cell 3/12 ann/ring.png on djl: test accuracy 0.9700 (2.1 s)}. */
    public String describe(int total) {
        String head = String.format(java.util.Locale.ROOT, "cell %d/%d %s on %s", index, total, drawing, backend);
        return switch (status) {
            case OK -> String.format(java.util.Locale.ROOT, "%s: test accuracy %.4f (%.1f s)", head, testAccuracy, seconds);
            case DIVERGED -> head + ": " + message;
            case NOT_RUN -> head + ": not run, " + message;
            case FAILED -> head + ": failed: " + message;
            case STOPPED -> String.format(java.util.Locale.ROOT, "%s: %s; test accuracy %.4f (%.1f s)", head, message,
                    testAccuracy, seconds);
        };
    }

    static GradeRow of(GradeCell cell, ExperimentResult r, double seconds, byte[] mapPng, byte[] drawingPng) {
        EpochMetrics last = r.history().last();
        boolean diverged = r.training().stopReason() == StopReason.DIVERGED;
        boolean stopped = r.training().stopReason() == StopReason.STOPPED;
        return new GradeRow(cell.index(), cell.drawing(), cell.backend(), cell.labels(),
                diverged ? Status.DIVERGED : stopped ? Status.STOPPED : Status.OK,
                diverged ? divergedMessage(r, last.epoch())
                        : stopped ? "stopped on request after epoch " + last.epoch() + " of "
                                + cell.settings().get(io.github.drawnet.api.Setting.EPOCHS.key()) : "",
                r.test().accuracy(),
                r.test().balancedAccuracy(), r.test().loss(), last.trainLoss(), last.validationLoss(),
                last.trainAccuracy(), last.validationAccuracy(),
                r.training().stopReason().name().toLowerCase(java.util.Locale.ROOT), r.history().size(), seconds, mapPng, drawingPng);
    }

    /** Returns the training's own reason (what diverged, what to try), as {@code drawnet run} and a sweep print it. */
    private static String divergedMessage(ExperimentResult r, int epoch) {
        String why = r.training().message();
        return why == null || why.isBlank() ? "training diverged at epoch " + epoch : why;
    }

    static GradeRow notRun(GradeCell cell) {
        return new GradeRow(cell.index(), cell.drawing(), cell.backend(), cell.labels(), Status.NOT_RUN,
                "stopped before its turn", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, "not_run", 0, 0, null, null);
    }

    static GradeRow failed(GradeCell cell, String message, double seconds) {
        return new GradeRow(cell.index(), cell.drawing(), cell.backend(), cell.labels(), Status.FAILED, message,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "failed", 0, seconds,
                null, null);
    }
}
