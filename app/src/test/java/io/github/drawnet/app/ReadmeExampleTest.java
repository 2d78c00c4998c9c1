package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.Experiments;
import io.github.drawnet.api.Feature;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.sampling.Sampler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's library example, kept compiling and working (smaller, to stay quick). */
final class ReadmeExampleTest {

    @Test
    void readmeExample_ringOnSquaredFeatures_learnsAndGivesMaps() {
        Drawing drawing = Preset.RING.drawing();
        DataSplits data = Sampler.sample(drawing, SampleSizes.notebook(), 42);
        Backend backend = Backends.discover().get("djl");
        NetworkSpec spec = NetworkSpec.notebook().withInputs(List.of(Feature.X1_SQUARED, Feature.X2_SQUARED));
        TrainingConfig config = TrainingConfig.notebook().withSeed(42).withEpochs(50);
        List<String> lines = new ArrayList<>();

        ExperimentResult result = Experiments.run(backend, drawing, data, spec, config,
                TrainingListener.ofEpochs((epoch, last) -> lines.add(epoch.notebookLine(last))));
        float[] hiddenUnit0 = result.grid().hidden().get(0).unit(0);

        assertThat(lines).hasSize(50).last().asString().startsWith("Epoch 50/50");
        assertThat(hiddenUnit0).hasSize(256 * 256);
        // on u² and v² the ring is a band between two lines: easy, where raw x1, x2 struggle
        assertThat(result.test().accuracy()).isGreaterThan(0.95);
    }
}
