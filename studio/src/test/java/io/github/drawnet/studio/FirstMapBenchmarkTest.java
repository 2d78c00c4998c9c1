package io.github.drawnet.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.Backends;
import io.github.drawnet.viz.NotebookVisualizer;
import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The studio's Start-to-first-map measurement: what it returns, what it refuses, how it tabulates. */
final class FirstMapBenchmarkTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"djl", "dl4j", "reference"})
    @Tag("engine")
    void measure_eachEngine_firstRunColdThenWarm_eachWithTheFirstEpochsOutputMap(String id) throws Exception {
        List<FirstMapBenchmark.Sample> samples = FirstMapBenchmark.measure(Backends.discover(), new NotebookVisualizer(),
                List.of(id), 1);

        assertThat(samples).extracting(FirstMapBenchmark.Sample::backend).containsExactly(id, id);
        assertThat(samples).extracting(FirstMapBenchmark.Sample::cold).containsExactly(true, false);
        for (FirstMapBenchmark.Sample s : samples) {
            // the map is the first epoch's, with the output's values the page paints (96 x 96 of them)
            assertThat(s.mapEpoch()).isEqualTo(1);
            assertThat(s.mapHasOutput()).isTrue();
            assertThat(s.mapBytes()).isGreaterThan(SessionEvents.LIVE_GRID * SessionEvents.LIVE_GRID);
            // events in the order the server sends them: the answer to Start, the epoch, then its map
            assertThat(s.acceptedMillis()).isPositive();
            assertThat(s.firstEpochMillis()).isGreaterThanOrEqualTo(s.acceptedMillis() - 1);
            assertThat(s.firstMapMillis()).isGreaterThanOrEqualTo(s.firstEpochMillis());
        }
    }

    @Test
    void measure_unknownBackend_failsWithTheStudiosAnswer() {
        assertThatThrownBy(() -> FirstMapBenchmark.measure(Backends.discover(), new NotebookVisualizer(),
                List.of("torch"), 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Start on torch answered 400: ")
                .hasMessageContaining("unknown backend 'torch'; available: djl, dl4j, reference");
    }

    @Test
    void measure_badArguments_refused() {
        assertThatThrownBy(() -> FirstMapBenchmark.measure(Backends.discover(), new NotebookVisualizer(), List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("name at least one backend to measure");
        assertThatThrownBy(() -> FirstMapBenchmark.measure(Backends.discover(), new NotebookVisualizer(),
                List.of("reference"), 51))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("51");
        assertThatThrownBy(() -> FirstMapBenchmark.measureCold(List.of("java"), "reference", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
    }

    @Test
    void measureCold_freshJvm_printsOneColdRunThatIsReadBack() throws Exception {
        List<FirstMapBenchmark.Sample> samples = FirstMapBenchmark.measureCold(FirstMapBenchmark.thisJava(),
                "reference", 1);

        assertThat(samples).hasSize(1);
        assertThat(samples.get(0).backend()).isEqualTo("reference");
        assertThat(samples.get(0).cold()).isTrue();
        assertThat(samples.get(0).mapHasOutput()).isTrue();
    }

    @Test
    void measureCold_jvmThatPrintsNoMeasurement_failsWithItsOutput() {
        // a JVM that cannot start: no measurement line, its own complaint passed on
        assertThatThrownBy(() -> FirstMapBenchmark.measureCold(List.of(FirstMapBenchmark.thisJava().get(0),
                "-Xmx1k"), "reference", 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the fresh JVM measuring reference exited with ")
                .hasMessageContaining("heap");
    }

    @Test
    void parse_readsWhatMainPrints() {
        FirstMapBenchmark.Sample s = FirstMapBenchmark.parse("{\"backend\":\"djl\",\"cold\":true,\"acceptedMillis\":"
                + "803.57,\"firstEpochMillis\":1036.72,\"firstMapMillis\":1490.61,\"mapEpoch\":1,\"mapBytes\":82241,"
                + "\"mapHasOutput\":true}");
        assertThat(s).isEqualTo(new FirstMapBenchmark.Sample("djl", true, 803.57, 1036.72, 1490.61, 1, 82241, true));
        assertThatThrownBy(() -> FirstMapBenchmark.parse("Exception in thread"))
                .isInstanceOf(IllegalStateException.class).hasMessage("not a measurement: Exception in thread");
    }

    @Test
    void table_mediansPerBackendAndRun_againstIssue16sGoals() {
        List<FirstMapBenchmark.Sample> samples = List.of(
                sample("djl", true, 1500), sample("djl", false, 200), sample("djl", false, 400), sample("djl", false, 250),
                sample("dl4j", true, 2900), sample("dl4j", false, 700), sample("dl4j", false, 1100),
                sample("reference", false, 50));

        List<String> lines = FirstMapBenchmark.table(samples).lines().toList();

        assertThat(lines).hasSize(8);
        assertThat(lines.get(3)).matches("djl +cold +1 .* 1500 +1500-1500 +1 +80 +$");
        assertThat(lines.get(4)).matches("djl +warm +3 .* 250 +200-400 +1 +80 300 ms: met");
        assertThat(lines.get(5)).matches("dl4j +cold +1 .* 2900 +2900-2900 .* 1000 ms: missed");
        // an even count: the mean of the middle two
        assertThat(lines.get(6)).matches("dl4j +warm +2 .* 900 +700-1100 .* 1000 ms: met");
        assertThat(FirstMapBenchmark.table(samples)).contains("reference  warm");
    }

    @Test
    void median_oddEvenEmpty() {
        assertThat(FirstMapBenchmark.median(DoubleStream.of(3, 1, 2))).isEqualTo(2);
        assertThat(FirstMapBenchmark.median(DoubleStream.of(4, 1, 3, 2))).isEqualTo(2.5);
        assertThat(FirstMapBenchmark.median(DoubleStream.empty())).isNaN();
    }

    private static FirstMapBenchmark.Sample sample(String id, boolean cold, double map) {
        return new FirstMapBenchmark.Sample(id, cold, map / 4, map / 2, map, 1, 80 * 1024, true);
    }
}
