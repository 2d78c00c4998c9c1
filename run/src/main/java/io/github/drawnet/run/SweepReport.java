package io.github.drawnet.run;

import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.api.Sweep;
import java.util.List;
import java.util.Locale;

/** What a sweep's cells measured, as the table {@code drawnet sweep} prints and as {@code sweep.csv}. */
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

    /**
     * Returns {@code sweep.csv}: a row per cell with every axis's value (quoted when it holds a comma), the test
     * figures, the last epoch's, the epochs run, how training stopped and its seconds.
     *
     * @throws IllegalArgumentException when {@code done} is empty
     */
    public static String csv(List<Sweep.Done> done) {
        if (done.isEmpty()) {
            throw new IllegalArgumentException("a sweep's table needs one cell or more, got none");
        }
        StringBuilder sb = new StringBuilder("cell,");
        sb.append(String.join(",", done.get(0).cell().labels().keySet()));
        sb.append(",test_accuracy,balanced_accuracy,test_loss,train_loss,train_accuracy,validation_loss,"
                + "validation_accuracy,epochs_run,stop,seconds\n");
        for (Sweep.Done d : done) {
            sb.append(d.cell().index());
            for (String v : d.cell().labels().values()) {
                sb.append(',').append(v.contains(",") ? "\"" + v + "\"" : v);
            }
            EpochMetrics last = d.result().history().last();
            sb.append(String.format(Locale.ROOT, ",%s,%s,%s,%s,%s,%s,%s,%d,%s,%.3f%n", d.result().test().accuracy(),
                    d.result().test().balancedAccuracy(), d.result().test().loss(), last.trainLoss(),
                    last.trainAccuracy(), last.validationLoss(), last.validationAccuracy(), d.result().history().size(),
                    d.result().training().stopReason().name().toLowerCase(Locale.ROOT),
                    d.result().trainingTime().toNanos() / 1e9));
        }
        return sb.toString();
    }
}
