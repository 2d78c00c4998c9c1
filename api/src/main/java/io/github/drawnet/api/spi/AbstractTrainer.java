package io.github.drawnet.api.spi;

import io.github.drawnet.api.BatchOrder;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.Evaluation;
import io.github.drawnet.api.History;
import io.github.drawnet.api.Model;
import io.github.drawnet.api.OptimizerState;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.api.Trainer;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.api.TrainingResult;
import io.github.drawnet.api.internal.Checks;

import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;

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
    private EpochTotals lastTotals;
    private double startingLoss = Double.NaN;

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
        TrainingConfig.checkBatchSize(config.batchSize(), train.size());
        int classes = model.spec().classes();
        Checks.argument(train.classCount() == classes && validation.classCount() == classes,
                "a network of %d classes cannot train on data of %d (training) and %d (validation) classes", classes,
                train.classCount(), validation.classCount());
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
        lastTotals = totals;
        Evaluation val = evaluate(validation);
        EpochMetrics metrics = new EpochMetrics(epoch, totals.meanLoss(), totals.accuracy(), val.loss(), val.accuracy());
        history = history.plus(metrics);
        return metrics;
    }

    @Override
    public Evaluation evaluate(Dataset data) {
        ensureOpen();
        return Evaluation.of(model.outputs(data), data);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Training diverges, and stops with {@link StopReason#DIVERGED} after the epoch where it
     * happens, when a loss (an epoch's training or validation loss, or any one step's) is NaN or
     * infinite, when a parameter is, or when a training step's loss exceeds {@value
     * #DIVERGENCE_FACTOR} times the loss the parameters had when this trainer first trained
     * (measured on the training set before the first step, and taken as at least {@code ln 2}, the
     * loss of a network that says 0.5 everywhere). The epochs so far are kept.
     */
    @Override
    public final TrainingResult train(int epochs, TrainingListener listener, BooleanSupplier stopRequested) {
        TrainingConfig.checkEpochs(epochs);
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(stopRequested, "stopRequested");
        if (Double.isNaN(startingLoss)) {
            startingLoss = evaluate(train).loss();
        }
        int last = history.size() + epochs;
        listener.trainingStarted(history.size() + 1, last);
        TrainingResult result = trainEpochs(epochs, last, listener, stopRequested);
        listener.trainingEnded(result);
        return result;
    }

    private TrainingResult trainEpochs(int epochs, int last, TrainingListener listener, BooleanSupplier stopRequested) {
        for (int i = 1; i <= epochs; i++) {
            EpochMetrics m = trainEpoch();
            listener.epochEnded(m, last);
            boolean stop = stopRequested.getAsBoolean();
            String diverged = divergence(m, lastTotals);
            if (diverged != null) {
                String advice = String.format(Locale.ROOT, "; try a learning rate smaller than %s", config.learningRate())
                        + (config.weightDecay() > 0 ? String.format(Locale.ROOT, " or a weight decay smaller than %s",
                                config.weightDecay()) : "")
                        + (config.l1() > 0 ? String.format(Locale.ROOT, " or an l1 penalty smaller than %s", config.l1())
                                : "");
                return new TrainingResult(history, i, StopReason.DIVERGED, String.format(Locale.ROOT,
                        "training stopped at epoch %d: %s%s", m.epoch(), diverged, advice));
            }
            if (stop) {
                return new TrainingResult(history, i, StopReason.STOPPED,
                        String.format(Locale.ROOT, "training stopped at epoch %d on request", m.epoch()));
            }
        }
        return new TrainingResult(history, epochs, StopReason.COMPLETED,
                String.format(Locale.ROOT, "trained %d epochs", epochs));
    }

    /** How many times the starting loss a training step's loss may reach before training counts as diverged. */
    public static final double DIVERGENCE_FACTOR = 100;

    /** Returns the loss above which a training step's loss means divergence. */
    final double divergenceLimit() {
        double start = Double.isFinite(startingLoss) ? startingLoss : LN2;
        return DIVERGENCE_FACTOR * Math.max(start, LN2);
    }

    private static final double LN2 = StrictMath.log(2);

    /** Returns why the epoch shows divergence, or null when it does not. */
    private String divergence(EpochMetrics m, EpochTotals totals) {
        if (!Double.isFinite(m.trainLoss())) {
            return "the training loss became " + m.trainLoss();
        }
        if (!Double.isFinite(totals.largestStepLoss())) {
            return "a training step's loss became " + totals.largestStepLoss();
        }
        if (!Double.isFinite(m.validationLoss())) {
            return "the validation loss became " + m.validationLoss();
        }
        if (!model.parameters().isFinite()) {
            return "a weight or bias became NaN or infinite";
        }
        double limit = divergenceLimit();
        if (totals.largestStepLoss() > limit || m.trainLoss() > limit) {
            return String.format(Locale.ROOT, "a training step's loss reached %.4g, more than %.0f times the %.4f the"
                    + " network started from", Math.max(totals.largestStepLoss(), m.trainLoss()), DIVERGENCE_FACTOR,
                    Math.max(startingLoss, LN2));
        }
        return null;
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
     * @param largestStepLoss the largest of the epoch's step (batch mean) losses, as each step saw them
     */
    public record EpochTotals(double lossSum, long correct, int count, double largestStepLoss) {

        /** Totals whose largest step loss is not known: it is taken as the mean loss. */
        public EpochTotals(double lossSum, long correct, int count) {
            this(lossSum, correct, count, lossSum / count);
        }

        /**
         * Returns the largest batch mean of per-point losses taken in batches of {@code batchSize}
         * consecutive points (the last batch may be smaller); NaN when any loss is NaN.
         */
        public static double largestBatchMean(float[] perPoint, int batchSize) {
            double largest = Double.NEGATIVE_INFINITY;
            for (int start = 0; start < perPoint.length; start += batchSize) {
                int end = Math.min(perPoint.length, start + batchSize);
                double sum = 0;
                for (int i = start; i < end; i++) {
                    sum += perPoint[i];
                }
                double mean = sum / (end - start);
                if (Double.isNaN(mean)) {
                    return Double.NaN;
                }
                largest = Math.max(largest, mean);
            }
            return largest;
        }

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
