package io.github.drawnet.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Feature;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.backend.reference.ReferenceNetwork;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract's one-step cases with the L1 penalty have teeth, and the oracle's L1 is what it says.
 * For each case the step is worked out here from the data's gradient alone (the reference's SGD step
 * at learning rate 1 without penalties: {@code grad = θ - θ'}), with PyTorch's update rules: {@code g =
 * grad + wd θ + k l1 sign(θ)}, then SGD {@code θ - lr g} or Adam's first step {@code θ - lr g / (|g| +
 * eps)}. With k = 1 that is the reference's step (so its L1 is right: sign, factor, biases included);
 * with a planted fault, k = 0 (L1 missing), 2 (factor doubled) or -1 (wrong sign), it misses the
 * reference by at least ten times the contract's bound, so a backend with that fault fails the
 * contract.
 */
final class L1StepCasesTest {

    static Stream<Arguments> cases() {
        Stream<Arguments> twoClasses = TrainingContract.stepCases().map(Arguments::get)
                .filter(a -> (double) a[3] > 0)
                .map(a -> Arguments.of(2, a[0], a[1], a[2], a[3], a[4], a[5]));
        return Stream.concat(twoClasses, MultiClassContract.l1StepCases());
    }

    @ParameterizedTest(name = "K={0} {1} lr={2} wd={3} l1={4} hidden={5} {6}")
    @MethodSource("cases")
    void step_workedFromTheGradient_referenceMatchesAndPlantedFaultsMissByFar(int classes, Optimizer optimizer,
            double lr, double weightDecay, double l1, List<Integer> hidden, Activation activation) {
        NetworkSpec spec = new NetworkSpec(Feature.NOTEBOOK, hidden, activation, classes);
        // the same initial parameters and batch as the contract's cases
        Parameters initial = Fixtures.randomParameters(spec, classes == 2 ? 21 : 22, 1.0);
        Dataset batch = classes == 2 ? Fixtures.randomPoints(24, 8) : Fixtures.randomClassPoints(24, classes, 9);
        float[] x = batch.features(spec.inputs());
        float[] y = batch.labelsAsFloats();

        ReferenceNetwork plain = new ReferenceNetwork(spec, initial);
        plain.step(x, y, new TrainingConfig(Optimizer.SGD, 1.0, 24, 1, 0.0, 0, false));
        float[] theta = initial.toFlat();
        float[] after = plain.parameters().toFlat();
        ReferenceNetwork reference = new ReferenceNetwork(spec, initial);
        reference.step(x, y, TrainingContract.stepConfig(optimizer, lr, weightDecay, l1));
        Parameters expected = reference.parameters();

        assertThat(worked(spec, theta, after, optimizer, lr, weightDecay, l1).maxAbsDifference(expected))
                .as("the reference's step against the worked one").isLessThan(1e-5);
        for (double k : new double[] {0, 2, -1}) {
            assertThat(worked(spec, theta, after, optimizer, lr, weightDecay, k * l1).maxAbsDifference(expected))
                    .as("planted fault: %s x l1", k).isGreaterThan(10 * TrainingContract.STEP_TOLERANCE);
        }
    }

    private static Parameters worked(NetworkSpec spec, float[] theta, float[] after, Optimizer optimizer, double lr,
            double weightDecay, double l1) {
        float[] out = new float[theta.length];
        for (int i = 0; i < theta.length; i++) {
            double grad = (double) theta[i] - after[i];
            double g = grad + weightDecay * theta[i] + l1 * Math.signum(theta[i]);
            double step = switch (optimizer) {
                case SGD -> lr * g;
                case ADAM -> lr * g / (Math.abs(g) + Optimizer.ADAM_EPSILON);
            };
            out[i] = (float) (theta[i] - step);
        }
        return Parameters.fromFlat(spec, out);
    }
}
