package io.github.drawnet.api;

import io.github.drawnet.api.internal.Checks;

import java.util.Objects;

/**
 * Where a set of points came from, enough to make them again: the drawing (by name and content
 * hash), the seed, the sizes and the labelling.
 *
 * @param drawing the drawing's name (a preset name or a file name)
 * @param drawingSha256 the hex SHA-256 of the drawing's coverage (see {@link Drawing#sha256()})
 * @param width the drawing's width in pixels
 * @param height the drawing's height in pixels
 * @param seed the seed the points were sampled with
 * @param sizes the number of points in each split
 * @param labelMode how coverage became labels
 * @param noise the share of training labels flipped after sampling, in [0, 1)
 */
public record Provenance(
        String drawing,
        String drawingSha256,
        int width,
        int height,
        long seed,
        SampleSizes sizes,
        LabelMode labelMode,
        double noise) {

    /** Validates the record. */
    public Provenance {
        Objects.requireNonNull(drawing, "drawing");
        Objects.requireNonNull(drawingSha256, "drawingSha256");
        Objects.requireNonNull(sizes, "sizes");
        Objects.requireNonNull(labelMode, "labelMode");
        Checks.inHalfOpenRange("noise", noise, 0, 1);
    }
}
