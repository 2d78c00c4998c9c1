package io.github.drawnet.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.Backends;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.sampling.ClassReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** One experiment on several backends, each on the very same inputs, and the table that compares them. */
final class ComparisonTest {

    static RunInputs halfPlane() {
        return RunInputs.prepare(DrawingSource.preset("halfplane"), ClassReading.DEFAULT, DrawingRunTest.small(2));
    }

    @Test
    void run_eachBackendInTurn_onTheGivenInputs_asARunOfThoseSettings() {
        RunInputs inputs = halfPlane();
        List<String> told = new ArrayList<>();
        List<FinishedRun> runs = Comparison.run(inputs, List.of(DrawingRunTest.REFERENCE, DrawingRunTest.REFERENCE),
                b -> told.add(b.id()));
        assertThat(told).containsExactly("reference", "reference");
        assertThat(runs).hasSize(2).allSatisfy(r -> assertThat(r.written()).isEmpty());
        ExperimentResult straight = DrawingRunTest.halfPlane(2).resultOnly().result();
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.result().finalParameters()).isEqualTo(straight.finalParameters());
            assertThat(r.result().history()).isEqualTo(straight.history());
            assertThat(r.result().data().provenance()).isEqualTo(inputs.data().provenance());
        });
    }

    @Test
    void backends_namedOnceEach_caseAndSpacesIgnored_orEveryOneThatRunsHere() {
        Backends found = Backends.discover();
        assertThat(Comparison.backends(found, List.of(" Reference", "REFERENCE", "reference "), n -> { }))
                .extracting(Backend::id).containsExactly("reference");
        List<String> notes = new ArrayList<>();
        assertThat(Comparison.backends(found, null, notes::add)).extracting(Backend::id).contains("reference");
        assertThat(Comparison.backends(found, List.of(), notes::add)).extracting(Backend::id).contains("reference");
        assertThatThrownBy(() -> Comparison.backends(found, List.of("torch"), n -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown backend 'torch'");
    }

    @Test
    void table_aRowPerResult_differencesFromTheFirst_thenTheLargestOnes() {
        ExperimentResult two = DrawingRunTest.halfPlane(2).resultOnly().result();
        ExperimentResult three = DrawingRunTest.halfPlane(3).resultOnly().result();
        String table = Comparison.table(List.of(two, three));
        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("backend    train loss train acc  val loss   val acc  test acc    epochs"
                + "       time  max |param - reference|");
        double diff = three.finalParameters().maxAbsDifference(two.finalParameters());
        assertThat(diff).isPositive();
        assertThat(lines.get(1)).startsWith(String.format(Locale.ROOT, "reference  %10.4f %9.4f %9.4f %9.4f %9.4f %9d ",
                two.history().last().trainLoss(), two.history().last().trainAccuracy(),
                two.history().last().validationLoss(), two.history().last().validationAccuracy(),
                two.test().accuracy(), 2)).endsWith(" s  -");
        assertThat(lines.get(2)).contains(String.format(Locale.ROOT, " %9d ", 3))
                .endsWith(String.format(Locale.ROOT, " s  %.3g", diff));
        assertThat(lines.get(3)).isEqualTo(String.format(Locale.ROOT, "Largest difference in test accuracy: %.4f;"
                + " in learned parameters: %.3g", Math.abs(three.test().accuracy() - two.test().accuracy()), diff));
        assertThatThrownBy(() -> Comparison.table(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no result to compare");
    }
}
