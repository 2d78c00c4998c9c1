package io.github.drawnet.tck;

import io.github.drawnet.backend.reference.ReferenceBackend;
import io.github.drawnet.backend.reference.ReferenceNetwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Feature;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The oracle itself is checked: its gradients against finite differences of its loss. */
final class ReferenceNetworkTest {

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"SIGMOID", "TANH", "LINEAR"})
    void step_sgdUpdate_equalsLearningRateTimesNumericalGradient(Activation activation) {
        NetworkSpec spec = new NetworkSpec(List.of(Feature.X1, Feature.X2, Feature.X1_TIMES_X2), List.of(3, 2),
                activation);
        Parameters p = Fixtures.randomParameters(spec, 3, 1.0);
        Dataset batch = Fixtures.randomPoints(10, 4);
        float[] x = batch.features(spec.inputs());
        float[] y = batch.labelsAsFloats();
        double lr = 1e-3;
        ReferenceNetwork net = new ReferenceNetwork(spec, p);
        net.step(x, y, new TrainingConfig(Optimizer.SGD, lr, 10, 1, 0, 0, false));
        Parameters after = net.parameters();
        // central differences of the mean loss in each parameter, in double precision
        double h = 1e-3;
        for (int l = 0; l < spec.layerCount(); l++) {
            for (int k = 0; k < p.layer(l).weights().length; k++) {
                double numerical = (loss(spec, nudge(p, l, k, h), x, y) - loss(spec, nudge(p, l, k, -h), x, y)) / (2 * h);
                double step = p.layer(l).weights()[k] - after.layer(l).weights()[k];
                assertThat(step / lr).as("layer %d weight %d", l, k).isCloseTo(numerical, within(2e-3));
            }
        }
    }

    private static double loss(NetworkSpec spec, Parameters p, float[] x, float[] y) {
        ReferenceNetwork.Pass pass = new ReferenceNetwork(spec, p).forward(x, y.length);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double z = pass.logit(i);
            s += Math.max(z, 0) - y[i] * z + Math.log1p(Math.exp(-Math.abs(z)));
        }
        return s / y.length;
    }

    private static Parameters nudge(Parameters p, int layer, int index, double h) {
        List<LayerParameters> layers = new ArrayList<>(p.layers());
        LayerParameters l = layers.get(layer);
        float[] w = l.weights();
        w[index] += (float) h;
        layers.set(layer, new LayerParameters(l.inputs(), l.outputs(), w, l.biases()));
        return new Parameters(layers);
    }
}
