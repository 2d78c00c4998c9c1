package io.github.drawnet.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.Backends;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.api.Experiment;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.Setting;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.sampling.Sampler;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Save, load, and continue on another backend, as a consumer writes it (public types only), at the
 * level of {@code io}: the steps the README's library consumer takes after its run (that consumer,
 * examples/src/it/exercise-checker, is built and checked against the README by the examples module).
 * Smaller sizes, to stay quick.
 */
final class ReadmeLibraryTest {

    @Test
    void readmeExample_saveLoadContinueOnTheReferenceBackend(@TempDir Path dir) throws IOException {
        Path modelJson = dir.resolve("model.json");
        Backends backends = Backends.discover();
        ExperimentSettings settings = ExperimentSettings.notebook()
                .with(Setting.HIDDEN, "8,4")
                .with(Setting.EPOCHS, "20")
                .with(Setting.TRAIN_SIZE, "600").with(Setting.VALIDATION_SIZE, "200").with(Setting.TEST_SIZE, "400")
                .requireConsistent();
        Drawing drawing = Preset.BLOB.drawing();
        DataSplits data = Sampler.sample(drawing, settings.sizes(), settings.seed());

        try (Experiment experiment = Experiment.start(backends.get("djl"), drawing, data,
                settings.network(), settings.training())) {
            experiment.train(settings.training().epochs(), TrainingListener.NONE);
            SavedModel.of(experiment).write(modelJson);
        }

        SavedModel saved = SavedModel.read(modelJson);
        ExperimentResult result;
        try (Experiment more = saved.resume(backends.get("reference"))) {
            more.train(10, TrainingListener.NONE);
            result = more.finish();
        }

        assertThat(saved.history().size()).isEqualTo(20);
        assertThat(saved.spec().hidden()).containsExactly(8, 4);
        assertThat(result.backendId()).isEqualTo("reference");
        assertThat(result.history().last().epoch()).isEqualTo(30);
        assertThat(result.history().epochs().subList(0, 20)).isEqualTo(saved.history().epochs());
        assertThat(result.test().count()).isEqualTo(400);
        assertThat(result.test().accuracy()).isBetween(0.7, 1.0);
    }
}
