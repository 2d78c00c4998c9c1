package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code drawnet bench}: its limits, and one quick measurement of the plain-Java backend. */
final class BenchCommandTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--epochs   | 0      | drawnet bench: --epochs must be in [1, 100000], got 0",
        "--epochs   | 100001 | drawnet bench: --epochs must be in [1, 100000], got 100001",
        "--repeat   | 0     | drawnet bench: --repeat must be in [1, 20], got 0",
        "--repeat   | 21    | drawnet bench: --repeat must be in [1, 20], got 21",
        "--backends | torch | drawnet bench: unknown backend 'torch'; available: djl, dl4j, reference"})
    void bench_badOption_refusedBeforeMeasuring_exit2(String option, String value, String message) {
        CliRunner.Result r = CliRunner.run("bench", option, value, "--no-subprocess");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo(message + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void bench_referenceOneEpoch_tableAndJsonOfTheSameMeasurement(@TempDir Path dir) throws IOException {
        Path anchor = dir.resolve("no-such-anchor.py");
        Path json = dir.resolve("figures/bench.json");
        CliRunner.Result r = CliRunner.run("bench", "--backends", "reference", "--epochs", "1", "--repeat", "1",
                "--no-subprocess", "--anchor", anchor.toString(), "--json", json.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().lines().toList();
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(lines.get(0)).startsWith("Benchmark: the notebook's experiment on 'blob' (5000 training points,"
                + " batch 24, 1 epochs, validation after each), " + cores + " cores, ");
        assertThat(lines).contains("PyTorch anchor: skipped (no " + anchor + ")", "| figure | reference |");
        // without --sweep, no sweep is timed
        assertThat(lines).noneMatch(l -> l.startsWith("Sweep of 8 cells"));

        JsonNode figures = new ObjectMapper().readTree(json.toFile());
        assertThat(figures.get("cores").asInt()).isEqualTo(cores);
        assertThat(figures.get("pytorch").isNull()).isTrue();
        assertThat(figures.get("backends").fieldNames()).toIterable().containsExactly("reference");
        double accuracy = figures.at("/backends/reference/testAccuracy").asDouble();
        assertThat(lines).contains(String.format(Locale.ROOT, "| test accuracy | %.4f |", accuracy));
    }

    @Test
    void benchWhole_withoutTheLauncher_refused_exit2() {
        CliRunner.Result r = CliRunner.run("bench", "--whole");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("drawnet bench: --whole times the launcher as a user runs it; start this command"
                + " as ./drawnet bench --whole (or bin/drawnet bench --whole)" + System.lineSeparator());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--rounds | 0          | drawnet bench: --rounds must be in [1, 50], got 0",
        "--rounds | 51         | drawnet bench: --rounds must be in [1, 50], got 51",
        "--cases  | djl,torch  | drawnet bench: unknown case 'torch'; valid: djl, dl4j, notebook, djl-e1, dl4j-e1, notebook-e1"})
    void benchWhole_badOption_refusedBeforeRunning_exit2(String option, String value, String message, @TempDir Path dir) {
        System.setProperty("drawnet.launcher", dir.resolve("drawnet").toString()); // never run: refused first
        try {
            CliRunner.Result r = CliRunner.run("bench", "--whole", option, value);
            assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).isEqualTo(message + System.lineSeparator());
            assertThat(r.out()).isEmpty();
        } finally {
            System.clearProperty("drawnet.launcher");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--repeat   | 0     | drawnet bench: --repeat must be in [1, 20], got 0",
        "--backends | torch | drawnet bench: unknown backend 'torch'; available: djl, dl4j, reference"})
    void benchStudio_badOption_refusedBeforeMeasuring_exit2(String option, String value, String message) {
        CliRunner.Result r = CliRunner.run("bench", "--studio", option, value);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo(message + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void benchStudio_referenceInProcess_tableOfItsFirstAndLaterRun() {
        CliRunner.Result r = CliRunner.run("bench", "--studio", "--backends", "reference", "--repeat", "1",
                "--no-subprocess");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith(Runtime.getRuntime().availableProcessors() + " cores, load average ");
        assertThat(lines.get(1)).startsWith("Studio: Start to first live map");
        // in this JVM only: one first run (no fresh JVMs, so none after the warm-up) and one later run
        assertThat(lines.stream().filter(l -> l.startsWith("reference "))).hasSize(2)
                .anyMatch(l -> l.matches("reference +first +1 .*")).anyMatch(l -> l.matches("reference +later +1 .*"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"--jmh, --whole", "--whole, --studio", "--jmh, --studio"})
    void bench_twoBenchmarksAtOnce_refused_exit2(String one, String other) {
        CliRunner.Result r = CliRunner.run("bench", one, other);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("drawnet bench: --jmh, --whole and --studio are different benchmarks; give one of"
                + " them" + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }
}
