package io.github.drawnet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ParametersTest {

    @Test
    void initial_sameSeed_sameNumbers_otherSeed_otherNumbers() {
        NetworkSpec spec = NetworkSpec.notebook();
        assertThat(Parameters.initial(spec, 3)).isEqualTo(Parameters.initial(spec, 3));
        assertThat(Parameters.initial(spec, 3)).isNotEqualTo(Parameters.initial(spec, 4));
    }

    @Test
    void initial_pyTorchDefault_uniformWithinOneOverSqrtFanIn() {
        NetworkSpec spec = new NetworkSpec(Feature.NOTEBOOK, List.of(64, 16), Activation.RELU);
        Parameters p = Parameters.initial(spec, 1);
        assertThat(p.shape()).containsExactly(2, 64, 16, 1);
        for (int l = 0; l < p.layerCount(); l++) {
            LayerParameters layer = p.layer(l);
            double bound = 1 / Math.sqrt(layer.inputs());
            float max = 0;
            for (float w : layer.weights()) {
                assertThat((double) Math.abs(w)).isLessThanOrEqualTo(bound);
                max = Math.max(max, Math.abs(w));
            }
            for (float b : layer.biases()) {
                assertThat((double) Math.abs(b)).isLessThanOrEqualTo(bound);
            }
            // uniform over the whole interval, not a narrower one
            if (layer.weights().length >= 64) {
                assertThat((double) max).isGreaterThan(0.9 * bound);
            }
        }
    }

    @Test
    void layer_weightLayoutIsOutByIn_asPyTorchLinear() {
        LayerParameters l = LayerParameters.of(new float[][] {{1, 2, 3}, {4, 5, 6}}, new float[] {7, 8});
        assertThat(l.inputs()).isEqualTo(3);
        assertThat(l.outputs()).isEqualTo(2);
        assertThat(l.weight(1, 0)).isEqualTo(4f);
        assertThat(l.weights()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(l.weightMatrix()[0]).containsExactly(1, 2, 3);
    }

    @Test
    void layer_isImmutable_copiesInAndOut() {
        float[] w = {1, 2};
        LayerParameters l = new LayerParameters(2, 1, w, new float[] {0});
        w[0] = 99;
        l.weights()[1] = 99;
        assertThat(l.weights()).containsExactly(1, 2);
    }

    @Test
    void layer_wrongLengths_rejectedWithNumbers() {
        assertThatThrownBy(() -> new LayerParameters(2, 3, new float[5], new float[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weights of a 3 x 2 layer must hold 6 values, got 5");
        assertThatThrownBy(() -> new LayerParameters(2, 3, new float[6], new float[2]))
                .hasMessage("biases of a layer with 3 outputs must hold 3 values, got 2");
    }

    @Test
    void parameters_layersThatDoNotChain_rejected() {
        LayerParameters a = new LayerParameters(2, 4, new float[8], new float[4]);
        LayerParameters b = new LayerParameters(3, 1, new float[3], new float[1]);
        assertThatThrownBy(() -> new Parameters(List.of(a, b))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer 1 takes 3 inputs but layer 0 gives 4 outputs");
    }

    @Test
    void equals_isBitwise_negativeZeroDiffersFromZero() {
        LayerParameters zero = new LayerParameters(1, 1, new float[] {0f}, new float[] {0f});
        LayerParameters negativeZero = new LayerParameters(1, 1, new float[] {-0f}, new float[] {0f});
        assertThat(zero).isNotEqualTo(negativeZero);
        assertThat(zero.maxAbsDifference(negativeZero)).isZero();
    }

    @Test
    void maxAbsDifference_findsLargestGap() {
        Parameters a = Parameters.initial(NetworkSpec.notebook(), 1);
        LayerParameters out = a.layer(1);
        float[] b = out.biases();
        b[0] += 0.25f;
        Parameters changed = new Parameters(List.of(a.layer(0), new LayerParameters(4, 1, out.weights(), b)));
        assertThat(a.maxAbsDifference(changed)).isCloseTo(0.25, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(a.count()).isEqualTo(17);
    }
}
