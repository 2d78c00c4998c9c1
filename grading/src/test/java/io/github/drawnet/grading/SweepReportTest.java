package io.github.drawnet.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.Setting;
import io.github.drawnet.run.DrawingSource;
import io.github.drawnet.run.RunInputs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sweep's table and CSV: a row per cell, the axes' values, the figures, divergence said. */
final class SweepReportTest {

    @Test
    void tableAndCsv_aRowPerCell_valuesQuotedWhenTheyHoldCommas_divergenceSaid() throws Exception {
        ExperimentSettings small = SweepTest.SMALL.with(Setting.HIDDEN, "4");
        Sweep sweep = Sweep.of(List.of(SweepTest.REFERENCE), small, Grid.NONE.with(Setting.HIDDEN, "3;4,2")
                .with(Setting.LEARNING_RATE, "0.01;1e300"));
        RunInputs in = RunInputs.prepare(DrawingSource.preset("halfplane"),
                io.github.drawnet.sampling.ClassReading.DEFAULT, small);
        List<Sweep.Done> done = sweep.run(in.drawing(), in.data(), 1, d -> { });

        String[] csv = SweepReport.csv(done).split("\n");
        assertThat(csv).hasSize(5);
        assertThat(csv[0]).startsWith("cell,").endsWith(",test_accuracy,balanced_accuracy,test_loss,train_loss,"
                + "train_accuracy,validation_loss,validation_accuracy,epochs_run,stop,seconds");
        assertThat(csv[1]).startsWith("1,").contains(",completed,");
        assertThat(csv[1]).contains(",\"x1,x2\","); // the features' list, quoted
        assertThat(csv).filteredOn(line -> line.contains(",diverged,")).hasSize(2);
        assertThat(csv[3]).startsWith("3,reference,\"4,2\","); // one network's layers, 4,2 as everywhere, quoted
        Sweep.Done first = done.get(0);
        assertThat(csv[1]).contains("," + first.result().test().accuracy() + ",")
                .contains("," + first.result().history().size() + ",completed,");

        String table = SweepReport.table(done, sweep.varying());
        assertThat(table.lines()).hasSize(5);
        assertThat(table.lines().findFirst().orElseThrow()).startsWith("cell ").contains("test acc");
        assertThat(table).contains("diverged at epoch");
        assertThat(table.lines().skip(1).filter(l -> l.contains("diverged"))).hasSize(2);
        assertThatThrownBy(() -> SweepReport.csv(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a sweep's table needs one cell or more, got none");
    }
}
