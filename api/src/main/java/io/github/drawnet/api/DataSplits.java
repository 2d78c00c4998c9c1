package io.github.drawnet.api;

import java.util.Objects;

/**
 * The three sets sampled from one drawing, with where they came from.
 *
 * @param train the points the network learns from
 * @param validation the points measured after every epoch
 * @param test the points measured once, at the end
 * @param provenance the drawing, seed and sizes that made them
 */
public record DataSplits(Dataset train, Dataset validation, Dataset test, Provenance provenance) {

    /** Validates that nothing is missing. */
    public DataSplits {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(provenance, "provenance");
        if (validation.classCount() != train.classCount() || test.classCount() != train.classCount()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the splits must have the same classes, got %d (training), %d (validation) and %d (test)",
                    train.classCount(), validation.classCount(), test.classCount()));
        }
    }

    /** Returns the number of classes the points have: 2 for the notebook's problem. */
    public int classCount() {
        return train.classCount();
    }

    /** Returns {@code spec} telling apart as many classes as these points have ({@link NetworkSpec#withClasses}). */
    public NetworkSpec fit(NetworkSpec spec) {
        return spec.withClasses(classCount());
    }
}
