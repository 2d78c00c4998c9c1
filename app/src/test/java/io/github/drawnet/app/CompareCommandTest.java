package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.spi.NativePlatform;
import java.util.List;
import java.util.Locale;
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
    void compare_anEngineDiverges_namedOnStandardError_exit4_tableStillPrinted() {
        CliRunner.Result r = CliRunner.run(with(new String[] {"compare", "--backends", "djl,reference", "--optimizer",
            "sgd", "--lr", "1e39"}, SMALL));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.DIVERGED);
        // each engine names what diverged first in it (in float, the training loss; in double, the validation loss)
        assertThat(r.err().lines().toList()).hasSize(2).satisfiesExactly(
                l -> assertThat(l).startsWith("drawnet compare: djl diverged: training stopped at epoch 1: the ")
                        .endsWith("; try a learning rate smaller than 1.0E39"),
                l -> assertThat(l).startsWith("drawnet compare: reference diverged: training stopped at epoch 1: the ")
                        .endsWith("; try a learning rate smaller than 1.0E39"));
        assertThat(r.out()).contains("Largest difference in test accuracy");
    }

    @Test
    void compare_unknownBackend_listsAvailable() {
        CliRunner.Result r = CliRunner.run("compare", "--backends", "djl,torch");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("drawnet compare: unknown backend 'torch'; available: djl, dl4j, reference"
                + System.lineSeparator());
    }

    static final String[] SMALL = {"--epochs", "1", "--train-size", "200", "--val-size", "50", "--test-size", "100"};

    static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void compare_noBackendsNamed_everyDiscoveredOne_summaryFromTheRows() {
        long start = System.nanoTime();
        CliRunner.Result r = CliRunner.run(with(new String[] {"compare", "--preset", "moons", "--lr", "0.1"}, SMALL));
        double wall = (System.nanoTime() - start) / 1e9;
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("Training on ")).map(l -> l.split(" ")[2]))
                .containsExactly("djl", "dl4j", "reference");
        List<String[]> rows = r.out().lines().filter(l -> l.matches("^(djl|dl4j|reference)\\s+\\d.*"))
                .map(l -> l.trim().split("\\s+")).toList();
        assertThat(rows).extracting(row -> row[0]).containsExactly("djl", "dl4j", "reference");
        // backend, train loss, train acc, val loss, val acc, test acc, epochs, time, "s", difference
        double maxAccuracy = rows.stream().mapToDouble(row -> Double.parseDouble(row[5])).max().orElseThrow();
        double minAccuracy = rows.stream().mapToDouble(row -> Double.parseDouble(row[5])).min().orElseThrow();
        double maxDifference = rows.subList(1, 3).stream().mapToDouble(row -> Double.parseDouble(row[9])).max()
                .orElseThrow();
        assertThat(rows).allSatisfy(row -> assertThat(row[6]).isEqualTo("1"));
        // each backend's training time is seconds of this command
        assertThat(rows).allSatisfy(row -> assertThat(Double.parseDouble(row[7])).isBetween(0.0, wall + 0.005));
        String summary = r.out().lines().filter(l -> l.startsWith("Largest difference")).findFirst().orElseThrow();
        assertThat(summary).isEqualTo(String.format(Locale.ROOT,
                "Largest difference in test accuracy: %.4f; in learned parameters: %.3g", maxAccuracy - minAccuracy,
                maxDifference));
        assertThat(maxDifference).isPositive();
    }

    /** Linux on RISC-V (simulated), where neither engine has a native library: the reference backend alone. */
    @Test
    void compare_noBackendsNamed_onlyThoseThatRunHere_theOthersNamedInOneLine() {
        System.setProperty(NativePlatform.PROPERTY, "linux-riscv64");
        CliRunner.Result r;
        try {
            r = CliRunner.run(with(new String[] {"compare"}, SMALL));
        } finally {
            System.clearProperty(NativePlatform.PROPERTY);
        }
        assertThat(r.err()).isEqualTo("drawnet compare: djl and dl4j cannot run on linux-riscv64 (no native library"
                + " for it); using reference" + System.lineSeparator());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("Training on "))).singleElement().asString()
                .startsWith("Training on reference (");
    }

    @Test
    void compare_oneBackendNamedTwice_oneRowNoDifference_setupPrinted() {
        CliRunner.Result r = CliRunner.run(with(new String[] {"compare", "--backends", "reference, REFERENCE"}, SMALL));
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Drawing: blob (256 x 256, built-in preset)");
        assertThat(r.out().lines()).contains("Points: 200 training, 50 validation, 100 test; seed 0, binary labels");
        assertThat(r.out().lines().filter(l -> l.startsWith("Training on "))).singleElement().asString()
                .startsWith("Training on reference (");
        assertThat(r.out().lines().filter(l -> l.startsWith("reference "))).singleElement().asString().endsWith(" -");
        assertThat(r.out()).contains("Largest difference in test accuracy: 0.0000; in learned parameters: 0.00");
    }
}
