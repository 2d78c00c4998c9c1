package io.github.drawnet.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.Feature;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.OptimizerState;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.backend.reference.ReferenceNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The oracle's optimizers against worked examples: a 2-2-1 tanh network, its parameters and a batch
 * of three points written here, a few steps of Adam and of SGD with weight decay, and the expected
 * parameters, losses and Adam moments after each step written as literals. The numbers come from
 * {@code src/test/resources/io/github/drawnet/tck/optimizer_worked_examples.py}, plain Python that
 * implements {@code torch.optim.Adam}'s and {@code torch.optim.SGD}'s documented updates (betas 0.9
 * and 0.999, eps 1e-8, bias correction, {@code grad += weight_decay * param} on every parameter) and
 * binary cross-entropy with logits, without the Java code; run it with {@code python3} to see them.
 * Values are listed in the Java layout: layer by layer, weights row-major, then biases.
 *
 * <p>The contract compares every backend with this network, so a fault here would pass the contract
 * everywhere; these examples are what pins it.
 */
final class ReferenceOptimizerTest {

    private static final NetworkSpec SPEC = new NetworkSpec(Feature.NOTEBOOK, List.of(2), Activation.TANH);
    private static final float[] X = {0.25f, 0.75f, 1.0f, 0.5f, 0.5f, 0.0f};
    private static final float[] Y = {1, 0, 1};
    private static final TrainingConfig ADAM = new TrainingConfig(Optimizer.ADAM, 0.05, 3, 1, 0.1, 0, false);
    private static final TrainingConfig SGD = new TrainingConfig(Optimizer.SGD, 0.5, 3, 1, 0.1, 0, false);

    /** The start of every worked example: W1, b1, W2, b2 exactly representable as floats. */
    private static Parameters start() {
        return new Parameters(List.of(
                LayerParameters.of(new float[][] {{0.5f, -0.25f}, {0.75f, 0.125f}}, new float[] {0.125f, -0.5f}),
                LayerParameters.of(new float[][] {{1.0f, -0.75f}}, new float[] {0.25f})));
    }

    /** Losses of the batch before each Adam step (the same before the first SGD step). */
    private static final double[] ADAM_LOSS = {0.617157668770, 0.599041481152, 0.589418361223};

    private static final double[][] ADAM_PARAMETERS = {
        {0.4500000038, -0.2000000127, 0.7999997366, 0.0750000462, 0.1749999898, -0.4500000286, 0.9500000034,
            -0.7999999826, 0.2999999292},
        {0.4001558954, -0.1509817446, 0.7750290836, 0.0278011426, 0.2238164145, -0.4061689039, 0.9001655342,
            -0.8495490545, 0.3080273005},
        {0.3505960472, -0.1038140787, 0.7634890090, -0.0027860845, 0.2704664134, -0.3688966979, 0.8506167224,
            -0.8961935700, 0.2897331236}};

    private static final double[] ADAM_FIRST_MOMENT_AFTER_3 = {3.270786585915e-02, -7.791771090543e-03,
        2.266747571085e-04, 1.195813934553e-03, -9.349732225800e-03, -2.172883187027e-03, 3.645201845553e-02,
        5.769068397612e-03, 6.823928450194e-04};

    private static final double[] ADAM_SECOND_MOMENT_AFTER_3 = {4.443577145396e-05, 2.784015370676e-06,
        3.936180471508e-08, 1.559315935672e-07, 4.098105651596e-06, 3.467289222173e-07, 5.521599788383e-05,
        1.560623482581e-06, 1.419483120469e-07};

    private static final double[] SGD_LOSS = {0.617157668770, 0.605715463744};

    private static final double[][] SGD_PARAMETERS = {
        {0.4338704136, -0.2302897424, 0.7509491254, 0.1195863175, 0.1494688098, -0.4912494889, 0.9261169269,
            -0.7643662207, 0.2535325324},
        {0.3742265040, -0.2129205574, 0.7501257884, 0.1137832641, 0.1705778124, -0.4859032412, 0.8610627586,
            -0.7770801856, 0.2599369988}};

    /** Parameters are read back as floats: rounding costs at most 6e-8 at these magnitudes. */
    private static final double PARAMETER_TOLERANCE = 1e-6;

    @Test
    void step_adamWithWeightDecay_matchesWorkedExampleForThreeSteps() {
        ReferenceNetwork net = new ReferenceNetwork(SPEC, start());
        for (int t = 0; t < 3; t++) {
            ReferenceNetwork.StepResult r = net.step(X, Y, ADAM);
            assertThat(r.loss()).as("loss before step %d", t + 1).isCloseTo(ADAM_LOSS[t], within(1e-11));
            assertThat(r.correct()).as("correct before step %d", t + 1).isEqualTo(2);
            assertValues(net.parameters(), ADAM_PARAMETERS[t], "after step " + (t + 1));
        }
        OptimizerState state = net.optimizerState(Optimizer.ADAM);
        assertThat(state.optimizer()).isEqualTo(Optimizer.ADAM);
        assertThat(state.step()).isEqualTo(3);
        assertRelative(state.slots().get(0), ADAM_FIRST_MOMENT_AFTER_3, "first moment");
        assertRelative(state.slots().get(1), ADAM_SECOND_MOMENT_AFTER_3, "second moment");
    }

    @Test
    void step_sgdWithWeightDecay_matchesWorkedExampleForTwoSteps() {
        ReferenceNetwork net = new ReferenceNetwork(SPEC, start());
        for (int t = 0; t < 2; t++) {
            ReferenceNetwork.StepResult r = net.step(X, Y, SGD);
            assertThat(r.loss()).as("loss before step %d", t + 1).isCloseTo(SGD_LOSS[t], within(1e-11));
            assertValues(net.parameters(), SGD_PARAMETERS[t], "after step " + (t + 1));
        }
        assertThat(net.optimizerState(Optimizer.SGD)).isEqualTo(new OptimizerState(Optimizer.SGD, 2, List.of()));
    }

    /**
     * Adam's eps at work: x2 is 0 at both points, so w2's gradient is its weight decay alone, 0.01 ·
     * 2^-27 ≈ 7.45e-11, far below eps. Adam moves it by {@code lr · g / (|g| + eps)} ≈ 7.4e-4, not by
     * the learning rate (which an eps of 0 would give) and not the wrong way (a negative eps). Third
     * case of the Python script.
     */
    @Test
    void step_adamGradientFarBelowEpsilon_movesByLearningRateTimesGradientOverEpsilon() {
        NetworkSpec linear = new NetworkSpec(Feature.NOTEBOOK, List.of(), Activation.LINEAR);
        Parameters p = new Parameters(List.of(
                LayerParameters.of(new float[][] {{0.5f, (float) Math.scalb(1.0, -27)}}, new float[] {0f})));
        ReferenceNetwork net = new ReferenceNetwork(linear, p);
        ReferenceNetwork.StepResult r = net.step(new float[] {0.25f, 0f, 0.75f, 0f}, new float[] {1, 0},
                new TrainingConfig(Optimizer.ADAM, 0.1, 2, 1, 0.01, 0, false));
        assertThat(r.loss()).isCloseTo(0.765361149729, within(1e-11));
        assertThat(r.correct()).isEqualTo(1);
        assertValues(net.parameters(), new double[] {0.4000000059, -0.0007395405, -0.0999999839}, "after one step");
    }

    @Test
    void setOptimizerState_adamStateOfAnotherNetwork_readBackAndContinuesTheWorkedExample() {
        ReferenceNetwork original = new ReferenceNetwork(SPEC, start());
        original.step(X, Y, ADAM);
        original.step(X, Y, ADAM);
        OptimizerState saved = original.optimizerState(Optimizer.ADAM);
        assertThat(saved.step()).isEqualTo(2);
        assertThat(saved.fits(original.parameters())).isTrue();

        ReferenceNetwork restored = new ReferenceNetwork(SPEC, original.parameters());
        assertThat(restored.spec()).isEqualTo(SPEC);
        restored.setOptimizerState(saved);
        assertThat(restored.optimizerState(Optimizer.ADAM)).isEqualTo(saved);
        restored.step(X, Y, ADAM);
        // moments and step count carried over: the third step lands where the uninterrupted one does
        assertValues(restored.parameters(), ADAM_PARAMETERS[2], "restored, after step 3");
        assertThat(restored.optimizerState(Optimizer.ADAM).step()).isEqualTo(3);

        // without the state, the same parameters take another step: the example tells the two apart
        ReferenceNetwork forgetful = new ReferenceNetwork(SPEC, original.parameters());
        forgetful.step(X, Y, ADAM);
        assertThat(forgetful.parameters().maxAbsDifference(restored.parameters())).isGreaterThan(1e-3);
    }

    @Test
    void setOptimizerState_sgdStateAfterAdamSteps_readBackWithNoMomentsLeft() {
        ReferenceNetwork net = new ReferenceNetwork(SPEC, start());
        net.step(X, Y, ADAM);
        assertThat(net.optimizerState(Optimizer.ADAM).slots().get(0)).isNotEqualTo(net.parameters().zeros());

        OptimizerState sgd = new OptimizerState(Optimizer.SGD, 5, List.of());
        net.setOptimizerState(sgd);
        assertThat(net.optimizerState(Optimizer.SGD)).isEqualTo(sgd);
        // restoring replaces the whole state: nothing of the Adam run before it survives
        assertThat(net.optimizerState(Optimizer.ADAM).slots()).containsOnly(net.parameters().zeros());
        net.step(X, Y, SGD);
        assertThat(net.optimizerState(Optimizer.SGD).step()).isEqualTo(6);
    }

    @Test
    void resetOptimizer_afterAdamSteps_nextStepIsAFirstStepAgain() {
        ReferenceNetwork net = new ReferenceNetwork(SPEC, start());
        net.step(X, Y, ADAM);
        Parameters afterOne = net.parameters();
        net.resetOptimizer();
        assertThat(net.optimizerState(Optimizer.ADAM)).isEqualTo(OptimizerState.fresh(Optimizer.ADAM, afterOne));
        net.step(X, Y, ADAM);
        ReferenceNetwork fresh = new ReferenceNetwork(SPEC, afterOne);
        fresh.step(X, Y, ADAM);
        assertThat(net.parameters().maxAbsDifference(fresh.parameters())).isLessThan(PARAMETER_TOLERANCE);
    }

    /** Asserts parameters in the Java layout: per layer, weights row-major, then biases. */
    private static void assertValues(Parameters actual, double[] expected, String when) {
        double[] values = flatten(actual);
        assertThat(values).as("parameter count").hasSameSizeAs(expected);
        for (int k = 0; k < expected.length; k++) {
            assertThat(values[k]).as("parameter %d %s", k, when).isCloseTo(expected[k], within(PARAMETER_TOLERANCE));
        }
    }

    /** Moments span six orders of magnitude: checked relative to their size, as floats hold them. */
    private static void assertRelative(Parameters actual, double[] expected, String what) {
        double[] values = flatten(actual);
        assertThat(values).as("%s count", what).hasSameSizeAs(expected);
        for (int k = 0; k < expected.length; k++) {
            assertThat(values[k]).as("%s %d", what, k).isCloseTo(expected[k], withinPercentage(1e-4));
        }
    }

    private static double[] flatten(Parameters p) {
        double[] out = new double[p.count()];
        int k = 0;
        for (LayerParameters layer : p.layers()) {
            for (float w : layer.weights()) {
                out[k++] = w;
            }
            for (float b : layer.biases()) {
                out[k++] = b;
            }
        }
        return out;
    }
}
