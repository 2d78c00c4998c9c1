package io.github.drawnet.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The best of a grid's rows, as a Spark sweep names its best cell. */
final class GradeRowTest {

    private static GradeRow row(int index, GradeRow.Status status, double accuracy) {
        return new GradeRow(index, "blob", "reference", Map.of(), status, "", accuracy, accuracy, 0.5, 0.5, 0.5,
                accuracy, accuracy, status.name().toLowerCase(java.util.Locale.ROOT), 1, 0.1, null, null);
    }

    /** A diverged row's accuracy is that of whatever its last parameters say: never the best, nor a failed one. */
    @Test
    void best_highestAccuracyOfRowsTrainedToTheEnd_neverDivergedOrFailed() {
        GradeRow diverged = row(1, GradeRow.Status.DIVERGED, 0.9);
        GradeRow failed = row(2, GradeRow.Status.FAILED, Double.NaN);
        GradeRow ok = row(3, GradeRow.Status.OK, 0.7);
        GradeRow tie = row(4, GradeRow.Status.OK, 0.7);
        assertThat(GradeRow.best(List.of(diverged, failed, ok, tie))).containsSame(ok);
        assertThat(GradeRow.best(List.of(diverged, failed))).isEmpty();
    }
}
