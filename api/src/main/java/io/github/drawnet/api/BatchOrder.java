package io.github.drawnet.api;

import java.util.SplittableRandom;

/**
 * The order in which an epoch visits the training points. Made here, in Java, from the seed and the
 * epoch number, so that every backend and the reference network take the very same batches; and
 * since it depends on the epoch number only, training 10 epochs then 5 more visits the same batches
 * as training 15 at once.
 */
public final class BatchOrder {

    private BatchOrder() {}

    /**
     * Returns the visiting order of {@code size} points in epoch {@code epoch} (1-based): a
     * permutation drawn from {@code seed} and {@code epoch} when {@code shuffle} is on, {@code 0, 1,
     * ..., size-1} otherwise.
     */
    public static int[] forEpoch(long seed, int epoch, int size, boolean shuffle) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        if (shuffle) {
            SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "shuffle", epoch));
            for (int i = size - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }

    /** Returns the order of epoch {@code epoch} for a training set of {@code size} under {@code config}. */
    public static int[] forEpoch(TrainingConfig config, int epoch, int size) {
        return forEpoch(config.seed(), epoch, size, config.shuffle());
    }

    /** Returns the number of batches an epoch of {@code size} points takes: the last may be partial. */
    public static int batchCount(int size, int batchSize) {
        return (size + batchSize - 1) / batchSize;
    }
}
