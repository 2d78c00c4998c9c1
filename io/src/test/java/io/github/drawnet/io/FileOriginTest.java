package io.github.drawnet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.Backends;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.Experiments;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.sampling.Sampler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provenance read back: settings, seeds, Drawnet and engine versions, backend and machine (issue 25, item 5). */
final class FileOriginTest {

    private static ExperimentResult run() {
        var drawing = Preset.HALF_PLANE.drawing();
        return Experiments.run(Backends.discover().get("reference"), drawing,
                Sampler.sample(drawing, new SampleSizes(100, 20, 20), 7), NetworkSpec.notebook(),
                TrainingConfig.notebook().withEpochs(1).withSeed(11), TrainingListener.NONE);
    }

    private static Map<String, String> thisMachine() {
        Map<String, String> m = new LinkedHashMap<>();
        JsonForms.machine(JsonForms.MAPPER.createObjectNode()).properties()
                .forEach(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    @Test
    void read_metricsAndModelOfARun_giveVersionBackendEngineMachine_andTheFilesTheirSettingsAndSeeds(
            @TempDir Path tmp) throws Exception {
        ExperimentResult r = run();
        Path metrics = tmp.resolve("metrics.json");
        Path model = tmp.resolve("model.json");
        MetricsFile.write(r, metrics);
        SavedModel.of(r).write(model);

        for (Path f : new Path[] {metrics, model}) {
            FileOrigin o = FileOrigin.read(f);
            assertThat(o.drawnetVersion()).as("%s", f).isEqualTo(DrawnetVersion.get()).isNotEqualTo(FileOrigin.UNKNOWN);
            assertThat(o.backendId()).isEqualTo("reference");
            assertThat(o.engine()).isEqualTo(r.backendName()).isNotEqualTo(FileOrigin.UNKNOWN);
            assertThat(o.machine()).isEqualTo(thisMachine()).containsKeys("os", "arch", "cores", "java");
        }
        assertThat(FileOrigin.read(metrics).format()).isEqualTo(MetricsFile.FORMAT);
        assertThat(FileOrigin.read(model).format()).isEqualTo(SavedModel.FORMAT);

        MetricsFile m = MetricsFile.read(metrics);
        assertThat(m.config()).isEqualTo(r.config());
        assertThat(m.config().seed()).isEqualTo(11);
        assertThat(m.provenance()).isEqualTo(r.data().provenance());
        assertThat(m.provenance().seed()).isEqualTo(7);
        assertThat(m.spec()).isEqualTo(r.spec());
        assertThat(m.backendName()).isEqualTo(r.backendName());

        SavedModel saved = SavedModel.read(model);
        assertThat(saved.engine()).isEqualTo(r.backendName());
        assertThat(saved.config().seed()).isEqualTo(11);
        assertThat(saved.provenance().seed()).isEqualTo(7);
        // read and written again, the engine stays the one that trained, not the one that rewrote
        assertThat(SavedModel.parse(saved.toBytes(), "again.json").engine()).isEqualTo(r.backendName());
    }

    @Test
    void read_olderFiles_whatTheyLackReadsAsUnknown_andTheyStillLoad() throws Exception {
        Path metricsV1 = Path.of(FileOriginTest.class.getResource("/fixtures/metrics-v1-epoch5.json").toURI());
        FileOrigin m = FileOrigin.read(metricsV1);
        assertThat(m).isEqualTo(new FileOrigin(MetricsFile.FORMAT, "0.1.0-SNAPSHOT", "djl", "DJL 0.36.0, PyTorch 2.7.1",
                Map.of()));
        assertThat(MetricsFile.read(metricsV1).history().size()).isEqualTo(5);

        Path modelV1 = Path.of(FileOriginTest.class.getResource("/fixtures/model-v1-epoch3.json").toURI());
        assertThat(FileOrigin.read(modelV1)).isEqualTo(new FileOrigin(SavedModel.FORMAT, "0.1.0-SNAPSHOT", "djl",
                FileOrigin.UNKNOWN, Map.of()));
        SavedModel old = SavedModel.read(modelV1);
        assertThat(old.engine()).isEqualTo(SavedModel.UNKNOWN_ENGINE);
        // rewritten, it does not claim an engine it never named
        assertThat(JsonForms.MAPPER.readTree(old.toBytes()).path("backend").has("name")).isFalse();
    }

    @Test
    void read_aFileOfAnotherFormat_refusedNamingIt(@TempDir Path tmp) throws Exception {
        Path other = tmp.resolve("other.json");
        Files.writeString(other, "{\"format\": \"something\"}");
        assertThatThrownBy(() -> FileOrigin.read(other)).isInstanceOf(InvalidFileException.class)
                .hasMessage("Drawnet file " + other + " is neither a drawnet-metrics nor a drawnet-model file"
                        + " (format \"something\")");
    }
}
