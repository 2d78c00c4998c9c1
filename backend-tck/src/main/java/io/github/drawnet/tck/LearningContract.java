package io.github.drawnet.tck;

import io.github.drawnet.backend.reference.ReferenceBackend;
import io.github.drawnet.backend.reference.ReferenceNetwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.Experiments;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.sampling.Preset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The backend learns what the notebook's network learns: full-size runs with the notebook's
 * settings. These are the slow tests of the contract (about 100 epochs of 5000 points each).
 */
@Tag("learning")
public interface LearningContract extends BackendUnderTest {

    /** Finished runs, shared between the tests of one JVM so that each is trained once. */
    Map<String, ExperimentResult> RUNS = new ConcurrentHashMap<>();

    /** Returns the notebook's experiment on a preset, trained by {@code backend} (cached). */
    static ExperimentResult notebookRun(Backend backend, Preset preset, NetworkSpec spec, int epochs) {
        String key = backend.id() + "/" + preset.id() + "/" + spec + "/" + epochs;
        return RUNS.computeIfAbsent(key, k -> {
            DataSplits data = Fixtures.notebookSplits(preset);
            return Experiments.run(backend, preset.drawing(), data, spec, TrainingConfig.notebook().withEpochs(epochs),
                    TrainingListener.NONE);
        });
    }

    @Test
    default void blob_notebookSettings_reachesNotebookAccuracyAndTracksReference() {
        ExperimentResult run = notebookRun(backend(), Preset.BLOB, NetworkSpec.notebook(), 100);
        ExperimentResult reference = notebookRun(new ReferenceBackend(), Preset.BLOB, NetworkSpec.notebook(), 100);
        assertThat(run.training().stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(run.history().size()).isEqualTo(100);
        assertThat(run.test().accuracy()).isGreaterThanOrEqualTo(NotebookFigures.BLOB - NotebookFigures.TOLERANCE);
        // same initial parameters, same batch order: within one accuracy point of the oracle
        assertThat(run.test().accuracy()).isCloseTo(reference.test().accuracy(), within(0.01));
    }

    /**
     * Drawings in colours, the notebook's settings but 16 hidden units and a softmax over the classes:
     * at least PyTorch's accuracy ({@code seed_multiclass.py}, the same network) less
     * {@value NotebookFigures#MULTICLASS_TOLERANCE}, and within two points of the oracle.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Preset.class, names = {"THREE_BLOBS", "QUADRANTS"})
    default void colourPresets_hidden16_reachPyTorchAccuracy(Preset preset) {
        DataSplits data = Fixtures.notebookSplits(preset);
        NetworkSpec spec = data.fit(NetworkSpec.notebook().withHidden(java.util.List.of(16)));
        assertThat(spec.classes()).isEqualTo(preset == Preset.THREE_BLOBS ? 4 : 5);
        ExperimentResult run = notebookRun(backend(), preset, spec, 100);
        ExperimentResult reference = notebookRun(new ReferenceBackend(), preset, spec, 100);
        double pytorch = preset == Preset.THREE_BLOBS ? NotebookFigures.THREE_BLOBS : NotebookFigures.QUADRANTS;
        assertThat(run.training().stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(run.test().accuracy()).isGreaterThanOrEqualTo(pytorch - NotebookFigures.MULTICLASS_TOLERANCE);
        assertThat(run.test().accuracy()).isCloseTo(reference.test().accuracy(), within(0.02));
        assertThat(run.test().confusion().classes()).isEqualTo(spec.classes());
    }

    @Test
    default void halfPlane_notebookSettings_reachesNotebookAccuracy() {
        ExperimentResult run = notebookRun(backend(), Preset.HALF_PLANE, NetworkSpec.notebook(), 100);
        assertThat(run.test().accuracy())
                .isGreaterThanOrEqualTo(NotebookFigures.HALF_PLANE - NotebookFigures.TOLERANCE);
    }

    @Test
    default void linearActivation_learnsHalfPlaneButNotRing() {
        NetworkSpec linear = NetworkSpec.notebook().withActivation(Activation.LINEAR);
        ExperimentResult halfPlane = notebookRun(backend(), Preset.HALF_PLANE, linear, 30);
        assertThat(halfPlane.test().accuracy()).isGreaterThanOrEqualTo(0.98);

        ExperimentResult ring = notebookRun(backend(), Preset.RING, linear, 30);
        double negativeShare = 1 - ring.data().test().positiveShare();
        double majority = Math.max(negativeShare, 1 - negativeShare);
        // a straight boundary cannot cut an annulus out of the plane: no better than always "majority"
        assertThat(ring.test().accuracy()).isLessThan(majority + 0.02);
        // while the notebook's sigmoid network does learn the ring
        ExperimentResult sigmoidRing = notebookRun(backend(), Preset.RING, NetworkSpec.notebook(), 100);
        assertThat(sigmoidRing.test().accuracy()).isGreaterThan(majority + 0.05);
    }
}
