package io.github.drawnet.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.Feature;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.Model;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parameters go into the engine and come back bit for bit. */
public interface ParametersContract extends BackendUnderTest {

    @Test
    default void newModel_initialParameters_readBackBitIdentical() {
        NetworkSpec spec = new NetworkSpec(Feature.NOTEBOOK, List.of(4, 3), Activation.TANH);
        Parameters initial = Parameters.initial(spec, 7);
        try (Model model = backend().newModel(spec, initial)) {
            assertThat(model.parameters()).isEqualTo(initial);
        }
    }

    @Test
    default void setParameters_awkwardFloats_readBackBitIdentical() {
        NetworkSpec spec = new NetworkSpec(Feature.NOTEBOOK, List.of(3), Activation.SIGMOID);
        float[] w1 = {Float.MIN_VALUE, -0.0f, 1e-30f, 3.4e38f, 0.1f, -1.0000001f};
        float[] b1 = {Float.MIN_NORMAL, -123456.79f, 7f / 3f};
        float[] w2 = {Math.nextUp(1f), -Float.MIN_VALUE, 0.3f};
        float[] b2 = {-0.0f};
        Parameters p = new Parameters(List.of(new LayerParameters(2, 3, w1, b1), new LayerParameters(3, 1, w2, b2)));
        try (Model model = backend().newModel(spec, Parameters.initial(spec, 1))) {
            model.setParameters(p);
            Parameters back = model.parameters();
            assertThat(back).isEqualTo(p);
            for (int l = 0; l < 2; l++) {
                float[] sent = p.layer(l).weights();
                float[] got = back.layer(l).weights();
                for (int i = 0; i < sent.length; i++) {
                    assertThat(Float.floatToRawIntBits(got[i])).as("layer %d weight %d", l, i)
                            .isEqualTo(Float.floatToRawIntBits(sent[i]));
                }
            }
        }
    }

    @Test
    default void setParameters_wrongShape_rejectedNamingBothShapes() {
        NetworkSpec spec = NetworkSpec.notebook();
        Parameters other = Parameters.initial(spec.withHidden(List.of(5)), 1);
        try (Model model = backend().newModel(spec, 1)) {
            assertThatThrownBy(() -> model.setParameters(other))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parameters of shape [2, 5, 1] do not fit a network of shape [2, 4, 1]");
        }
    }
}
