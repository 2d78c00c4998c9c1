package io.github.drawnet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class NetworkSpecTest {

    @Test
    void describe_twoHiddenLayers_numberedAndOutputAlwaysSigmoid() {
        NetworkSpec spec = NetworkSpec.notebook().withHidden(List.of(8, 4)).withActivation(Activation.RELU)
                .withInputs(List.of(Feature.X1, Feature.X2, Feature.X1_TIMES_X2));
        assertThat(spec.inputCount()).isEqualTo(3);
        assertThat(spec.describe().lines()).containsExactly(
                "DrawnetMLP(",
                "  (inputs): x1, x2, x1·x2",
                "  (hidden1): Linear(in_features=3, out_features=8, bias=True) -> relu",
                "  (hidden2): Linear(in_features=8, out_features=4, bias=True) -> relu",
                "  (output): Linear(in_features=4, out_features=1, bias=True) -> sigmoid",
                ")");
    }

    @Test
    void sampleSizes_notebook_5000TrainingPoints1000Validation10000Test() {
        assertThat(SampleSizes.notebook()).isEqualTo(new SampleSizes(5000, 1000, 10000));
    }
}
