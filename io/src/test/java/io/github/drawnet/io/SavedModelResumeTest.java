package io.github.drawnet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.Experiment;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.Feature;
import io.github.drawnet.api.History;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.sampling.Sampler;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved models continue where they stopped, on any backend, through the public library types only;
 * and files written by the Drawnet of before the {@code io} module (fixtures, never regenerated) still
 * load and continue exactly.
 */
final class SavedModelResumeTest {

    private static final Backends BACKENDS = Backends.discover();

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(SavedModelResumeTest.class.getResource("/fixtures/" + name).toURI());
    }

    @Test
    void fixtureV1Model_readsEveryField() throws Exception {
        SavedModel saved = SavedModel.read(fixture("model-v1-epoch3.json"));
        assertThat(saved.backendId()).isEqualTo("djl");
        assertThat(saved.spec()).isEqualTo(NetworkSpec.notebook().withHidden(List.of(5)));
        assertThat(saved.config()).isEqualTo(TrainingConfig.notebook().withEpochs(3).withSeed(3));
        assertThat(saved.history().size()).isEqualTo(3);
        assertThat(saved.provenance().drawing()).isEqualTo("blob");
        assertThat(saved.provenance().sizes()).isEqualTo(new SampleSizes(500, 100, 200));
        assertThat(saved.drawing().sha256()).isEqualTo(Preset.BLOB.drawing().sha256());
        assertThat(saved.optimizer().step()).isEqualTo(3 * 21); // 500 points in batches of 24: 21 steps an epoch
    }

    @Test
    void fixtureV1Metrics_readsEveryField() throws Exception {
        MetricsFile m = MetricsFile.read(fixture("metrics-v1-epoch5.json"));
        assertThat(m.backendId()).isEqualTo("djl");
        assertThat(m.backendName()).startsWith("DJL");
        assertThat(m.provenance().drawingSha256()).isEqualTo(Preset.BLOB.drawing().sha256());
        assertThat(m.provenance().seed()).isEqualTo(3);
        assertThat(m.spec().hidden()).containsExactly(5);
        assertThat(m.history().epochs()).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3, 4, 5);
        assertThat(m.testAccuracy()).isBetween(0.5, 1.0);
        assertThat(m.parameters().fits(m.spec())).isTrue();
    }

    @Test
    void fixtureV1Model_continuedTwoEpochsOnDjl_isTheFiveEpochRun() throws Exception {
        SavedModel saved = SavedModel.read(fixture("model-v1-epoch3.json"));
        MetricsFile five = MetricsFile.read(fixture("metrics-v1-epoch5.json"));
        ExperimentResult result;
        try (Experiment more = saved.resume(BACKENDS.get("djl"))) {
            more.train(2, TrainingListener.NONE);
            result = more.finish();
        }
        History h = result.history();
        assertThat(h.epochs()).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3, 4, 5);
        for (int e = 0; e < 5; e++) {
            EpochMetrics got = h.epochs().get(e);
            EpochMetrics want = five.history().epochs().get(e);
            assertThat(got.trainLoss()).as("epoch %d train loss", e + 1).isCloseTo(want.trainLoss(), within(1e-6));
            assertThat(got.validationAccuracy()).as("epoch %d validation accuracy", e + 1)
                    .isEqualTo(want.validationAccuracy());
        }
        // The fixture was written on an Intel Xeon; PyTorch's kernels differ by CPU. Measured on an AMD EPYC
        // (2026-12-07) under ATEN_CPU_CAPABILITY default, avx2 and avx512: at most 6.0e-8 (one float step
        // near 0.5), losses equal. Adam's epsilon planted at 1e-7 moves them 2.2e-5, so 1e-6 still catches it.
        assertThat(result.finalParameters().maxAbsDifference(five.parameters())).isLessThan(1e-6);
        assertThat(result.config().epochs()).isEqualTo(5);
    }

    @Test
    void v1File_rewritten_isVersion2WithTheMetricsDrawingFields(@TempDir Path dir) throws Exception {
        SavedModel saved = SavedModel.read(fixture("model-v1-epoch3.json"));
        Path file = dir.resolve("model.json");
        saved.write(file);
        JsonNode model = new ObjectMapper().readTree(file.toFile());
        JsonNode metrics = new ObjectMapper().readTree(fixture("metrics-v1-epoch5.json").toFile());
        assertThat(model.path("formatVersion").asInt()).isEqualTo(2);
        for (String field : List.of("name", "sha256", "width", "height")) {
            assertThat(model.path("drawing").path(field)).as(field).isEqualTo(metrics.path("drawing").path(field));
        }
        for (String field : List.of("seed", "train", "validation", "test", "labels", "noise")) {
            assertThat(model.path("data").path(field)).as(field).isEqualTo(metrics.path("data").path(field));
        }
        assertThat(model.path("backend").path("id").asText()).isEqualTo("djl");
        SavedModel back = SavedModel.read(file);
        assertThat(back.parameters()).isEqualTo(saved.parameters());
        assertThat(back.optimizer().slots()).isEqualTo(saved.optimizer().slots());
        assertThat(back.history()).isEqualTo(saved.history());
        assertThat(back.provenance()).isEqualTo(saved.provenance());
        assertThat(back.config()).isEqualTo(saved.config());
    }

    @Test
    void savedOnDjl_resumedOnReference_numbersOnAndStaysClose(@TempDir Path dir) throws IOException {
        Backend djl = BACKENDS.get("djl");
        Backend reference = BACKENDS.get("reference");
        var data = Sampler.sample(Preset.HALF_PLANE.drawing(), new SampleSizes(300, 100, 100), 2);
        NetworkSpec spec = new NetworkSpec(List.of(Feature.X1, Feature.X2), List.of(3),
                io.github.drawnet.api.Activation.TANH);
        TrainingConfig config = TrainingConfig.notebook().withEpochs(2).withSeed(2);
        Path file = dir.resolve("m.json");
        ExperimentResult straight;
        try (Experiment e = Experiment.start(djl, Preset.HALF_PLANE.drawing(), data, spec, config)) {
            e.train(2, TrainingListener.NONE);
            SavedModel.of(e).write(file);
            e.train(2, TrainingListener.NONE);
            straight = e.finish();
        }
        SavedModel saved = SavedModel.read(file);
        assertThat(saved.history().size()).isEqualTo(2);
        assertThat(saved.config().epochs()).isEqualTo(2);
        ExperimentResult resumed;
        try (Experiment e = saved.resume(reference)) {
            e.train(2, TrainingListener.NONE);
            resumed = e.finish();
        }
        assertThat(resumed.backendId()).isEqualTo("reference");
        assertThat(resumed.history().epochs()).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3, 4);
        assertThat(resumed.history().epochs().subList(0, 2)).isEqualTo(saved.history().epochs());
        // float32 engine against the float64 oracle, from the same float32 state: close, not equal
        assertThat(resumed.finalParameters().maxAbsDifference(straight.finalParameters())).isLessThan(1e-4);
        assertThat(resumed.history().last().trainLoss()).isCloseTo(straight.history().last().trainLoss(),
                within(1e-5));
    }

    @Test
    void restart_fromScratch_repeatsTheSavedRunsFirstEpochs(@TempDir Path dir) throws IOException {
        Backend djl = BACKENDS.get("djl");
        var data = Sampler.sample(Preset.RING.drawing(), new SampleSizes(240, 60, 60), 5);
        NetworkSpec spec = NetworkSpec.notebook();
        TrainingConfig config = TrainingConfig.notebook().withEpochs(3).withSeed(5);
        ExperimentResult first;
        try (Experiment e = Experiment.start(djl, Preset.RING.drawing(), data, spec, config)) {
            e.train(3, TrainingListener.NONE);
            first = e.finish();
        }
        Path file = dir.resolve("m.json");
        SavedModel.of(first).write(file);
        try (Experiment again = SavedModel.read(file).restart(djl)) {
            assertThat(again.epochsCompleted()).isZero();
            assertThat(again.model().parameters()).isEqualTo(Parameters.initial(spec, 5));
            again.train(2, TrainingListener.NONE);
            assertThat(again.history().epochs()).isEqualTo(first.history().epochs().subList(0, 2));
        }
    }

    @Test
    void write_divergedParameters_refusedAndNothingWritten(@TempDir Path dir) {
        SavedModel good = SavedModelTest.sample(SavedModelTest.awkward());
        List<io.github.drawnet.api.LayerParameters> layers = new java.util.ArrayList<>();
        for (io.github.drawnet.api.LayerParameters l : good.parameters().layers()) {
            float[] w = l.weights();
            w[0] = Float.NaN;
            layers.add(new io.github.drawnet.api.LayerParameters(l.inputs(), l.outputs(), w, l.biases()));
        }
        Parameters bad = new Parameters(layers);
        SavedModel nan = new SavedModel(good.backendId(), good.spec(), good.config(), bad,
                new io.github.drawnet.api.OptimizerState(good.optimizer().optimizer(), 1,
                        List.of(bad, bad)), good.history(), good.provenance(), good.drawing());
        Path file = dir.resolve("m.json");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> nan.write(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite parameter (NaN)");
        assertThat(file).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void trainedRun_stopReasonKept() {
        Backend reference = BACKENDS.get("reference");
        var data = Sampler.sample(Preset.BLOB.drawing(), new SampleSizes(100, 50, 50), 1);
        try (Experiment e = Experiment.start(reference, Preset.BLOB.drawing(), data, NetworkSpec.notebook(),
                TrainingConfig.notebook().withEpochs(5).withBatchSize(10))) {
            e.train(5, TrainingListener.NONE, () -> e.epochsCompleted() >= 2);
            ExperimentResult r = e.finish();
            assertThat(r.training().stopReason()).isEqualTo(StopReason.STOPPED);
            assertThat(r.history().size()).isEqualTo(2);
            assertThat(SavedModel.of(r).config().epochs()).isEqualTo(2);
            assertThat(Files.exists(Path.of("m.json"))).isFalse();
        }
    }
}
