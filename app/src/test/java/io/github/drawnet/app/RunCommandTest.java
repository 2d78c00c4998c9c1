package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RunCommandTest {

    @Test
    void run_smallHalfPlane_printsNotebookOutputAndWritesMetrics(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("run");
        CliRunner.Result r = CliRunner.run("run", "--preset", "halfplane", "--epochs", "5", "--train-size", "1000",
                "--val-size", "300", "--test-size", "2000", "--seed", "3", "--out", out.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith("Epoch ")).hasSize(5);
        assertThat(lines).anyMatch(l -> l.matches(
                "Epoch 5/5 - Loss: \\d\\.\\d{4} - Accuracy: \\d\\.\\d{4} - Val_Loss: \\d\\.\\d{4} - Val_Accuracy: \\d\\.\\d{4}"));
        assertThat(r.out()).contains("Hidden Layer Weights (Wh)=", "Hidden Layer Biases (bh)=",
                "Output Layer Weights (Wo)=", "Output Layer Biases (bo)=", "Linear(in_features=2, out_features=4");
        String report = lines.get(lines.size() - 2);
        assertThat(report).isEqualTo("Report: " + out.resolve("report.html"));
        assertThat(Files.readString(out.resolve("report.html"))).contains("data:image/png;base64,");
        for (String figure : List.of("drawing", "training-data", "network", "hidden-units", "training-curves",
                "test-predictions", "decision-boundary")) {
            assertThat(out.resolve(figure + ".png")).isNotEmptyFile();
            assertThat(out.resolve(figure + ".svg")).isNotEmptyFile();
        }
        String last = lines.get(lines.size() - 1);
        assertThat(last).matches("Accuracy on the test set: \\d\\.\\d{4}");
        double printed = Double.parseDouble(last.substring(last.lastIndexOf(' ') + 1));

        JsonNode json = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertThat(json.at("/training/seed").asLong()).isEqualTo(3);
        assertThat(json.at("/data/seed").asLong()).isEqualTo(3);
        assertThat(json.at("/data/train").asInt()).isEqualTo(1000);
        assertThat(json.at("/drawing/name").asText()).isEqualTo("halfplane");
        assertThat(json.at("/history").size()).isEqualTo(5);
        assertThat(json.at("/history/4/epoch").asInt()).isEqualTo(5);
        assertThat(json.at("/test/accuracy").asDouble()).isCloseTo(printed, org.assertj.core.api.Assertions.within(5e-5));
        assertThat(json.at("/parameters/0/weight").size()).isEqualTo(4);
        // five epochs on 1000 points already separate a half-plane well
        assertThat(printed).isGreaterThan(0.9);
    }

    @Test
    void run_sameSeedTwice_sameHistory(@TempDir Path dir) throws IOException {
        String[] args = {"run", "--preset", "blob", "--epochs", "2", "--train-size", "500", "--val-size", "100",
            "--test-size", "100", "--seed", "8", "--out"};
        CliRunner.Result a = CliRunner.run(concat(args, dir.resolve("a").toString()));
        CliRunner.Result b = CliRunner.run(concat(args, dir.resolve("b").toString()));
        assertThat(a.exitCode()).isZero();
        ObjectMapper m = new ObjectMapper();
        assertThat(m.readTree(dir.resolve("a/metrics.json").toFile()).get("history"))
                .isEqualTo(m.readTree(dir.resolve("b/metrics.json").toFile()).get("history"));
        assertThat(a.out().lines().filter(l -> l.startsWith("Epoch")).toList())
                .isEqualTo(b.out().lines().filter(l -> l.startsWith("Epoch")).toList());
    }

    @Test
    void version_printsProjectVersion() {
        CliRunner.Result r = CliRunner.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("drawnet 0.");
    }

    private static String[] concat(String[] a, String b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + 1);
        c[a.length] = b;
        return c;
    }
}
