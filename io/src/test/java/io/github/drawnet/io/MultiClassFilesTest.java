package io.github.drawnet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.Experiment;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.backend.reference.ReferenceBackend;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.sampling.Sampler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of a run on a drawing in colours: the saved model keeps the classes, their colours and the
 * class of every pixel, and continues exactly; metrics and exports list the classes, per-class
 * figures and the confusion matrix.
 */
final class MultiClassFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ExperimentResult run(int epochs) {
        DataSplits data = Sampler.sample(Preset.THREE_BLOBS.drawing(), new SampleSizes(400, 100, 300), 2);
        NetworkSpec spec = data.fit(NetworkSpec.notebook().withHidden(List.of(6)));
        try (Experiment e = Experiment.start(new ReferenceBackend(), Preset.THREE_BLOBS.drawing(), data, spec,
                TrainingConfig.notebook().withEpochs(epochs).withSeed(2))) {
            e.train(epochs, TrainingListener.NONE);
            return e.finish();
        }
    }

    @Test
    void savedModel_fourClasses_readsBackClassesColoursAndPixels_andContinuesExactly(@TempDir Path dir) throws Exception {
        ExperimentResult four = run(4);
        ExperimentResult two = run(2);
        Path file = dir.resolve("model.json");
        SavedModel.of(two).write(file);
        SavedModel back = SavedModel.read(file);
        assertThat(back.spec().classes()).isEqualTo(4);
        assertThat(back.parameters()).isEqualTo(two.finalParameters());
        assertThat(back.drawing()).isEqualTo(Preset.THREE_BLOBS.drawing());
        assertThat(back.drawing().classes()).isEqualTo(Preset.THREE_BLOBS.drawing().classes());
        assertThat(back.sample().train()).isEqualTo(two.data().train());
        ExperimentResult continued;
        try (Experiment e = back.resume(new ReferenceBackend())) {
            e.train(2, TrainingListener.NONE);
            continued = e.finish();
        }
        assertThat(continued.history().epochs()).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3, 4);
        // the reference network computes in doubles and saves floats: the continued run is the straight
        // one to float precision
        assertThat(continued.finalParameters().maxAbsDifference(four.finalParameters())).isLessThan(1e-6);
        assertThat(continued.test().accuracy()).isCloseTo(four.test().accuracy(), within(0.005));
    }

    @Test
    void savedModel_classMapAltered_refusedByTheHash(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.json");
        SavedModel.of(run(1)).write(file);
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        ((ObjectNode) root.path("drawing").path("classes").get(1)).put("colour", "#123456");
        Files.write(file, JSON.writeValueAsBytes(root));
        assertThatThrownBy(() -> SavedModel.read(file)).isInstanceOf(InvalidModelFileException.class)
                .hasMessageContaining("SHA-256 does not match");
        ((ObjectNode) root.path("drawing").path("classes").get(1)).put("colour", "red");
        Files.write(file, JSON.writeValueAsBytes(root));
        assertThatThrownBy(() -> SavedModel.read(file)).hasMessageContaining("not #rrggbb: 'red'");
        ((ObjectNode) root.path("network")).put("classes", 3);
        Files.write(file, JSON.writeValueAsBytes(root));
        assertThatThrownBy(() -> SavedModel.read(file)).isInstanceOf(InvalidModelFileException.class);
    }

    @Test
    void metricsAndExports_fourClasses_listClassesCountsAndConfusion(@TempDir Path dir) throws Exception {
        ExperimentResult r = run(3);
        Path metrics = dir.resolve("metrics.json");
        MetricsFile.write(r, metrics);
        JsonNode m = JSON.readTree(metrics.toFile());
        assertThat(m.path("network").path("classes").asInt()).isEqualTo(4);
        assertThat(m.path("network").path("output").asText()).isEqualTo("softmax");
        JsonNode classes = m.path("drawing").path("classes");
        assertThat(classes).hasSize(4);
        for (int k = 0; k < 4; k++) {
            assertThat(classes.get(k).path("colour").asText())
                    .isEqualTo(k == 0 ? "#ffffff" : r.drawing().classes().get(k).hex());
        }
        JsonNode confusion = m.path("test").path("confusion");
        long total = 0;
        for (int a = 0; a < 4; a++) {
            for (int p = 0; p < 4; p++) {
                assertThat(confusion.get(a).get(p).asLong()).isEqualTo(r.test().confusion().count(a, p));
                total += confusion.get(a).get(p).asLong();
            }
            assertThat(m.path("test").path("classAccuracy").get(a).asDouble())
                    .isEqualTo(r.test().classAccuracies()[a]);
            assertThat(m.path("data").path("classCounts").path("test").get(a).asLong())
                    .isEqualTo(r.data().test().classCounts()[a]);
        }
        assertThat(total).isEqualTo(300);
        assertThat(MetricsFile.read(metrics).spec().classes()).isEqualTo(4);

        Exports.write(r, dir);
        List<String> lines = Files.readAllLines(dir.resolve("points.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("x1,x2,label,split");
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l.split(",")[2]).matches("[0-3]"));
        assertThat(lines.get(1).split(",")[2]).isEqualTo(Integer.toString(r.data().train().classOf(0)));
        JsonNode parameters = JSON.readTree(dir.resolve("parameters.json").toFile());
        assertThat(parameters.path("classes")).hasSize(4);
        assertThat(parameters.path("output").asText()).startsWith("softmax");
    }

    @Test
    void metrics_binaryRun_twoClassesBackgroundAndDrawn() throws Exception {
        DataSplits data = Sampler.sample(Preset.BLOB.drawing(), new SampleSizes(200, 50, 100), 1);
        try (Experiment e = Experiment.start(new ReferenceBackend(), Preset.BLOB.drawing(), data, NetworkSpec.notebook(),
                TrainingConfig.notebook().withEpochs(1))) {
            e.train(1, TrainingListener.NONE);
            JsonNode m = MetricsFile.toJson(e.finish());
            assertThat(m.path("network").path("classes").asInt()).isEqualTo(2);
            assertThat(m.path("network").path("output").asText()).isEqualTo("sigmoid");
            assertThat(m.path("drawing").path("classes").get(1).path("name").asText()).isEqualTo("drawn");
            assertThat(m.path("test").path("confusion").get(1).get(1).asLong())
                    .isEqualTo(m.path("test").path("truePositives").asLong());
        }
    }
}
