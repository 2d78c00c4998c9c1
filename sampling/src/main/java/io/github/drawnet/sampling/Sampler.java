package io.github.drawnet.sampling;

import io.github.drawnet.api.internal.Checks;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.LabelMode;
import io.github.drawnet.api.Provenance;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.api.Seeds;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Samples training, validation and test points from a drawing the way the notebook does: pixels
 * drawn uniformly at random (with replacement), training set first, then validation, then test; each
 * point's coordinates are its pixel's {@code (x1, x2)} in [0, 1] and its label comes from the
 * pixel's coverage.
 *
 * <p>All randomness comes from the seed: the same drawing, sizes and seed give the same points on
 * every machine. Thread-safe (stateless).
 */
public final class Sampler {

    private Sampler() {}

    /**
     * Samples the three splits with binary labels and no label noise.
     *
     * @throws InvalidDrawingException when the drawing or a split holds only one class
     */
    public static DataSplits sample(Drawing drawing, SampleSizes sizes, long seed) {
        return sample(drawing, sizes, seed, LabelMode.BINARY, 0.0);
    }

    /**
     * Samples the three splits.
     *
     * @param noise the share of training labels to flip after sampling (TensorFlow Playground's
     *     noise), in [0, 1): exactly {@code round(noise * train)} labels, chosen from the seed, become
     *     {@code 1 - label}; validation and test stay clean
     * @throws InvalidDrawingException when the drawing or a split holds only one class: such a
     *     problem cannot be learned, and the message says what to change
     * @throws IllegalArgumentException when {@code noise} is outside [0, 1)
     */
    public static DataSplits sample(Drawing drawing, SampleSizes sizes, long seed, LabelMode labels, double noise) {
        Checks.inHalfOpenRange("noise", noise, 0, 1);
        requireBothClasses(drawing);
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "sampling"));
        Dataset train = split(drawing, sizes.train(), random, labels);
        Dataset validation = split(drawing, sizes.validation(), random, labels);
        Dataset test = split(drawing, sizes.test(), random, labels);
        requirePositives(drawing, "training", train);
        requirePositives(drawing, "validation", validation);
        requirePositives(drawing, "test", test);
        if (noise > 0) {
            train = flip(train, noise, seed);
        }
        Provenance provenance = new Provenance(drawing.name(), drawing.sha256(), drawing.width(), drawing.height(),
                seed, sizes, labels, noise);
        return new DataSplits(train, validation, test, provenance);
    }

    private static Dataset split(Drawing d, int n, SplittableRandom random, LabelMode mode) {
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int col = random.nextInt(d.width());
            int row = random.nextInt(d.height());
            x1[i] = d.x1OfColumn(col);
            x2[i] = d.x2OfRow(row);
            y[i] = mode.label(d.coverage(col, row));
        }
        return Dataset.of(x1, x2, y);
    }

    private static Dataset flip(Dataset train, double noise, long seed) {
        int n = train.size();
        int flips = (int) Math.round(noise * n);
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "noise"));
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        double[] y = train.labels();
        for (int i = 0; i < flips; i++) {
            int j = i + random.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            y[idx[i]] = 1 - y[idx[i]];
        }
        return train.withLabels(y);
    }

    /**
     * Checks that the drawing has pixels of both classes (coverage at least 0.5, and below).
     *
     * @throws InvalidDrawingException saying which class is missing
     */
    public static void requireBothClasses(Drawing d) {
        double share = d.positiveShare();
        if (share == 0) {
            throw new InvalidDrawingException("drawing " + d.name()
                    + " has no positive pixels (nothing drawn): a one-class problem cannot be learned;"
                    + " draw the region of the positive class");
        }
        if (share == 1) {
            throw new InvalidDrawingException("drawing " + d.name()
                    + " has no negative pixels (the whole canvas is drawn): a one-class problem cannot be learned;"
                    + " leave part of the canvas empty");
        }
    }

    private static void requirePositives(Drawing d, String split, Dataset data) {
        double share = data.positiveShare();
        if (share == 0 || share == 1) {
            throw new InvalidDrawingException(String.format(Locale.ROOT,
                    "the region of drawing %s is too %s: the %s set of %d points holds no %s point (%.3f%% of the"
                            + " canvas is drawn); draw a %s region or sample more points",
                    d.name(), share == 0 ? "small" : "large", split, data.size(), share == 0 ? "positive" : "negative",
                    100 * d.positiveShare(), share == 0 ? "larger" : "smaller"));
        }
    }
}
