package io.github.drawnet.api;

import io.github.drawnet.api.spi.Backend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.spi.AbstractModel;
import io.github.drawnet.api.spi.AbstractTrainer;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/**
 * The engine-neutral halves a backend extends, {@link AbstractModel} and {@link AbstractTrainer}:
 * what they check, when they refuse, and what they hand the engine half. Uses {@link
 * LogisticBackend} and, where the engine half's answers must be scripted, {@link ScriptedModel} and
 * {@link ScriptedTrainer}.
 */
final class SpiTest {

    static final NetworkSpec LOGISTIC = ExperimentTest.LOGISTIC;
    static final TrainingConfig CONFIG = ExperimentTest.CONFIG; // 3 epochs, batches of 10, lr 0.5, seed 4

    /** A model whose every output is {@code p}; counts its releases. */
    static final class ScriptedModel extends AbstractModel {
        final float p;
        Parameters parameters;
        int releases;

        ScriptedModel(float p) {
            super("scripted", LOGISTIC);
            this.p = p;
            this.parameters = Parameters.initial(LOGISTIC, 0);
        }

        @Override
        protected Parameters readParameters() {
            return parameters;
        }

        @Override
        protected void writeParameters(Parameters written) {
            parameters = written;
        }

        @Override
        protected ForwardPass forward(float[] features, int count, boolean withHidden) {
            float[] out = new float[count];
            Arrays.fill(out, p);
            return new ForwardPass(out, List.of());
        }

        @Override
        protected void release() {
            releases++;
        }
    }

    /** A trainer whose every epoch reports {@code totals}; records the orders it was given, counts releases. */
    static final class ScriptedTrainer extends AbstractTrainer {
        final EpochTotals totals;
        final List<int[]> orders = new ArrayList<>();
        OptimizerState written;
        int releases;

        ScriptedTrainer(Model model, Dataset train, EpochTotals totals) {
            this(model, CONFIG, train, totals);
        }

        ScriptedTrainer(Model model, TrainingConfig config, Dataset train, EpochTotals totals) {
            super(model, config, train, train);
            this.totals = totals;
        }

        @Override
        protected EpochTotals trainBatches(int[] order) {
            orders.add(order);
            return totals;
        }

        @Override
        protected OptimizerState readOptimizerState() {
            return written != null ? written : OptimizerState.fresh(config().optimizer(), model().parameters());
        }

        @Override
        protected void writeOptimizerState(OptimizerState state) {
            written = state;
        }

        @Override
        protected void release() {
            releases++;
        }
    }

    static Dataset train() {
        return ExperimentTest.halfPlane(20, 11).train();
    }

    @Test
    void model_open_givesBackendIdSpecAndParameters() {
        LogisticBackend backend = new LogisticBackend();
        Model m = backend.newModel(LOGISTIC, 7);
        assertThat(m.backendId()).isEqualTo("logistic");
        assertThat(m.spec()).isEqualTo(LOGISTIC);
        assertThat(m.isClosed()).isFalse();
        assertThat(m.parameters()).as("Backend.newModel(spec, seed) starts from Parameters.initial")
                .isEqualTo(Parameters.initial(LOGISTIC, 7));
        Parameters other = Parameters.initial(LOGISTIC, 8);
        m.setParameters(other);
        assertThat(m.parameters()).isEqualTo(other);
    }

    @Test
    void setParameters_otherShape_refusedNamingBoth() {
        Model m = new LogisticBackend().newModel(LOGISTIC, 7);
        assertThatThrownBy(() -> m.setParameters(Parameters.initial(NetworkSpec.notebook(), 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters of shape [2, 4, 1] do not fit a network of shape [2, 1]");
    }

    static Stream<Arguments> modelCalls() {
        Dataset points = Dataset.grid(2);
        return Stream.of(
                Arguments.of("parameters", (Consumer<Model>) Model::parameters),
                Arguments.of("setParameters", (Consumer<Model>) m -> m.setParameters(Parameters.initial(LOGISTIC, 1))),
                Arguments.of("forward", (Consumer<Model>) m -> m.forward(points)),
                Arguments.of("predict", (Consumer<Model>) m -> m.predict(points)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modelCalls")
    void model_closed_everyEngineCallRefusedNamingTheBackend(String name, Consumer<Model> call) {
        Model m = new LogisticBackend().newModel(LOGISTIC, 7);
        m.close();
        assertThat(m.isClosed()).isTrue();
        assertThatThrownBy(() -> call.accept(m)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this logistic model is closed");
        // what needs no engine still answers
        assertThat(m.spec()).isEqualTo(LOGISTIC);
        assertThat(m.backendId()).isEqualTo("logistic");
    }

    @Test
    void close_twice_releasesTheEngineOnce() {
        ScriptedModel m = new ScriptedModel(0.5f);
        m.close();
        m.close();
        assertThat(m.releases).isEqualTo(1);
        ScriptedTrainer t = new ScriptedTrainer(new ScriptedModel(0.5f), train(), new AbstractTrainer.EpochTotals(1, 1, 2));
        t.close();
        t.close();
        assertThat(t.releases).isEqualTo(1);
    }

    @Test
    void forward_passesTheFeaturesOfTheSpec_andPredictTheOutputOnly() {
        Model m = new LogisticBackend().newModel(LOGISTIC, 7);
        Dataset points = Dataset.grid(3);
        ForwardPass pass = m.forward(points);
        assertThat(pass.count()).isEqualTo(9);
        assertThat(m.predict(points)).containsExactly(pass.output());
        assertThat(new ScriptedModel(0.25f).predict(points)).hasSize(9).containsOnly(0.25f);
    }

    @Test
    void trainer_modelNotFromAnSpiBackend_refused() {
        Model foreign = (Model) Proxy.newProxyInstance(Model.class.getClassLoader(), new Class<?>[] {Model.class},
                (proxy, method, args) -> null);
        assertThatThrownBy(() -> new ScriptedTrainer(foreign, train(), new AbstractTrainer.EpochTotals(1, 1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("model class ")
                .hasMessageEndingWith(" is not a backend model");
    }

    @Test
    void trainer_closedModel_refused() {
        ScriptedModel m = new ScriptedModel(0.5f);
        m.close();
        assertThatThrownBy(() -> new ScriptedTrainer(m, train(), new AbstractTrainer.EpochTotals(1, 1, 2)))
                .isInstanceOf(IllegalStateException.class).hasMessage("this scripted model is closed");
    }

    @Test
    void trainer_emptyTrainingSet_refused_onePointWithBatchOfOne_accepted() {
        LogisticBackend backend = new LogisticBackend();
        Dataset none = Dataset.of(new double[0], new double[0], new double[0]);
        Dataset one = Dataset.of(new double[] {0.5}, new double[] {0.5}, new double[] {1});
        assertThatThrownBy(() -> backend.newTrainer(backend.newModel(LOGISTIC, 1), CONFIG.withBatchSize(1), none, one))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the training set is empty");
        Trainer t = backend.newTrainer(backend.newModel(LOGISTIC, 1), CONFIG.withBatchSize(1), one, one);
        assertThat(t.trainEpoch().epoch()).isEqualTo(1);
    }

    @Test
    void trainer_givesWhatItWasMadeWith() {
        ScriptedModel m = new ScriptedModel(0.5f);
        Dataset train = train();
        ScriptedTrainer t = new ScriptedTrainer(m, train, new AbstractTrainer.EpochTotals(1, 1, 2));
        assertThat(t.model()).isSameAs(m);
        assertThat(t.config()).isSameAs(CONFIG);
        assertThat(t.trainingSet()).isSameAs(train);
        assertThat(t.validationSet()).isSameAs(train);
    }

    @Test
    void trainEpoch_batchOrderOfEachEpoch_figuresFromTheTotalsAndTheValidationSet() {
        Dataset train = train();
        ScriptedTrainer t = new ScriptedTrainer(new ScriptedModel(0.75f), train, new AbstractTrainer.EpochTotals(2.0, 1, 4));
        EpochMetrics first = t.trainEpoch();
        EpochMetrics second = t.trainEpoch();
        assertThat(t.orders.get(0)).containsExactly(BatchOrder.forEpoch(4, 1, 20, true));
        assertThat(t.orders.get(1)).containsExactly(BatchOrder.forEpoch(4, 2, 20, true));
        assertThat(first.epoch()).isEqualTo(1);
        assertThat(second.epoch()).isEqualTo(2);
        assertThat(first.trainLoss()).as("loss sum over points").isEqualTo(0.5);
        assertThat(first.trainAccuracy()).as("correct over points").isEqualTo(0.25);
        Evaluation val = Evaluation.of(new ScriptedModel(0.75f).predict(train), train);
        assertThat(first.validationLoss()).isEqualTo(val.loss());
        assertThat(first.validationAccuracy()).isEqualTo(val.accuracy());
        assertThat(t.history().epochs()).containsExactly(first, second);
        assertThat(t.epochsCompleted()).isEqualTo(2);
    }

    @Test
    void epochTotals_meanLossAndAccuracyPerPoint() {
        AbstractTrainer.EpochTotals totals = new AbstractTrainer.EpochTotals(3.0, 3, 12);
        assertThat(totals.meanLoss()).isEqualTo(0.25);
        assertThat(totals.accuracy()).isEqualTo(0.25);
    }

    @Test
    void train_withoutArguments_runsTheConfiguredEpochs() {
        ScriptedTrainer t = new ScriptedTrainer(new ScriptedModel(0.75f), train(), new AbstractTrainer.EpochTotals(2, 1, 4));
        TrainingResult r = t.train();
        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.epochsRun()).isEqualTo(3);
        assertThat(r.message()).isEqualTo("trained 3 epochs");
        assertThat(r.history().size()).isEqualTo(3);
    }

    @Test
    void train_trainingLossNaN_divergedAtThatEpoch_namingTheTrainingLoss() {
        ScriptedTrainer t = new ScriptedTrainer(new ScriptedModel(0.75f), train(),
                new AbstractTrainer.EpochTotals(Double.NaN, 1, 4));
        TrainingResult r = t.train(5, TrainingListener.NONE);
        assertThat(r.stopReason()).isEqualTo(StopReason.DIVERGED);
        assertThat(r.epochsRun()).isEqualTo(1);
        assertThat(r.history().size()).isEqualTo(1);
        assertThat(r.message()).isEqualTo(
                "training stopped at epoch 1: the training loss became NaN; try a learning rate smaller than 0.5");
    }

    @Test
    void train_validationLossNaN_divergedNamingTheValidationLoss() {
        ScriptedTrainer t = new ScriptedTrainer(new ScriptedModel(Float.NaN), train(),
                new AbstractTrainer.EpochTotals(2, 1, 4));
        TrainingResult r = t.train(5, TrainingListener.NONE);
        assertThat(r.stopReason()).isEqualTo(StopReason.DIVERGED);
        assertThat(r.message()).isEqualTo(
                "training stopped at epoch 1: the validation loss became NaN; try a learning rate smaller than 0.5");
    }

    @Test
    void train_divergedEvenWhenAStopIsRequested_reportsDivergence() {
        ScriptedTrainer t = new ScriptedTrainer(new ScriptedModel(0.75f), train(),
                new AbstractTrainer.EpochTotals(Double.POSITIVE_INFINITY, 1, 4));
        assertThat(t.train(5, TrainingListener.NONE, () -> true).stopReason()).isEqualTo(StopReason.DIVERGED);
    }

    @Test
    void train_aStepLossAboveAHundredTimesTheStartingLoss_diverged_atOrBelowIt_not() {
        // every output 0.5: the starting loss is ln 2, the limit 100 ln 2 = 69.31
        ScriptedTrainer over = new ScriptedTrainer(new ScriptedModel(0.5f), train(),
                new AbstractTrainer.EpochTotals(2, 1, 4, 69.4));
        TrainingResult r = over.train(5, TrainingListener.NONE);
        assertThat(r.stopReason()).isEqualTo(StopReason.DIVERGED);
        assertThat(r.epochsRun()).isEqualTo(1);
        assertThat(r.message()).isEqualTo("training stopped at epoch 1: a training step's loss reached 69.40, more than"
                + " 100 times the 0.6931 the network started from; try a learning rate smaller than 0.5");
        ScriptedTrainer under = new ScriptedTrainer(new ScriptedModel(0.5f), train(),
                new AbstractTrainer.EpochTotals(2, 1, 4, 69.3));
        assertThat(under.train(5, TrainingListener.NONE).stopReason()).isEqualTo(StopReason.COMPLETED);
    }

    @Test
    void train_meanLossAboveTheLimit_divergedEvenWithoutAStepLoss() {
        ScriptedTrainer t = new ScriptedTrainer(new ScriptedModel(0.5f), train(),
                new AbstractTrainer.EpochTotals(4 * 70, 1, 4));
        assertThat(t.train(5, TrainingListener.NONE).message()).startsWith(
                "training stopped at epoch 1: a training step's loss reached 70.00, more than 100 times the 0.6931");
    }

    @Test
    void train_startingLossAboveLn2_limitIsAHundredTimesIt() {
        // every output 0.1 or 0.9, whichever fits the half plane's labels worse: a starting loss above 1.2
        Dataset train = train();
        float p = Evaluation.of(new ScriptedModel(0.1f).outputs(train), train).loss()
                > Evaluation.of(new ScriptedModel(0.9f).outputs(train), train).loss() ? 0.1f : 0.9f;
        double start = Evaluation.of(new ScriptedModel(p).outputs(train), train).loss();
        assertThat(start).isGreaterThan(1.2);
        ScriptedTrainer under = new ScriptedTrainer(new ScriptedModel(p), train,
                new AbstractTrainer.EpochTotals(2, 1, 4, 99 * start));
        assertThat(under.train(2, TrainingListener.NONE).stopReason()).isEqualTo(StopReason.COMPLETED);
        ScriptedTrainer over = new ScriptedTrainer(new ScriptedModel(p), train,
                new AbstractTrainer.EpochTotals(2, 1, 4, 101 * start));
        assertThat(over.train(2, TrainingListener.NONE).message()).contains(
                String.format(java.util.Locale.ROOT, "more than 100 times the %.4f the network started from", start));
    }

    @Test
    void train_aStepLossNaN_divergedNamingTheStep() {
        ScriptedTrainer t = new ScriptedTrainer(new ScriptedModel(0.5f), train(),
                new AbstractTrainer.EpochTotals(2, 1, 4, Double.NaN));
        assertThat(t.train(5, TrainingListener.NONE).message()).isEqualTo("training stopped at epoch 1: a training step's"
                + " loss became NaN; try a learning rate smaller than 0.5");
    }

    @Test
    void train_parametersNaNWithFiniteLosses_diverged_adviceNamesWeightDecayWhenSet() {
        ScriptedModel model = new ScriptedModel(0.5f);
        model.parameters = new Parameters(List.of(new LayerParameters(2, 1, new float[] {Float.NaN, 0}, new float[] {0})));
        ScriptedTrainer t = new ScriptedTrainer(model, CONFIG.withWeightDecay(1e30), train(),
                new AbstractTrainer.EpochTotals(2, 1, 4));
        TrainingResult r = t.train(5, TrainingListener.NONE);
        assertThat(r.stopReason()).isEqualTo(StopReason.DIVERGED);
        assertThat(r.message()).isEqualTo("training stopped at epoch 1: a weight or bias became NaN or infinite;"
                + " try a learning rate smaller than 0.5 or a weight decay smaller than 1.0E30");
    }

    @Test
    void train_parametersNaNWithL1Set_diverged_adviceNamesTheL1Penalty() {
        ScriptedModel model = new ScriptedModel(0.5f);
        model.parameters = new Parameters(List.of(new LayerParameters(2, 1, new float[] {Float.NaN, 0}, new float[] {0})));
        ScriptedTrainer t = new ScriptedTrainer(model, CONFIG.withL1(1e30), train(),
                new AbstractTrainer.EpochTotals(2, 1, 4));
        assertThat(t.train(5, TrainingListener.NONE).message()).isEqualTo("training stopped at epoch 1: a weight or bias"
                + " became NaN or infinite; try a learning rate smaller than 0.5 or an l1 penalty smaller than 1.0E30");
    }

    @Test
    void largestBatchMean_meansOfConsecutiveBatchesLastSmaller_nanWins() {
        float[] losses = {1, 3, 10, 20, 7};
        assertThat(AbstractTrainer.EpochTotals.largestBatchMean(losses, 2)).isEqualTo(15.0);
        assertThat(AbstractTrainer.EpochTotals.largestBatchMean(losses, 4)).isEqualTo(8.5);
        assertThat(AbstractTrainer.EpochTotals.largestBatchMean(new float[] {1, 2, 30}, 2)).isEqualTo(30.0);
        assertThat(AbstractTrainer.EpochTotals.largestBatchMean(new float[] {1, Float.NaN, 30}, 2)).isNaN();
        assertThat(new AbstractTrainer.EpochTotals(6, 1, 3).largestStepLoss()).isEqualTo(2.0);
    }

    static Stream<Arguments> trainerCalls() {
        Dataset points = Dataset.grid(2);
        return Stream.of(
                Arguments.of("trainEpoch", (Consumer<Trainer>) Trainer::trainEpoch),
                Arguments.of("evaluate", (Consumer<Trainer>) t -> t.evaluate(points)),
                Arguments.of("optimizerState", (Consumer<Trainer>) Trainer::optimizerState),
                Arguments.of("restore", (Consumer<Trainer>) t -> t.restore(History.EMPTY,
                        OptimizerState.fresh(Optimizer.ADAM, Parameters.initial(LOGISTIC, 0)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trainerCalls")
    void trainer_closed_refusedNamingTheTrainer(String name, Consumer<Trainer> call) {
        ScriptedTrainer t = new ScriptedTrainer(new ScriptedModel(0.5f), train(), new AbstractTrainer.EpochTotals(1, 1, 2));
        t.close();
        assertThatThrownBy(() -> call.accept(t)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this scripted trainer is closed");
        assertThat(t.orders).isEmpty();
        assertThat(t.written).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trainerCalls")
    void trainer_modelClosed_refusedNamingTheModel(String name, Consumer<Trainer> call) {
        ScriptedModel m = new ScriptedModel(0.5f);
        ScriptedTrainer t = new ScriptedTrainer(m, train(), new AbstractTrainer.EpochTotals(1, 1, 2));
        m.close();
        assertThatThrownBy(() -> call.accept(t)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this scripted model is closed");
        assertThat(t.orders).as("the engine half never trains a released model").isEmpty();
        assertThat(t.written).isNull();
    }

    @Test
    void restore_stateThatFits_writtenAndHistoryKept() {
        ScriptedTrainer t = new ScriptedTrainer(new ScriptedModel(0.5f), train(), new AbstractTrainer.EpochTotals(1, 1, 2));
        History two = History.EMPTY.plus(HistoryTest.epoch(1)).plus(HistoryTest.epoch(2));
        OptimizerState state = new OptimizerState(Optimizer.ADAM, 12,
                List.of(Parameters.initial(LOGISTIC, 1), Parameters.initial(LOGISTIC, 2)));
        t.restore(two, state);
        assertThat(t.written).isSameAs(state);
        assertThat(t.optimizerState()).isSameAs(state);
        assertThat(t.history()).isSameAs(two);
        assertThat(t.trainEpoch().epoch()).isEqualTo(3);
    }

    @Test
    void restore_stateOfAnotherShape_refusedNamingTheModelsShape() {
        ScriptedTrainer t = new ScriptedTrainer(new ScriptedModel(0.5f), train(), new AbstractTrainer.EpochTotals(1, 1, 2));
        OptimizerState wide = OptimizerState.fresh(Optimizer.ADAM, Parameters.initial(NetworkSpec.notebook(), 0));
        assertThatThrownBy(() -> t.restore(History.EMPTY, wide)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("optimizer state does not fit a network of shape [2, 1]");
        assertThat(t.written).isNull();
    }
}
