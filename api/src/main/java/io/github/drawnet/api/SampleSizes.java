package io.github.drawnet.api;

import io.github.drawnet.api.internal.Checks;

/**
 * How many points each split gets. The notebook's sizes are {@link #notebook()}: 5000 training,
 * 1000 validation, 10000 test.
 *
 * @param train training points, in [1, {@value #MAX}]
 * @param validation validation points, in [1, {@value #MAX}]
 * @param test test points, in [1, {@value #MAX}]
 */
public record SampleSizes(int train, int validation, int test) {

    /** The largest size of one split. */
    public static final int MAX = 1_000_000;

    /**
     * Validates the sizes.
     *
     * @throws IllegalArgumentException naming the first size out of range
     */
    public SampleSizes {
        Checks.inRange("training set size", train, 1, MAX);
        Checks.inRange("validation set size", validation, 1, MAX);
        Checks.inRange("test set size", test, 1, MAX);
    }

    /** Returns the notebook's sizes: 5000, 1000, 10000. */
    public static SampleSizes notebook() {
        return new SampleSizes(5000, 1000, 10000);
    }
}
