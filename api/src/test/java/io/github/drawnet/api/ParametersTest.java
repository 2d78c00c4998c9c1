package io.github.drawnet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ParametersTest {

    @Test
    void initial_sameSeed_sameNumbers_otherSeed_otherNumbers() {
        NetworkSpec spec = NetworkSpec.notebook();
        assertThat(Parameters.initial(spec, 3)).isEqualTo(Parameters.initial(spec, 3))
                .hasSameHashCodeAs(Parameters.initial(spec, 3));
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

    @Test
    void parameters_noLayer_refused() {
        assertThatThrownBy(() -> new Parameters(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters need at least one layer");
    }

    @Test
    void layers_firstHiddenFirstOutputLast() {
        Parameters p = Parameters.initial(NetworkSpec.notebook(), 2);
        assertThat(p.layerCount()).isEqualTo(2);
        assertThat(p.layers()).containsExactly(p.layer(0), p.layer(1));
        assertThat(p.layer(0).outputs()).isEqualTo(4);
        assertThat(p.layer(1).inputs()).isEqualTo(4);
    }

    @Test
    void fits_onlyTheSameWidthsEverywhere() {
        Parameters p = Parameters.initial(NetworkSpec.notebook(), 2);
        assertThat(p.fits(NetworkSpec.notebook())).isTrue();
        assertThat(p.fits(NetworkSpec.notebook().withHidden(List.of()))).as("fewer layers").isFalse();
        assertThat(p.fits(NetworkSpec.notebook().withHidden(List.of(3)))).as("other hidden width").isFalse();
        assertThat(p.fits(NetworkSpec.notebook().withInputs(List.of(Feature.X1, Feature.X2, Feature.X1_SQUARED))))
                .as("other input count").isFalse();
        assertThat(p.requireFits(NetworkSpec.notebook())).isSameAs(p);
        assertThatThrownBy(() -> p.requireFits(NetworkSpec.notebook().withHidden(List.of(3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters of shape [2, 4, 1] do not fit a network of shape [2, 3, 1]");
    }

    @Test
    void isFinite_falseWhenAnyWeightOrBiasIsNot() {
        LayerParameters finite = new LayerParameters(2, 1, new float[] {1, 2}, new float[] {3});
        LayerParameters nanWeight = new LayerParameters(2, 1, new float[] {1, Float.NaN}, new float[] {3});
        LayerParameters infiniteBias = new LayerParameters(2, 1, new float[] {1, 2}, new float[] {Float.NEGATIVE_INFINITY});
        assertThat(finite.isFinite()).isTrue();
        assertThat(nanWeight.isFinite()).isFalse();
        assertThat(infiniteBias.isFinite()).isFalse();
        assertThat(new Parameters(List.of(finite)).isFinite()).isTrue();
        assertThat(new Parameters(List.of(nanWeight)).isFinite()).isFalse();
        assertThat(Parameters.initial(NetworkSpec.notebook(), 2).isFinite()).isTrue();
    }

    @Test
    void maxAbsDifference_weightsCountToo_otherShapesRefused() {
        LayerParameters a = new LayerParameters(2, 1, new float[] {1, 2}, new float[] {3});
        LayerParameters b = new LayerParameters(2, 1, new float[] {1, 2.5f}, new float[] {3});
        assertThat(a.maxAbsDifference(b)).isEqualTo(0.5);
        assertThat(new Parameters(List.of(a)).maxAbsDifference(new Parameters(List.of(b)))).isEqualTo(0.5);
        LayerParameters wider = new LayerParameters(2, 2, new float[4], new float[2]);
        assertThatThrownBy(() -> a.maxAbsDifference(wider)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layers differ in shape: 1 x 2 vs 2 x 2");
        assertThatThrownBy(() -> new Parameters(List.of(a)).maxAbsDifference(new Parameters(List.of(wider))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("parameters differ in shape: [2, 1] vs [2, 2]");
    }

    @Test
    void layer_badSizesOrRows_refusedWithNumbers() {
        assertThatThrownBy(() -> new LayerParameters(0, 1, new float[0], new float[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("layer sizes must be >= 1, got 1 x 0");
        assertThatThrownBy(() -> new LayerParameters(1, 0, new float[0], new float[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("layer sizes must be >= 1, got 0 x 1");
        assertThatThrownBy(() -> LayerParameters.of(new float[0][], new float[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a layer needs at least one row of weights");
        assertThatThrownBy(() -> LayerParameters.of(new float[][] {{1, 2}, {3}}, new float[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("weight rows must all have 2 values, row 1 has 1");
    }

    @Test
    void layer_oneRow_isOneOutput() {
        LayerParameters l = LayerParameters.of(new float[][] {{1, 2}}, new float[] {3});
        assertThat(l.outputs()).isEqualTo(1);
        assertThat(l.weight(0, 1)).isEqualTo(2f);
        assertThat(l.bias(0)).isEqualTo(3f);
    }

    @Test
    void layer_weightOfOutputAndInput_rowMajor() {
        LayerParameters l = LayerParameters.of(new float[][] {{1, 2, 3}, {4, 5, 6}}, new float[] {7, 8});
        assertThat(l.weight(0, 2)).isEqualTo(3f);
        assertThat(l.weight(1, 2)).isEqualTo(6f);
        assertThat(l.weightMatrix()[1]).containsExactly(4, 5, 6);
        assertThat(l.biases()).containsExactly(7, 8);
        assertThat(l.zeros().weights()).containsOnly(0f).hasSize(6);
    }

    @Test
    void toString_printsEveryWeightAndBias() {
        LayerParameters l = LayerParameters.of(new float[][] {{1, 2, 3}, {4, 5, 6}}, new float[] {7, 8});
        assertThat(l).hasToString("Linear(3 -> 2, weight=[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], bias=[7.0, 8.0])");
        assertThat(new Parameters(List.of(l))).hasToString("Parameters[" + l + "]");
    }

    @Test
    void toFlat_layerByLayerWeightsThenBiases_andFromFlatReadsItBackExactly() {
        Parameters p = new Parameters(java.util.List.of(
                new LayerParameters(2, 3, new float[] {1, 2, 3, 4, 5, 6}, new float[] {7, 8, 9}),
                new LayerParameters(3, 1, new float[] {10, 11, 12}, new float[] {13})));
        assertThat(p.toFlat()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        NetworkSpec spec = NetworkSpec.notebook().withHidden(java.util.List.of(3));
        assertThat(Parameters.fromFlat(spec, p.toFlat())).isEqualTo(p);
        Parameters initial = Parameters.initial(NetworkSpec.notebook(), 4);
        assertThat(Parameters.fromFlat(NetworkSpec.notebook(), initial.toFlat())).isEqualTo(initial);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Parameters.fromFlat(spec, new float[12]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a network of 13 parameters cannot be read from 12 values");
    }
}
