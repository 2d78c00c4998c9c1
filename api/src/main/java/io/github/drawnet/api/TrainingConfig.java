package io.github.drawnet.api;

import io.github.drawnet.api.internal.Checks;

import java.util.Locale;
import java.util.Objects;

/**
 * How a network is trained. Every hyperparameter is here, and {@link #toString()} prints them all.
 *
 * <p>Each epoch visits the training set once in batches of {@code batchSize} consecutive points of
 * that epoch's order (the last batch may be smaller, as with PyTorch's {@code DataLoader}); the
 * order is a permutation drawn from {@code seed} and the epoch number when {@code shuffle} is on,
 * the sampled order otherwise (see {@link BatchOrder}). The loss of a batch is the mean binary
 * cross-entropy of its points; the optimizer takes one step per batch.
 *
 * @param optimizer Adam or SGD, with PyTorch's semantics (see {@link Optimizer})
 * @param learningRate the step size, finite and &gt; 0
 * @param batchSize the number of points per optimizer step, in [1, {@value #MAX_BATCH_SIZE}]; a
 *     trainer also refuses one larger than its training set
 * @param epochs the number of passes over the training set, in [1, {@value #MAX_EPOCHS}]
 * @param weightDecay the L2 coefficient λ, finite and &gt;= 0: {@code λ·param} is added to every
 *     gradient, weights and biases alike, as PyTorch's {@code weight_decay} does (0 turns it off)
 * @param l1 the L1 coefficient, finite and &gt;= 0: the penalty {@code l1·Σ|param|} over every
 *     parameter, weights and biases alike as with {@code weightDecay}, enters the gradient as {@code
 *     l1·sign(param)} (0 at a parameter of exactly 0), beside the weight decay and before the
 *     optimizer's moments; the losses reported stay the data's cross-entropy, as with weight decay (0
 *     turns it off)
 * @param seed the seed of every random choice made after sampling: initial parameters and batch
 *     order
 * @param shuffle whether the training order is reshuffled each epoch (the notebook does)
 */
public record TrainingConfig(
        Optimizer optimizer,
        double learningRate,
        int batchSize,
        int epochs,
        double weightDecay,
        double l1,
        long seed,
        boolean shuffle) {

    /** The largest batch size accepted (and never more than the training set: {@link #checkBatchSize}). */
    public static final int MAX_BATCH_SIZE = 1_000_000;
    /**
     * The largest number of epochs one training may run: the one limit of every front end and of
     * {@link Experiment#train} and {@link Trainer#train} (checked by {@link #checkEpochs}).
     */
    public static final int MAX_EPOCHS = 100_000;

    /**
     * Validates every value.
     *
     * @throws IllegalArgumentException naming the first value out of range
     */
    public TrainingConfig {
        Objects.requireNonNull(optimizer, "optimizer");
        Checks.positiveFinite("learning rate", learningRate);
        checkBatchSize(batchSize, MAX_BATCH_SIZE);
        checkEpochs(epochs);
        Checks.nonNegativeFinite("weight decay", weightDecay);
        Checks.nonNegativeFinite("l1 penalty", l1);
    }

    /** Returns a configuration without L1 ({@code l1} 0): the settings as they were before L1 existed. */
    public TrainingConfig(Optimizer optimizer, double learningRate, int batchSize, int epochs, double weightDecay,
            long seed, boolean shuffle) {
        this(optimizer, learningRate, batchSize, epochs, weightDecay, 0.0, seed, shuffle);
    }

    /**
     * Returns {@code epochs} if one training may run that many: in [1, {@value #MAX_EPOCHS}]. The one
     * check of the rule, for a whole run as for more epochs of one ({@code continue}, the studio).
     *
     * @throws InvalidSettingException {@code "epochs must be in [1, 100000], got 0"}
     */
    public static int checkEpochs(int epochs) {
        return inRange(Setting.EPOCHS, epochs, MAX_EPOCHS);
    }

    /**
     * Returns {@code batchSize} if it fits a training set of {@code trainSize} points: in [1,
     * min({@value #MAX_BATCH_SIZE}, trainSize)]. The one check of the rule, made once the training
     * set's size is known ({@link ExperimentSettings#requireConsistent()}, a trainer's data).
     *
     * @throws InvalidSettingException {@code "batch size must be in [1, 500], got 600"}
     */
    public static int checkBatchSize(int batchSize, int trainSize) {
        return inRange(Setting.BATCH_SIZE, batchSize, Math.min(MAX_BATCH_SIZE, trainSize));
    }

    /** Returns {@code value} if it is in [1, max]; the message every limit of the settings shares. */
    static int inRange(Setting setting, int value, int max) {
        if (value < 1 || value > max) {
            throw new InvalidSettingException(setting, String.format(Locale.ROOT, " must be in [1, %d], got %d", max,
                    value));
        }
        return value;
    }

    /**
     * Returns the notebook's settings: Adam, learning rate 0.01, batch size 24, 100 epochs, no
     * weight decay, no L1, seed 0, shuffled.
     */
    public static TrainingConfig notebook() {
        return new TrainingConfig(Optimizer.ADAM, 0.01, 24, 100, 0.0, 0.0, 0L, true);
    }

    /** Returns a copy with another optimizer. */
    public TrainingConfig withOptimizer(Optimizer value) {
        return new TrainingConfig(value, learningRate, batchSize, epochs, weightDecay, l1, seed, shuffle);
    }

    /** Returns a copy with another learning rate. */
    public TrainingConfig withLearningRate(double value) {
        return new TrainingConfig(optimizer, value, batchSize, epochs, weightDecay, l1, seed, shuffle);
    }

    /** Returns a copy with another batch size. */
    public TrainingConfig withBatchSize(int value) {
        return new TrainingConfig(optimizer, learningRate, value, epochs, weightDecay, l1, seed, shuffle);
    }

    /** Returns a copy with another number of epochs. */
    public TrainingConfig withEpochs(int value) {
        return new TrainingConfig(optimizer, learningRate, batchSize, value, weightDecay, l1, seed, shuffle);
    }

    /** Returns a copy with another weight decay. */
    public TrainingConfig withWeightDecay(double value) {
        return new TrainingConfig(optimizer, learningRate, batchSize, epochs, value, l1, seed, shuffle);
    }

    /** Returns a copy with another L1 coefficient. */
    public TrainingConfig withL1(double value) {
        return new TrainingConfig(optimizer, learningRate, batchSize, epochs, weightDecay, value, seed, shuffle);
    }

    /** Returns a copy with another seed. */
    public TrainingConfig withSeed(long value) {
        return new TrainingConfig(optimizer, learningRate, batchSize, epochs, weightDecay, l1, value, shuffle);
    }

    /** Returns a copy with shuffling on or off. */
    public TrainingConfig withShuffle(boolean value) {
        return new TrainingConfig(optimizer, learningRate, batchSize, epochs, weightDecay, l1, seed, value);
    }
}
