package io.github.drawnet.tck;

import io.github.drawnet.api.TrainingListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.Evaluation;
import io.github.drawnet.api.Feature;
import io.github.drawnet.api.ForwardPass;
import io.github.drawnet.api.History;
import io.github.drawnet.api.Model;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.OptimizerState;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.Trainer;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.backend.reference.ReferenceNetwork;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Networks of {@code K > 2} classes: {@code K} outputs with a softmax, trained with the cross-entropy
 * of the softmax (PyTorch's {@code CrossEntropyLoss}), agree with the reference network as the
 * two-class ones do: the forward pass within {@value ForwardContract#FORWARD_TOLERANCE}, one step
 * within {@value TrainingContract#STEP_TOLERANCE}, the same history from the same seed, and a
 * continued run equal to one trained straight through.
 */
public interface MultiClassContract extends BackendUnderTest {

    /** Three and five classes, shallow and deep, every activation once. */
    static Stream<Arguments> forwardCases() {
        return Stream.of(
                Arguments.of(3, Activation.SIGMOID, List.of(5)),
                Arguments.of(4, Activation.TANH, List.of(4, 3)),
                Arguments.of(5, Activation.RELU, List.of(6)),
                Arguments.of(8, Activation.LINEAR, List.of()));
    }

    @ParameterizedTest(name = "K={0} {1} hidden={2}")
    @MethodSource("io.github.drawnet.tck.MultiClassContract#forwardCases")
    default void forward_kClasses_matchesReferenceSoftmax(int classes, Activation activation, List<Integer> hidden) {
        NetworkSpec spec = new NetworkSpec(Feature.NOTEBOOK, hidden, activation, classes);
        Parameters p = Fixtures.randomParameters(spec, 13, 2.0);
        Dataset points = Fixtures.randomClassPoints(300, classes, 6);
        ReferenceNetwork.Pass expected = new ReferenceNetwork(spec, p).forward(points.features(spec.inputs()),
                points.size());
        try (Model model = backend().newModel(spec, p)) {
            ForwardPass pass = model.forward(points);
            assertThat(pass.width()).isEqualTo(classes);
            assertThat(pass.count()).isEqualTo(points.size());
            assertThat(pass.hidden()).hasSize(hidden.size());
            ForwardPass outputs = model.outputs(points);
            float[] predicted = model.predict(points);
            assertThat(predicted).hasSize(points.size() * classes);
            for (int i = 0; i < points.size(); i++) {
                double sum = 0;
                for (int k = 0; k < classes; k++) {
                    int at = i * classes + k;
                    assertThat((double) pass.output()[at]).as("p(class %d) at point %d", k, i)
                            .isCloseTo(expected.output(i, k), within(ForwardContract.FORWARD_TOLERANCE));
                    assertThat((double) pass.logits()[at]).as("logit %d at point %d", k, i)
                            .isCloseTo(expected.logit(i, k), within(ForwardContract.FORWARD_TOLERANCE
                                    * Math.max(1, Math.abs(expected.logit(i, k)))));
                    assertThat(outputs.output()[at]).isEqualTo(pass.output()[at]);
                    assertThat(predicted[at]).isEqualTo(pass.output()[at]);
                    sum += pass.output()[at];
                }
                assertThat(sum).as("probabilities of point %d", i).isCloseTo(1.0, within(1e-5));
            }
        }
    }

    /** One step of each optimizer, with and without weight decay. */
    static Stream<Arguments> stepCases() {
        return Stream.of(
                Arguments.of(3, Optimizer.ADAM, 0.01, 0.0, List.of(4), Activation.SIGMOID),
                Arguments.of(4, Optimizer.SGD, 0.5, 0.0, List.of(5, 3), Activation.TANH),
                Arguments.of(5, Optimizer.ADAM, 0.05, 0.01, List.of(6), Activation.RELU),
                Arguments.of(3, Optimizer.SGD, 0.1, 0.01, List.of(), Activation.LINEAR));
    }

    @ParameterizedTest(name = "K={0} {1} lr={2} wd={3} hidden={4} {5}")
    @MethodSource("io.github.drawnet.tck.MultiClassContract#stepCases")
    default void trainEpoch_oneBatchOfKClasses_matchesReferenceUpdate(int classes, Optimizer optimizer, double lr,
            double weightDecay, List<Integer> hidden, Activation activation) {
        oneBatchOfKClasses(classes, new TrainingConfig(optimizer, lr, 24, 1, weightDecay, 0, false), hidden,
                activation);
    }

    /** One step of each optimizer with the L1 penalty, on K classes: the softmax output shares the update. */
    static Stream<Arguments> l1StepCases() {
        return Stream.of(
                Arguments.of(4, Optimizer.ADAM, 0.05, 0.0, 0.05, List.of(5), Activation.TANH),
                Arguments.of(3, Optimizer.SGD, 0.5, 0.01, 0.02, List.of(4, 3), Activation.SIGMOID));
    }

    @ParameterizedTest(name = "K={0} {1} lr={2} wd={3} l1={4} hidden={5} {6}")
    @MethodSource("io.github.drawnet.tck.MultiClassContract#l1StepCases")
    default void trainEpoch_oneBatchOfKClassesWithL1_matchesReferenceUpdate(int classes, Optimizer optimizer,
            double lr, double weightDecay, double l1, List<Integer> hidden, Activation activation) {
        oneBatchOfKClasses(classes, TrainingContract.stepConfig(optimizer, lr, weightDecay, l1), hidden, activation);
    }

    private void oneBatchOfKClasses(int classes, TrainingConfig config, List<Integer> hidden, Activation activation) {
        Optimizer optimizer = config.optimizer();
        NetworkSpec spec = new NetworkSpec(Feature.NOTEBOOK, hidden, activation, classes);
        Parameters initial = Fixtures.randomParameters(spec, 22, 1.0);
        Dataset batch = Fixtures.randomClassPoints(24, classes, 9);
        ReferenceNetwork reference = new ReferenceNetwork(spec, initial);
        ReferenceNetwork.StepResult expected = reference.step(batch.features(spec.inputs()), batch.labelsAsFloats(),
                config);
        try (Model model = backend().newModel(spec, initial);
                Trainer trainer = backend().newTrainer(model, config, batch, batch)) {
            EpochMetrics m = trainer.trainEpoch();
            assertThat(m.trainLoss()).isCloseTo(expected.loss(), within(1e-5));
            assertThat(m.trainAccuracy()).isCloseTo(expected.correct() / 24.0, within(1e-9));
            assertThat(model.parameters().maxAbsDifference(reference.parameters()))
                    .isLessThan(TrainingContract.STEP_TOLERANCE);
            assertThat(model.parameters()).isNotEqualTo(initial);
            OptimizerState state = trainer.optimizerState();
            OptimizerState expectedState = reference.optimizerState(optimizer);
            for (int s = 0; s < state.slots().size(); s++) {
                assertThat(state.slots().get(s).maxAbsDifference(expectedState.slots().get(s)))
                        .as("optimizer slot %d", s).isLessThan(TrainingContract.STEP_TOLERANCE);
            }
            // the validation loss is the engine's own cross-entropy of the softmax, evaluated in Java
            Evaluation val = trainer.evaluate(batch);
            double sum = 0;
            ForwardPass after = model.outputs(batch);
            for (int i = 0; i < batch.size(); i++) {
                sum += Evaluation.crossEntropyOfLogits(after.logits(), i * classes, classes, batch.classOf(i));
            }
            assertThat(val.loss()).isCloseTo(sum / batch.size(), within(1e-9));
            assertThat(val.confusion().classes()).isEqualTo(classes);
        }
    }

    @Test
    default void train_threeEpochsOfFourClasses_tracksReference() {
        NetworkSpec spec = new NetworkSpec(Feature.NOTEBOOK, List.of(8), Activation.SIGMOID, 4);
        Dataset train = Fixtures.sectors(250, 4, 3);
        Dataset validation = Fixtures.sectors(100, 4, 4);
        TrainingConfig config = TrainingConfig.notebook().withEpochs(3).withSeed(4);
        Parameters initial = Parameters.initial(spec, 4);
        ReferenceNetwork reference = new ReferenceNetwork(spec, initial);
        Fixtures.trainReference(reference, train, config, 3);
        try (Model model = backend().newModel(spec, initial);
                Trainer trainer = backend().newTrainer(model, config, train, validation)) {
            trainer.train(3, TrainingListener.NONE);
            assertThat(model.parameters().maxAbsDifference(reference.parameters()))
                    .isLessThan(TrainingContract.STEP_TOLERANCE);
        }
    }

    @Test
    default void train_kClassesSameSeedTwice_sameHistory_andContinueEqualsStraight() {
        NetworkSpec spec = new NetworkSpec(Feature.NOTEBOOK, List.of(6), Activation.SIGMOID, 3);
        Dataset train = Fixtures.sectors(300, 3, 7);
        Dataset validation = Fixtures.sectors(100, 3, 8);
        TrainingConfig config = TrainingConfig.notebook().withEpochs(3).withSeed(5);
        History straightHistory;
        Parameters straight;
        try (Model model = backend().newModel(spec, config.seed());
                Trainer trainer = backend().newTrainer(model, config, train, validation)) {
            straightHistory = trainer.train().history();
            straight = model.parameters();
        }
        try (Model model = backend().newModel(spec, config.seed());
                Trainer trainer = backend().newTrainer(model, config, train, validation)) {
            assertThat(trainer.train().history()).isEqualTo(straightHistory);
            assertThat(model.parameters()).isEqualTo(straight);
        }
        Parameters saved;
        OptimizerState state;
        History history;
        try (Model model = backend().newModel(spec, config.seed());
                Trainer trainer = backend().newTrainer(model, config, train, validation)) {
            trainer.train(2, TrainingListener.NONE);
            saved = model.parameters();
            state = trainer.optimizerState();
            history = trainer.history();
        }
        try (Model model = backend().newModel(spec, saved);
                Trainer trainer = backend().newTrainer(model, config, train, validation)) {
            trainer.restore(history, state);
            EpochMetrics third = trainer.trainEpoch();
            assertThat(third.epoch()).isEqualTo(3);
            assertThat(model.parameters().maxAbsDifference(straight)).isLessThan(1e-6);
            assertThat(third.validationAccuracy()).isEqualTo(straightHistory.last().validationAccuracy());
        }
    }

    /** Four classes around the centre, learned by a network of 16 hidden units: well over chance (25%). */
    @Test
    default void train_fourSectors_learnsThem() {
        NetworkSpec spec = new NetworkSpec(Feature.NOTEBOOK, List.of(16), Activation.SIGMOID, 4);
        Dataset train = Fixtures.sectors(3000, 4, 11);
        Dataset test = Fixtures.sectors(1000, 4, 12);
        TrainingConfig config = TrainingConfig.notebook().withEpochs(60).withSeed(1);
        try (Model model = backend().newModel(spec, config.seed());
                Trainer trainer = backend().newTrainer(model, config, train, test)) {
            trainer.train();
            Evaluation e = trainer.evaluate(test);
            assertThat(e.accuracy()).as("test accuracy").isGreaterThan(0.9);
            for (int k = 0; k < 4; k++) {
                assertThat(e.classAccuracies()[k]).as("accuracy of class %d", k).isGreaterThan(0.75);
            }
            int[] predicted = model.outputs(test).predictedClasses();
            long right = 0;
            for (int i = 0; i < test.size(); i++) {
                right += predicted[i] == test.classOf(i) ? 1 : 0;
            }
            assertThat(right / (double) test.size()).isEqualTo(e.accuracy());
        }
    }
}
