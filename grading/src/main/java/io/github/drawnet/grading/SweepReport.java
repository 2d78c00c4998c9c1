package io.github.drawnet.grading;

import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.StopReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a sweep's cells measured, as the table {@code drawnet sweep} prints and as {@code sweep.csv} (written
 * by {@link Csv}, the writer of {@code grades.csv} too), from the cells trained here or graded by an engine.
 */
public final class SweepReport {

    private SweepReport() {}

    /**
     * Returns the table {@code drawnet sweep} prints: a row per cell, its value of each {@code varying} setting,
     * its test and balanced accuracy, last losses and training time, and where it diverged.
     */
    public static String table(List<Sweep.Done> done, List<String> varying) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-5s", "cell"));
        for (String k : varying) {
            sb.append(String.format(Locale.ROOT, " %-12s", k));
        }
        sb.append(String.format(Locale.ROOT, " %9s %9s %10s %9s %8s%n", "test acc", "balanced", "train loss",
                "val loss", "time"));
        for (Sweep.Done d : done) {
            sb.append(String.format(Locale.ROOT, "%-5d", d.cell().index()));
            for (String k : varying) {
                sb.append(String.format(Locale.ROOT, " %-12s", d.cell().labels().get(k)));
            }
            EpochMetrics last = d.result().history().last();
            sb.append(String.format(Locale.ROOT, " %9.4f %9.4f %10.4f %9.4f %6.1f s%s%n", d.result().test().accuracy(),
                    d.result().test().balancedAccuracy(), last.trainLoss(), last.validationLoss(),
                    d.result().trainingTime().toNanos() / 1e9,
                    d.result().training().stopReason() == StopReason.DIVERGED
                            ? "  diverged at epoch " + last.epoch() : ""));
        }
        return sb.toString();
    }

    /** The figures' columns of {@code sweep.csv}, after the cell's number, backend and settings. */
    static final List<String> FIGURE_COLUMNS = List.of("test_accuracy", "balanced_accuracy", "test_loss", "train_loss",
            "train_accuracy", "validation_loss", "validation_accuracy", "epochs_run", "stop", "seconds");

    /**
     * Returns {@code sweep.csv}: a row per cell with its backend and every axis's value, the test figures, the
     * last epoch's, the epochs run, how training stopped and its seconds.
     *
     * @throws IllegalArgumentException when {@code done} is empty
     */
    public static String csv(List<Sweep.Done> done) {
        if (done.isEmpty()) {
            throw new IllegalArgumentException("a sweep's table needs one cell or more, got none");
        }
        List<List<String>> rows = new ArrayList<>();
        for (Sweep.Done d : done) {
            EpochMetrics last = d.result().history().last();
            rows.add(row(d.cell().index(), d.cell().labels().values(), d.result().test().accuracy(),
                    d.result().test().balancedAccuracy(), d.result().test().loss(), last.trainLoss(),
                    last.trainAccuracy(), last.validationLoss(), last.validationAccuracy(), d.result().history().size(),
                    d.result().training().stopReason().name().toLowerCase(Locale.ROOT),
                    d.result().trainingTime().toNanos() / 1e9));
        }
        return Csv.of(header(done.get(0).cell().labels().keySet()), rows);
    }

    /**
     * Returns a sweep's graded rows (as an engine such as Spark's returns them) as {@link #csv}'s {@code
     * sweep.csv}, with the same columns.
     *
     * @throws IllegalArgumentException when {@code rows} is empty
     */
    public static String csvOfRows(List<GradeRow> graded) {
        if (graded.isEmpty()) {
            throw new IllegalArgumentException("a sweep's table needs one cell or more, got none");
        }
        List<List<String>> rows = new ArrayList<>();
        for (GradeRow r : graded) {
            List<String> labels = new ArrayList<>(List.of(r.backend()));
            labels.addAll(r.labels().values());
            rows.add(row(r.index(), labels, r.testAccuracy(), r.balancedAccuracy(), r.testLoss(), r.trainLoss(),
                    r.trainAccuracy(), r.validationLoss(), r.validationAccuracy(), r.epochs(), r.stop(), r.seconds()));
        }
        List<String> keys = new ArrayList<>(List.of("backend"));
        keys.addAll(graded.get(0).labels().keySet());
        return Csv.of(header(keys), rows);
    }

    private static List<String> header(java.util.Collection<String> labels) {
        List<String> h = new ArrayList<>(List.of("cell"));
        h.addAll(labels);
        h.addAll(FIGURE_COLUMNS);
        return h;
    }

    private static List<String> row(int index, java.util.Collection<String> labels, double testAccuracy,
            double balancedAccuracy, double testLoss, double trainLoss, double trainAccuracy, double validationLoss,
            double validationAccuracy, int epochs, String stop, double seconds) {
        List<String> r = new ArrayList<>(List.of(Integer.toString(index)));
        r.addAll(labels);
        for (double v : new double[] {testAccuracy, balancedAccuracy, testLoss, trainLoss, trainAccuracy,
            validationLoss, validationAccuracy}) {
            r.add(Double.toString(v));
        }
        r.addAll(List.of(Integer.toString(epochs), stop, String.format(Locale.ROOT, "%.3f", seconds)));
        return r;
    }
}
