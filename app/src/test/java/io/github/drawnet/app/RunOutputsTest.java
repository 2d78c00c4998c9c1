package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.drawnet.bench.EngineBenchmark;
import io.github.drawnet.io.SavedModel;
import io.github.drawnet.sampling.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one run prints and writes, read back: every option shown in the setup, the epoch lines beside
 * {@code history.csv}, the printed weights beside {@code metrics.json}, every point in {@code points.csv}.
 * One run is checked by one test (its parts in helpers below): PIT attributes what runs in a
 * {@code @BeforeAll} to no test, so a run shared that way would hide these checks from it.
 */
final class RunOutputsTest {

    static final Pattern EPOCH = Pattern.compile(
            "Epoch (\\d+)/(\\d+) - Loss: (\\S+) - Accuracy: (\\S+) - Val_Loss: (\\S+) - Val_Accuracy: (\\S+)");

    /** The disk fills while the figures are written: exit 5 naming the folder, and the folder keeps its old run. */
    @Test
    void run_everyOptionAwayFromItsDefault_printsAndWritesWhatItSays(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("run");
        Path model = dir.resolve("model.json");
        // every option away from its default, two hidden layers, a small sample
        CliRunner.Result run = CliRunner.run("run", "--preset", "ring", "--hidden", "3,2", "--activation", "tanh",
                "--features", "x1,x2,x1sq", "--optimizer", "sgd", "--lr", "0.5", "--batch", "16", "--epochs", "3",
                "--weight-decay", "0.001", "--no-shuffle", "--seed", "4", "--noise", "0.1", "--train-size", "200",
                "--val-size", "50", "--test-size", "100", "--out", out.toString(), "--save", model.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertThat(lines).anyMatch(l -> l.startsWith("Backend: djl (DJL "));
        assertThat(metrics.at("/backend/id").asText()).isEqualTo("djl");

        assertSetupShowsEveryOption(lines, metrics);
        assertPointsCsvHoldsEverySampledPoint(out);
        assertHistoryCsvHoldsTheEpochLines(out, lines);
        assertPrintedWeightsAreTheParameters(lines, metrics);
        assertEndsByNamingWhatItWrote(lines, out, model, metrics);
    }

    @Test
    void run_resourceReportAskedForByTheBenchmark_startupAndPeakMemoryLines(@TempDir Path dir) {
        // the benchmark starts './drawnet run' in fresh JVMs with this property and reads these two lines back
        System.setProperty(EngineBenchmark.REPORT_PROPERTY, "true");
        CliRunner.Result r;
        try {
            r = CliRunner.run("run", "--backend", "reference", "--epochs", "2", "--train-size", "200", "--val-size", "50",
                    "--test-size", "100", "--out", dir.toString());
        } finally {
            System.clearProperty(EngineBenchmark.REPORT_PROPERTY);
        }
        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith(EngineBenchmark.STARTUP_LINE)).singleElement().asString()
                .matches(EngineBenchmark.STARTUP_LINE + "\\d+ ms");
        assertThat(lines.indexOf(lines.stream().filter(l -> l.startsWith(EngineBenchmark.STARTUP_LINE)).findFirst()
                .orElseThrow())).isEqualTo(lines.indexOf(lines.stream().filter(l -> l.startsWith("Epoch 1/2"))
                        .findFirst().orElseThrow()) - 1);
        assertThat(lines).filteredOn(l -> l.startsWith(EngineBenchmark.PEAK_LINE)).singleElement().asString()
                .matches(EngineBenchmark.PEAK_LINE + "\\d+ MiB");
        assertThat(lines.get(lines.size() - 1)).startsWith("Accuracy on the test set: ");
    }

    @Test
    void run_withoutTheResourceReport_noStartupOrPeakLines(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run("run", "--backend", "reference", "--epochs", "1", "--train-size", "200",
                "--val-size", "50", "--test-size", "100", "--out", dir.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).doesNotContain(EngineBenchmark.STARTUP_LINE).doesNotContain(EngineBenchmark.PEAK_LINE);
    }

    /** The lines before training show every option given, and the data's own figures. */
    static void assertSetupShowsEveryOption(List<String> lines, JsonNode metrics) {
        double share = 100 * Preset.RING.drawing().positiveShare();
        assertThat(lines).contains(
                String.format(Locale.ROOT, "Drawing: ring (256 x 256, built-in preset), %.1f%% of the canvas drawn", share),
                "Points: 200 training, 50 validation, 100 test; seed 4, binary labels, 10% of training labels flipped",
                "  (inputs): x1, x2, x1²",
                "  (hidden1): Linear(in_features=3, out_features=3, bias=True) -> tanh",
                "  (hidden2): Linear(in_features=3, out_features=2, bias=True) -> tanh",
                "Training: sgd, learning rate 0.5, batch size 16, 3 epochs, weight decay 0.001, fixed order");
        assertThat(lines).contains(String.format(Locale.ROOT,
                "Positive share: %.1f%% training, %.1f%% validation, %.1f%% test",
                100 * metrics.at("/data/positiveShare/train").asDouble(),
                100 * metrics.at("/data/positiveShare/validation").asDouble(),
                100 * metrics.at("/data/positiveShare/test").asDouble()));
        assertThat(metrics.at("/training/shuffle").asBoolean()).isFalse();
        assertThat(metrics.at("/data/noise").asDouble()).isEqualTo(0.1);
        assertThat(metrics.at("/training/weightDecay").asDouble()).isEqualTo(0.001);
    }

    /** points.csv: one line per sampled point, training then validation then test. */
    static void assertPointsCsvHoldsEverySampledPoint(Path out) throws IOException {
        List<String> points = Files.readAllLines(out.resolve("points.csv"));
        assertThat(points).hasSize(1 + 200 + 50 + 100);
        assertThat(points.get(0)).isEqualTo("x1,x2,label,split");
        List<String> splits = new ArrayList<>();
        for (String line : points.subList(1, points.size())) {
            String[] f = line.split(",");
            assertThat(f).as(line).hasSize(4);
            assertThat(Double.parseDouble(f[0])).isBetween(0.0, 1.0);
            assertThat(Double.parseDouble(f[1])).isBetween(0.0, 1.0);
            assertThat(Double.parseDouble(f[2])).as(line).isIn(0.0, 1.0);
            splits.add(f[3]);
        }
        assertThat(splits.subList(0, 200)).containsOnly("train");
        assertThat(splits.subList(200, 250)).containsOnly("validation");
        assertThat(splits.subList(250, 350)).containsOnly("test");
    }

    /** history.csv: one line per epoch, the figures printed on the epoch lines. */
    static void assertHistoryCsvHoldsTheEpochLines(Path out, List<String> lines) throws IOException {
        List<String> history = Files.readAllLines(out.resolve("history.csv"));
        assertThat(history.get(0)).isEqualTo("epoch,train_loss,train_accuracy,validation_loss,validation_accuracy");
        List<String> epochLines = lines.stream().filter(l -> l.startsWith("Epoch ")).toList();
        assertThat(epochLines).hasSize(3);
        assertThat(history).hasSize(1 + epochLines.size());
        for (int i = 0; i < epochLines.size(); i++) {
            Matcher printed = EPOCH.matcher(epochLines.get(i));
            assertThat(printed.matches()).as(epochLines.get(i)).isTrue();
            String[] csv = history.get(i + 1).split(",");
            assertThat(Integer.parseInt(csv[0])).isEqualTo(i + 1).isEqualTo(Integer.parseInt(printed.group(1)));
            assertThat(printed.group(2)).isEqualTo("3");
            for (int k = 1; k <= 4; k++) {
                assertThat(Double.parseDouble(csv[k])).as("epoch %d column %d", i + 1, k)
                        .isCloseTo(Double.parseDouble(printed.group(k + 2)), within(5e-5));
            }
        }
    }

    /** The printed weights and biases are metrics.json's parameters, to six decimals. */
    static void assertPrintedWeightsAreTheParameters(List<String> lines, JsonNode metrics) {
        String[] layers = {"Hidden Layer 1", "Hidden Layer 2", "Output Layer"};
        String[] symbols = {"h1", "h2", "o"};
        JsonNode parameters = metrics.get("parameters");
        assertThat(parameters).hasSize(3);
        for (int l = 0; l < 3; l++) {
            List<String> weights = block(lines, layers[l] + " Weights (W" + symbols[l] + ")=");
            List<String> biases = block(lines, layers[l] + " Biases (b" + symbols[l] + ")=");
            List<String> expectedWeights = new ArrayList<>();
            parameters.get(l).get("weight").forEach(row -> row.forEach(v -> expectedWeights.add(sixDecimals(v))));
            List<String> expectedBiases = new ArrayList<>();
            parameters.get(l).get("bias").forEach(v -> expectedBiases.add(sixDecimals(v)));
            assertThat(weights).as(layers[l]).isEqualTo(expectedWeights);
            assertThat(biases).as(layers[l]).isEqualTo(expectedBiases);
        }
        // one printed row per output unit: 3 rows, then 2, then 1
        assertThat(lines.get(lines.indexOf("Hidden Layer 2 Weights (Wh2)=") + 2)).startsWith("  [").endsWith("]]");
    }

    static String sixDecimals(JsonNode v) {
        return String.format(Locale.ROOT, "%.6f", (float) v.asDouble());
    }

    /** Returns the numbers printed under {@code title}, up to the next title. */
    static List<String> block(List<String> lines, String title) {
        int at = lines.indexOf(title);
        assertThat(at).as(title).isNotNegative();
        List<String> numbers = new ArrayList<>();
        for (int i = at + 1; i < lines.size() && lines.get(i).startsWith(" "); i++) {
            Matcher m = Pattern.compile("-?\\d+\\.\\d{6}").matcher(lines.get(i));
            while (m.find()) {
                numbers.add(m.group());
            }
        }
        return numbers;
    }

    /** The last lines name every file written and give the test figures; the saved model is the trained one. */
    static void assertEndsByNamingWhatItWrote(List<String> lines, Path out, Path model, JsonNode metrics)
            throws IOException {
        assertThat(lines).contains(
                "Metrics: " + out.resolve("metrics.json"),
                "Exports: points.csv, parameters.json, history.csv in " + out,
                "Model: " + model,
                "Figures: 7 figures as PNG and SVG in " + out);
        assertThat(lines.get(lines.size() - 2)).isEqualTo("Report: " + out.resolve("report.html"));
        assertThat(lines).contains(String.format(Locale.ROOT,
                "Training took %.2f s; balanced accuracy on the test set: %.4f",
                metrics.at("/training/seconds").asDouble(), metrics.at("/test/balancedAccuracy").asDouble()));
        assertThat(lines.get(lines.size() - 1)).isEqualTo(String.format(Locale.ROOT, "Accuracy on the test set: %.4f",
                metrics.at("/test/accuracy").asDouble()));
        // the saved model is the trained one: its three epochs, its weights
        SavedModel saved = SavedModel.read(model);
        assertThat(saved.history().size()).isEqualTo(3);
        assertThat(saved.backendId()).isEqualTo("djl");
        assertThat(new ObjectMapper().readTree(model.toFile()).get("parameters")).isEqualTo(metrics.get("parameters"));
    }
}
