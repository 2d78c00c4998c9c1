package io.github.drawnet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.Experiments;
import io.github.drawnet.api.History;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.OptimizerState;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.sampling.Sampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code metrics.json} and the exports, written from a real run on the reference backend and read
 * back: every number where it belongs, and the same JSON form as the saved model.
 */
final class FileFormsTest {

    static ExperimentResult run;

    @BeforeAll
    static void train() {
        DataSplits data = Sampler.sample(Preset.RING.drawing(), new SampleSizes(120, 40, 60), 11);
        run = Experiments.run(Backends.discover().get("reference"), Preset.RING.drawing(), data,
                NetworkSpec.notebook().withHidden(List.of(3)),
                TrainingConfig.notebook().withEpochs(3).withBatchSize(20).withSeed(11).withShuffle(false),
                TrainingListener.NONE);
    }

    @Test
    void metrics_writeThenRead_everyField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("metrics.json");
        MetricsFile.write(run, file);
        MetricsFile m = MetricsFile.read(file);
        assertThat(m.backendId()).isEqualTo("reference");
        assertThat(m.backendName()).isEqualTo(run.backendName());
        assertThat(m.provenance()).isEqualTo(run.data().provenance());
        assertThat(m.spec()).isEqualTo(run.spec());
        assertThat(m.config()).isEqualTo(run.config());
        assertThat(m.config().shuffle()).isFalse();
        assertThat(m.history()).isEqualTo(run.history());
        assertThat(m.testAccuracy()).isEqualTo(run.test().accuracy());
        assertThat(m.balancedAccuracy()).isEqualTo(run.test().balancedAccuracy());
        assertThat(m.parameters()).isEqualTo(run.finalParameters());

        JsonNode j = new ObjectMapper().readTree(file.toFile());
        assertThat(j.path("format").asText()).isEqualTo("drawnet-metrics");
        assertThat(j.path("drawnetVersion").asText()).isEqualTo(DrawnetVersion.get());
        assertThat(j.path("drawing").path("name").asText()).isEqualTo("ring");
        assertThat(j.path("drawing").path("positiveShare").asDouble()).isEqualTo(run.drawing().positiveShare());
        assertThat(j.path("data").path("positiveShare").path("test").asDouble())
                .isEqualTo(run.data().test().positiveShare());
        assertThat(j.path("network").path("output").asText()).isEqualTo("sigmoid");
        assertThat(j.path("network").path("parameterCount").asInt()).isEqualTo(3 * 2 + 3 + 3 + 1);
        assertThat(j.path("training").path("epochsRun").asInt()).isEqualTo(3);
        assertThat(j.path("training").path("stopReason").asText()).isEqualTo("COMPLETED");
        assertThat(j.path("training").path("seconds").asDouble()).isEqualTo(run.trainingTime().toNanos() / 1e9);
        assertThat(j.path("test").path("count").asInt()).isEqualTo(60);
        assertThat(j.path("test").path("truePositives").asLong() + j.path("test").path("trueNegatives").asLong()
                + j.path("test").path("falsePositives").asLong() + j.path("test").path("falseNegatives").asLong())
                .isEqualTo(60);
    }

    @Test
    void metrics_runWithL1_writesAndReadsItBack_runWithoutHasNoField(@TempDir Path dir) throws IOException {
        DataSplits data = Sampler.sample(Preset.RING.drawing(), new SampleSizes(40, 20, 20), 12);
        TrainingConfig config = TrainingConfig.notebook().withEpochs(1).withBatchSize(20).withL1(1e-3);
        ExperimentResult withL1 = Experiments.run(Backends.discover().get("reference"), Preset.RING.drawing(), data,
                NetworkSpec.notebook(), config, TrainingListener.NONE);
        Path file = dir.resolve("metrics.json");
        MetricsFile.write(withL1, file);
        assertThat(MetricsFile.read(file).config()).isEqualTo(config);
        assertThat(new ObjectMapper().readTree(file.toFile()).at("/training/l1").doubleValue()).isEqualTo(1e-3);

        MetricsFile.write(run, file);
        assertThat(new ObjectMapper().readTree(file.toFile()).at("/training").has("l1")).isFalse();
        assertThat(MetricsFile.read(file).config().l1()).isZero();
    }

    @Test
    void metricsAndModel_shareTheDrawingAndDataForm(@TempDir Path dir) throws IOException {
        MetricsFile.write(run, dir.resolve("metrics.json"));
        SavedModel.of(run).write(dir.resolve("model.json"));
        ObjectMapper json = new ObjectMapper();
        JsonNode metrics = json.readTree(dir.resolve("metrics.json").toFile());
        JsonNode model = json.readTree(dir.resolve("model.json").toFile());
        for (String part : List.of("network", "training")) {
            assertThat(model.path(part)).as(part).isEqualTo(((ObjectNode) metrics.path(part).deepCopy()).without(List.of("output",
                    "parameterCount", "epochsRun", "stopReason", "message", "seconds")));
        }
        for (String f : List.of("name", "sha256", "width", "height")) {
            assertThat(model.path("drawing").path(f)).isEqualTo(metrics.path("drawing").path(f));
        }
        assertThat(((ObjectNode) model.path("data").deepCopy()))
                .isEqualTo(((ObjectNode) metrics.path("data").deepCopy()).without(List.of("positiveShare", "classCounts")));
        assertThat(model.path("parameters")).isEqualTo(metrics.path("parameters"));
        assertThat(model.path("history")).isEqualTo(metrics.path("history"));
        assertThat(model.path("backend").path("id")).isEqualTo(metrics.path("backend").path("id"));
    }

    @Test
    void metrics_damaged_refusedWithOneLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("metrics.json");
        MetricsFile.write(run, file);
        ObjectNode j = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        j.put("formatVersion", 2);
        Files.write(file, new ObjectMapper().writeValueAsBytes(j));
        assertThatThrownBy(() -> MetricsFile.read(file)).isInstanceOf(InvalidFileException.class)
                .hasMessage("metrics file " + file + " has format version 2; this Drawnet reads version 1");
        j.put("formatVersion", 1);
        j.with("training").put("shuffle", "no");
        Files.write(file, new ObjectMapper().writeValueAsBytes(j));
        assertThatThrownBy(() -> MetricsFile.read(file))
                .hasMessage("metrics file " + file + " has \"shuffle\" that is not true or false");
        j.with("training").put("shuffle", false).put("learningRate", -1);
        Files.write(file, new ObjectMapper().writeValueAsBytes(j));
        assertThatThrownBy(() -> MetricsFile.read(file))
                .hasMessage("metrics file " + file + " holds an invalid value: learning rate must be a finite number > 0,"
                        + " got -1");
        j.put("format", "drawnet-model");
        Files.write(file, new ObjectMapper().writeValueAsBytes(j));
        assertThatThrownBy(() -> MetricsFile.read(file))
                .hasMessage("metrics file " + file + " is not a Drawnet metrics file (\"format\" is not \"drawnet-metrics\")");
        assertThatThrownBy(() -> MetricsFile.read(dir)).hasMessage("metrics file " + dir + " is a folder; give a metrics file");
    }

    @Test
    void exports_pointsParametersHistory(@TempDir Path dir) throws IOException {
        List<Path> files = Exports.write(run, dir);
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("points.csv", "parameters.json", "history.csv");

        List<String> points = Files.readAllLines(dir.resolve("points.csv"));
        assertThat(points.get(0)).isEqualTo("x1,x2,label,split");
        assertThat(points).hasSize(1 + 120 + 40 + 60);
        assertThat(points.get(1)).isEqualTo(run.data().train().x1(0) + "," + run.data().train().x2(0) + ","
                + run.data().train().label(0) + ",train");
        assertThat(points.get(121)).endsWith(",validation");
        assertThat(points.get(161)).isEqualTo(run.data().test().x1(0) + "," + run.data().test().x2(0) + ","
                + run.data().test().label(0) + ",test");

        JsonNode parameters = new ObjectMapper().readTree(dir.resolve("parameters.json").toFile());
        assertThat(parameters.path("format").asText()).isEqualTo("drawnet-parameters");
        JsonNode w = parameters.path("layers").get(0).path("weight");
        assertThat(w.size()).isEqualTo(3);
        assertThat(w.get(2).get(1).floatValue()).isEqualTo(run.finalParameters().layer(0).weight(2, 1));
        assertThat(parameters.path("layers").get(1).path("bias").get(0).floatValue())
                .isEqualTo(run.finalParameters().layer(1).bias(0));

        List<String> history = Files.readAllLines(dir.resolve("history.csv"));
        assertThat(history.get(0)).isEqualTo("epoch,train_loss,train_accuracy,validation_loss,validation_accuracy");
        EpochMetrics second = run.history().epochs().get(1);
        assertThat(history.get(2)).isEqualTo(String.format(Locale.ROOT, "2,%s,%s,%s,%s", second.trainLoss(),
                second.trainAccuracy(), second.validationLoss(), second.validationAccuracy()));
        assertThat(history).hasSize(4);
    }

    @Test
    void floats_writtenInTheirShortestFormWhenThatReadsBackExactly(@TempDir Path dir) throws IOException {
        Parameters p = new Parameters(List.of(new LayerParameters(2, 1, new float[] {0.1f, 1e-30f}, new float[] {3f})));
        SavedModel m = new SavedModel("djl", NetworkSpec.notebook().withHidden(List.of()),
                TrainingConfig.notebook().withOptimizer(Optimizer.SGD), p,
                new OptimizerState(Optimizer.SGD, 0, List.of()), History.EMPTY, run.data().provenance(),
                run.drawing());
        String text = new String(m.toBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("[ 0.1, 1.0E-30 ]").contains("[ 3.0 ]").doesNotContain("0.10000000149");
        Path file = dir.resolve("m.json");
        m.write(file);
        assertThat(SavedModel.read(file).parameters()).isEqualTo(p);
    }

    @Test
    void metricsAndExports_ofADivergedRunWithNaNParameters_writtenAsText_readBack(@TempDir Path dir) throws IOException {
        Parameters p = run.finalParameters();
        List<LayerParameters> layers = new java.util.ArrayList<>(p.layers());
        LayerParameters first = layers.get(0);
        float[] w = first.weights().clone();
        w[0] = Float.NaN;
        w[1] = Float.NEGATIVE_INFINITY;
        layers.set(0, new LayerParameters(first.inputs(), first.outputs(), w, first.biases()));
        Parameters nan = new Parameters(layers);
        ExperimentResult diverged = run.toBuilder().finalParameters(nan).build();
        Path file = dir.resolve("metrics.json");
        MetricsFile.write(diverged, file);
        assertThat(Files.readString(file)).contains("\"NaN\"").contains("\"-Infinity\"");
        Parameters back = MetricsFile.read(file).parameters();
        assertThat(back.layer(0).weights()[0]).isNaN();
        assertThat(back.layer(0).weights()[1]).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(back.layer(0).weights()[2]).isEqualTo(w[2]);
        Exports.write(diverged, dir);
        assertThat(Files.readString(dir.resolve("parameters.json"))).contains("\"NaN\"");
        // a model file never holds them
        assertThatThrownBy(() -> new SavedModel(run.backendId(), run.spec(), run.config(), nan, run.optimizerState(),
                run.history(), run.data().provenance(), run.drawing()).toBytes())
                .hasMessageContaining("non-finite parameter (NaN)");
    }

    @Test
    void history_withNonFiniteLosses_readsBack(@TempDir Path dir) throws IOException {
        History diverged = new History(List.of(new EpochMetrics(1, 0.7, 0.5, 0.69, 0.5),
                new EpochMetrics(2, Double.POSITIVE_INFINITY, 0.5, Double.NaN, 0.5)));
        SavedModel base = SavedModel.of(run);
        SavedModel m = new SavedModel(base.backendId(), base.spec(), base.config(), base.parameters(), base.optimizer(),
                diverged, base.provenance(), base.drawing());
        Path file = dir.resolve("m.json");
        m.write(file);
        History back = SavedModel.read(file).history();
        assertThat(back.epochs().get(1).trainLoss()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(back.epochs().get(1).validationLoss()).isNaN();
        assertThat(back.epochs().get(0)).isEqualTo(diverged.epochs().get(0));
    }

    @Test
    void model_batchAsLargeAsTheTrainingSetReads_oneMoreIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.json");
        SavedModel.of(run).write(file);
        ObjectNode j = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        j.with("training").put("batchSize", 120);
        Files.write(file, new ObjectMapper().writeValueAsBytes(j));
        assertThat(SavedModel.read(file).config().batchSize()).isEqualTo(120);
        j.with("training").put("batchSize", 121);
        Files.write(file, new ObjectMapper().writeValueAsBytes(j));
        assertThatThrownBy(() -> SavedModel.read(file))
                .hasMessage("model file " + file + " has batch size 121 larger than its training set of 120");
    }

    @Test
    void model_secondOptimizerSlotDamaged_namedBySlot(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.json");
        SavedModel.of(run).write(file);
        ObjectNode j = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        ((ArrayNode) j.with("optimizer").withArray("slots").get(1).get(0).get("bias")).set(0, "x");
        Files.write(file, new ObjectMapper().writeValueAsBytes(j));
        assertThatThrownBy(() -> SavedModel.read(file))
                .hasMessage("model file " + file + " has optimizer slot 1 layer 0 bias[0] that is not a number: \"x\"");
    }

    @Test
    void version_isTheBuildsProjectVersion() {
        assertThat(DrawnetVersion.get()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}
