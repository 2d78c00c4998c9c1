package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's largest sizes run whole within the launcher's heap ({@code -Xmx1g}, as {@code
 * ./drawnet} starts Java): the largest network (8 hidden layers of 256 units) and the largest splits
 * (1,000,000 points each), each one epoch, with every figure and the report. Each once ran out of
 * heap drawing an SVG (the network's half a million edges; a scatter of a million points).
 */
final class LimitsTest {

    static final List<String> LAUNCHER_HEAP = List.of("-Xmx1g", "-XX:+UseParallelGC");

    static void assertWhole(Object[] r, Path out) throws Exception {
        assertThat(r[2]).as("stderr").asString().isEmpty();
        assertThat(r[0]).as("exit code").isEqualTo(ExitCodes.OK);
        assertThat((String) r[1]).contains("Accuracy on the test set: ");
        for (String f : List.of("metrics.json", "report.html", "network.svg", "training-data.svg", "test-predictions.svg",
                "hidden-units.png", "decision-boundary.svg", "run.json")) {
            assertThat(out.resolve(f)).as(f).isNotEmptyFile();
        }
    }

    @Test
    void largestNetwork_8x256_oneEpoch_withinTheLaunchersHeap(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("o");
        Object[] r = FaultsTest.runInOwnJvm(dir, LAUNCHER_HEAP, "run", "--hidden", "256,256,256,256,256,256,256,256",
                "--epochs", "1", "--train-size", "200", "--val-size", "50", "--test-size", "100", "--out",
                out.toString());
        assertWhole(r, out);
        assertThat(Files.readString(out.resolve("network.svg"))).contains("+244 more");
    }

    @Test
    void largestSplits_aMillionPointsEach_oneEpoch_withinTheLaunchersHeap(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("o");
        Object[] r = FaultsTest.runInOwnJvm(dir, LAUNCHER_HEAP, "run", "--epochs", "1", "--train-size", "1000000",
                "--val-size", "1000000", "--test-size", "1000000", "--batch", "1000", "--out", out.toString());
        assertWhole(r, out);
        // 20,000 of the million drawn: some 2.6 MB of SVG instead of a hundred
        assertThat(Files.size(out.resolve("training-data.svg"))).isLessThan(5_000_000);
        assertThat(Files.lines(out.resolve("points.csv")).count()).isEqualTo(3_000_001);
    }
}
