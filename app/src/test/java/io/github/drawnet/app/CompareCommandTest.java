package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Both engines in one JVM, on the same points and initial parameters, beside the reference. */
final class CompareCommandTest {

    @Test
    void compare_djlDl4jAndReference_sameExperiment_closeResults() {
        CliRunner.Result r = CliRunner.run("compare", "--backends", "djl,dl4j,reference", "--preset", "blob",
                "--epochs", "3", "--train-size", "600", "--val-size", "200", "--test-size", "2000", "--seed", "2");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        List<String> rows = r.out().lines().filter(l -> l.matches("^(djl|dl4j|reference)\\s+\\d.*")).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("djl").endsWith("-");
        String summary = r.out().lines().filter(l -> l.startsWith("Largest difference")).findFirst().orElseThrow();
        // "Largest difference in test accuracy: 0.0000; in learned parameters: 1.23e-05"
        double accuracySpread = Double.parseDouble(summary.replaceAll(".*accuracy: ([0-9.]+);.*", "$1"));
        double parameterSpread = Double.parseDouble(summary.replaceAll(".*parameters: ([0-9.eE+-]+)$", "$1"));
        assertThat(accuracySpread).isLessThanOrEqualTo(0.01);
        assertThat(parameterSpread).isLessThan(1e-3);
    }

    @Test
    void compare_unknownBackend_listsAvailable() {
        CliRunner.Result r = CliRunner.run("compare", "--backends", "djl,torch");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("drawnet compare: unknown backend 'torch'; available: djl, dl4j, reference"
                + System.lineSeparator());
    }
}
