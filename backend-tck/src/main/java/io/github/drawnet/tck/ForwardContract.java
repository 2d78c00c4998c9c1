package io.github.drawnet.tck;

import io.github.drawnet.backend.reference.ReferenceBackend;
import io.github.drawnet.backend.reference.ReferenceNetwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Feature;
import io.github.drawnet.api.ForwardPass;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.Model;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A forward pass gives the reference's output and every hidden activation. */
public interface ForwardContract extends BackendUnderTest {

    /** The largest absolute difference allowed between engine (float32) and reference (double). */
    double FORWARD_TOLERANCE = 1e-5;

    /** Every activation with 0, 1 and 3 hidden layers, on the notebook's inputs and on all features. */
    static Stream<Arguments> forwardCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation a : Activation.values()) {
            cases.add(Arguments.of(a, List.of(), Feature.NOTEBOOK));
            cases.add(Arguments.of(a, List.of(5), Feature.NOTEBOOK));
            cases.add(Arguments.of(a, List.of(4, 3, 2), List.of(Feature.values())));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} hidden={1} inputs={2}")
    @MethodSource("io.github.drawnet.tck.ForwardContract#forwardCases")
    default void forward_givenParameters_matchesReference(Activation activation, List<Integer> hidden,
            List<Feature> inputs) {
        NetworkSpec spec = new NetworkSpec(inputs, hidden, activation);
        Parameters p = Fixtures.randomParameters(spec, 11, 2.0);
        Dataset points = Fixtures.randomPoints(300, 5);
        ReferenceNetwork.Pass expected = new ReferenceNetwork(spec, p).forward(points.features(inputs), points.size());
        try (Model model = backend().newModel(spec, p)) {
            ForwardPass pass = model.forward(points);
            assertThat(pass.count()).isEqualTo(points.size());
            assertThat(pass.hidden()).hasSize(hidden.size());
            for (int i = 0; i < points.size(); i++) {
                assertThat((double) pass.output()[i]).as("output at point %d", i)
                        .isCloseTo(expected.output(i), within(FORWARD_TOLERANCE));
                for (int l = 0; l < hidden.size(); l++) {
                    assertThat(pass.hidden().get(l).units()).isEqualTo(hidden.get(l));
                    for (int u = 0; u < hidden.get(l); u++) {
                        assertThat((double) pass.hidden().get(l).value(i, u))
                                .as("layer %d unit %d at point %d", l, u, i)
                                .isCloseTo(expected.hidden(l, i, u), within(FORWARD_TOLERANCE));
                    }
                }
            }
            float[] predicted = model.predict(points);
            ForwardPass outputs = model.outputs(points);
            for (int i = 0; i < points.size(); i++) {
                assertThat(predicted[i]).isEqualTo(pass.output()[i]);
                assertThat(outputs.output()[i]).isEqualTo(pass.output()[i]);
                assertThat((double) pass.logits()[i]).as("logit at point %d", i)
                        .isCloseTo(expected.logit(i), within(FORWARD_TOLERANCE * Math.max(1, Math.abs(expected.logit(i)))));
                assertThat(outputs.logits()[i]).isEqualTo(pass.logits()[i]);
            }
        }
    }

    /** The logits come from the engine, not from the saturated probabilities: the loss stays exact. */
    @Test
    default void forward_saturatedOutput_logitsStillExact() {
        NetworkSpec spec = new NetworkSpec(Feature.NOTEBOOK, List.of(), Activation.LINEAR);
        Parameters p = new Parameters(List.of(new io.github.drawnet.api.LayerParameters(2, 1, new float[] {40, 40},
                new float[] {20})));
        Dataset points = Fixtures.randomPoints(20, 3);
        ReferenceNetwork.Pass expected = new ReferenceNetwork(spec, p).forward(points.features(spec.inputs()),
                points.size());
        try (Model model = backend().newModel(spec, p)) {
            ForwardPass pass = model.outputs(points);
            for (int i = 0; i < points.size(); i++) {
                assertThat(pass.output()[i]).isEqualTo(1f);
                assertThat((double) pass.logits()[i]).isCloseTo(expected.logit(i), within(1e-4));
                assertThat((double) pass.logits()[i]).isGreaterThan(20);
            }
        }
    }

    @Test
    default void forward_knownParameters_matchValuesComputedByHand() {
        // h = sigmoid([[1, -1], [0.5, 2]] x + [0, -1]); p = sigmoid([2, -3] h + 0.5)
        Parameters p = new Parameters(List.of(
                LayerParameters.of(new float[][] {{1f, -1f}, {0.5f, 2f}}, new float[] {0f, -1f}),
                LayerParameters.of(new float[][] {{2f, -3f}}, new float[] {0.5f})));
        NetworkSpec spec = NetworkSpec.notebook().withHidden(List.of(2));
        Dataset points = Dataset.points(new double[] {0.25, 1.0}, new double[] {0.75, 0.0});
        try (Model model = backend().newModel(spec, p)) {
            ForwardPass pass = model.forward(points);
            // at (0.25, 0.75): h = (sigmoid(-0.5), sigmoid(0.625)), z = -0.69898326
            assertThat((double) pass.hidden().get(0).value(0, 0)).isCloseTo(0.3775406688, within(1e-6));
            assertThat((double) pass.hidden().get(0).value(0, 1)).isCloseTo(0.6513548647, within(1e-6));
            assertThat((double) pass.output()[0]).isCloseTo(0.3320376915, within(1e-6));
            // at (1, 0): h = (sigmoid(1), sigmoid(-0.5)), z = 0.82949515
            assertThat((double) pass.hidden().get(0).value(1, 0)).isCloseTo(0.7310585786, within(1e-6));
            assertThat((double) pass.hidden().get(0).value(1, 1)).isCloseTo(0.3775406688, within(1e-6));
            assertThat((double) pass.output()[1]).isCloseTo(0.6962481715, within(1e-6));
        }
        try (Model model = backend().newModel(spec.withActivation(Activation.RELU), p)) {
            ForwardPass pass = model.forward(points);
            // relu: at (0.25, 0.75) h = (0, 0.625), z = -1.375; at (1, 0) h = (1, 0), z = 2.5
            assertThat((double) pass.hidden().get(0).value(0, 0)).isEqualTo(0.0);
            assertThat((double) pass.output()[0]).isCloseTo(0.2018132223, within(1e-6));
            assertThat((double) pass.output()[1]).isCloseTo(0.9241418200, within(1e-6));
        }
    }

    @Test
    default void forward_grid256_givesEveryUnitAtEveryPoint() {
        NetworkSpec spec = NetworkSpec.notebook().withHidden(List.of(4, 3));
        try (Model model = backend().newModel(spec, 3)) {
            ForwardPass pass = model.forward(Dataset.grid(256));
            assertThat(pass.count()).isEqualTo(65536);
            assertThat(pass.hidden()).extracting(l -> l.units()).containsExactly(4, 3);
            assertThat(pass.hidden().get(1).count()).isEqualTo(65536);
        }
    }
}
