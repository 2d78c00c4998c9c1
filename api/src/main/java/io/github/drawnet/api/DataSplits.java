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
    }
}
