package io.github.drawnet.api.spi;

import io.github.drawnet.api.BatchOrder;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.EpochListener;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.Evaluation;
import io.github.drawnet.api.History;
import io.github.drawnet.api.Model;
import io.github.drawnet.api.OptimizerState;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.api.Trainer;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.api.TrainingResult;
import io.github.drawnet.api.internal.Checks;

import java.util.Locale;
import java.util.Objects;

/**
 * The engine-neutral half of a {@link Trainer}, for backend implementors: the epoch loop, batch
 * order, history, listener, divergence check and validation. A backend supplies one epoch of
 * optimizer steps and the optimizer's state.
 */
public abstract class AbstractTrainer implements Trainer {

    private final AbstractModel model;
    private final TrainingConfig config;
    private final Dataset train;
    private final Dataset validation;
    private History history = History.EMPTY;
    private boolean closed;

    /**
     * Creates the trainer's engine-neutral half.
     *
     * @throws IllegalArgumentException when the batch size exceeds the training set, or the model
     *     is not an {@link AbstractModel}
     */
    protected AbstractTrainer(Model model, TrainingConfig config, Dataset train, Dataset validation) {
        Objects.requireNonNull(model, "model");
        Checks.argument(model instanceof AbstractModel, "model %s is not a backend model", model.getClass());
        this.model = (AbstractModel) model;
        this.model.ensureOpen();
        this.config = Objects.requireNonNull(config, "config");
        this.train = Objects.requireNonNull(train, "train");
        this.validation = Objects.requireNonNull(validation, "validation");
        Checks.argument(train.size() >= 1, "the training set is empty");
        Checks.inRange("batch size", config.batchSize(), 1, train.size());
    }

    @Override
    public final Model model() {
        return model;
    }

    @Override
    public final TrainingConfig config() {
        return config;
    }

    /** Returns the training set. */
    public final Dataset trainingSet() {
        return train;
    }

    /** Returns the validation set. */
    public final Dataset validationSet() {
        return validation;
    }

    @Override
    public final int epochsCompleted() {
        return history.size();
    }

    @Override
    public final History history() {
        return history;
    }

    @Override
    public final EpochMetrics trainEpoch() {
        ensureOpen();
        int epoch = history.size() + 1;
        EpochTotals totals = trainBatches(BatchOrder.forEpoch(config, epoch, train.size()));
        Evaluation val = evaluate(validation);
        EpochMetrics metrics = new EpochMetrics(epoch, totals.meanLoss(), totals.accuracy(), val.loss(), val.accuracy());
        history = history.plus(metrics);
        return metrics;
    }

    @Override
    public Evaluation evaluate(Dataset data) {
        ensureOpen();
        return Evaluation.of(model.predict(data), data);
    }

    @Override
    public final TrainingResult train(int epochs, EpochListener listener) {
        Checks.inRange("epochs", epochs, 1, TrainingConfig.MAX_EPOCHS);
        Objects.requireNonNull(listener, "listener");
        int last = history.size() + epochs;
        for (int i = 1; i <= epochs; i++) {
            EpochMetrics m = trainEpoch();
            boolean goOn = listener.onEpoch(m, last);
            if (!m.isFinite()) {
                String which = Double.isFinite(m.trainLoss()) ? "validation" : "training";
                double bad = Double.isFinite(m.trainLoss()) ? m.validationLoss() : m.trainLoss();
                return new TrainingResult(history, i, StopReason.DIVERGED, String.format(Locale.ROOT,
                        "training stopped at epoch %d: the %s loss became %s; try a learning rate smaller than %s",
                        m.epoch(), which, bad, config.learningRate()));
            }
            if (!goOn) {
                return new TrainingResult(history, i, StopReason.STOPPED,
                        String.format(Locale.ROOT, "training stopped at epoch %d on request", m.epoch()));
            }
        }
        return new TrainingResult(history, epochs, StopReason.COMPLETED,
                String.format(Locale.ROOT, "trained %d epochs", epochs));
    }

    @Override
    public final OptimizerState optimizerState() {
        ensureOpen();
        return readOptimizerState();
    }

    @Override
    public final void restore(History restored, OptimizerState state) {
        ensureOpen();
        Objects.requireNonNull(restored, "history");
        Objects.requireNonNull(state, "state");
        Checks.argument(state.optimizer() == config.optimizer(), "cannot restore %s state into a %s trainer",
                state.optimizer(), config.optimizer());
        Parameters shape = model.parameters();
        Checks.argument(state.fits(shape), "optimizer state does not fit a network of shape %s", shape.shape());
        writeOptimizerState(state);
        history = restored;
    }

    @Override
    public final synchronized void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }

    /**
     * Throws when the trainer or its model is closed.
     *
     * @throws IllegalStateException saying which
     */
    protected final void ensureOpen() {
        Checks.state(!closed, "this %s trainer is closed", model.backendId());
        model.ensureOpen();
    }

    /**
     * Takes one optimizer step per batch of {@code batchSize} consecutive points of {@code order}
     * (the last batch may be smaller), and returns the running totals of the batches as trained.
     */
    protected abstract EpochTotals trainBatches(int[] order);

    /** Reads the optimizer's state from the engine. */
    protected abstract OptimizerState readOptimizerState();

    /** Writes the optimizer's state into the engine; it belongs to this optimizer and fits the model. */
    protected abstract void writeOptimizerState(OptimizerState state);

    /** Releases what the trainer holds in the engine; called once. */
    protected abstract void release();

    /**
     * The running totals of one epoch of training, as the notebook keeps them.
     *
     * @param lossSum the sum over batches of the batch's mean loss times its size
     * @param correct the number of points counted correct in the batches' forward passes
     * @param count the number of points trained on
     */
    public record EpochTotals(double lossSum, long correct, int count) {

        /** Returns the mean loss per point. */
        public double meanLoss() {
            return lossSum / count;
        }

        /** Returns the share of points counted correct. */
        public double accuracy() {
            return correct / (double) count;
        }
    }
}
