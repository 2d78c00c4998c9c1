package io.github.drawnet.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The machine a file was made on, in metrics.json and model.json: engines' floats differ in the last bits
 * between CPUs, so a run's numbers are read with it (issue 24's bounds; issue 25's provenance).
 */
class MachineProvenanceTest {

    @Test
    void machine_namesTheSystemTheCpuTheCoresAndTheJavaRuntime() throws Exception {
        ObjectNode m = JsonForms.machine(JsonForms.MAPPER.createObjectNode());
        assertThat(m.path("arch").asText()).isEqualTo(System.getProperty("os.arch"));
        assertThat(m.path("os").asText()).startsWith(System.getProperty("os.name") + " ");
        assertThat(m.path("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(m.path("java").asText()).endsWith(System.getProperty("java.version"));
        if (Files.isReadable(Path.of("/proc/cpuinfo"))) {
            String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst().orElseThrow();
            assertThat(m.path("cpu").asText()).isNotBlank().isEqualTo(model.substring(model.indexOf(':') + 1).strip());
        }
        String aten = System.getenv("ATEN_CPU_CAPABILITY");
        if (aten == null || aten.isBlank()) {
            assertThat(m.has("ATEN_CPU_CAPABILITY")).isFalse();
        } else {
            assertThat(m.path("ATEN_CPU_CAPABILITY").asText()).isEqualTo(aten); // CI's second pass sets it
        }
    }

    @Test
    void metricsAndModelFiles_carryTheMachine_andFilesWithoutItStillRead() throws Exception {
        Path v1 = Path.of(MachineProvenanceTest.class.getResource("/fixtures/model-v1-epoch3.json").toURI());
        SavedModel old = SavedModel.read(v1);
        assertThat(JsonForms.MAPPER.readTree(v1.toFile()).has("machine")).isFalse();
        JsonNode rewritten = JsonForms.MAPPER.readTree(old.toBytes());
        assertThat(rewritten.path("machine").path("arch").asText()).isEqualTo(System.getProperty("os.arch"));
        assertThat(SavedModel.parse(old.toBytes(), "m.json").parameters()).isEqualTo(old.parameters());

        var drawing = io.github.drawnet.sampling.Preset.HALF_PLANE.drawing();
        var result = io.github.drawnet.api.Experiments.run(io.github.drawnet.api.Backends.discover().get("reference"),
                drawing, io.github.drawnet.sampling.Sampler.sample(drawing, new io.github.drawnet.api.SampleSizes(100,
                        20, 20), 1), io.github.drawnet.api.NetworkSpec.notebook(),
                io.github.drawnet.api.TrainingConfig.notebook().withEpochs(1), io.github.drawnet.api.TrainingListener.NONE);
        JsonNode metrics = MetricsFile.toJson(result);
        assertThat(metrics.path("machine")).isEqualTo(JsonForms.machine(JsonForms.MAPPER.createObjectNode()));
        assertThat(MetricsFile.read(writeTo(metrics)).testAccuracy()).isEqualTo(result.test().accuracy());
    }

    static Path writeTo(JsonNode node) throws Exception {
        Path f = Files.createTempFile("metrics", ".json");
        f.toFile().deleteOnExit();
        Files.write(f, JsonForms.MAPPER.writeValueAsBytes(node));
        return f;
    }
}
