package io.github.drawnet.api;

/**
 * How many points each split gets. The notebook's sizes are {@link #notebook()}: 5000 training,
 * 1000 validation, 10000 test.
 *
 * @param train training points, in [1, {@value #MAX}]
 * @param validation validation points, in [1, {@value #MAX}]
 * @param test test points, in [1, {@value #MAX}]
 */
public record SampleSizes(int train, int validation, int test) {

    /** The largest size of one split: the one limit of every front end (the studio's page has a smaller budget). */
    public static final int MAX = 1_000_000;

    /**
     * Validates the sizes: each in [1, {@value #MAX}], the one check of the rule.
     *
     * @throws InvalidSettingException naming the first size out of range, for example {@code "training
     *     set size must be in [1, 1000000], got 0"}
     */
    public SampleSizes {
        TrainingConfig.inRange(Setting.TRAIN_SIZE, train, MAX);
        TrainingConfig.inRange(Setting.VALIDATION_SIZE, validation, MAX);
        TrainingConfig.inRange(Setting.TEST_SIZE, test, MAX);
    }

    /** Returns the notebook's sizes: 5000, 1000, 10000. */
    public static SampleSizes notebook() {
        return new SampleSizes(5000, 1000, 10000);
    }
}
