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
 * pixel's coverage. A drawing in colours ({@link Drawing#classCount()} above 2) labels each point with
 * its pixel's class instead ({@link Dataset#ofClasses}), from the very same pixels.
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
     * @param labels how a two-class drawing's pixels become labels; a drawing of more classes takes
     *     {@link LabelMode#BINARY} only (its labels are class indices)
     * @param noise the share of training labels to flip after sampling (TensorFlow Playground's
     *     noise), in [0, 1): exactly {@code round(noise * train)} labels, chosen from the seed, become
     *     {@code 1 - label}, or, with more than two classes, a class other than their own, each other
     *     class as likely; validation and test stay clean
     * @throws InvalidDrawingException when the drawing or a split lacks one of its classes: such a
     *     problem cannot be learned, and the message says what to change
     * @throws IllegalArgumentException when {@code noise} is outside [0, 1), or soft labels are asked
     *     for a drawing of more than two classes
     */
    public static DataSplits sample(Drawing drawing, SampleSizes sizes, long seed, LabelMode labels, double noise) {
        Checks.inHalfOpenRange("noise", noise, 0, 1);
        if (labels == LabelMode.SOFT && drawing.classCount() > 2) {
            throw new IllegalArgumentException("soft labels need a drawing of two classes; drawing " + drawing.name()
                    + " has " + drawing.classCount() + " (soft labels are how much of a pixel one region covers):"
                    + " use binary labels, or read any ink as one class (--classes binary)");
        }
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
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            int col = random.nextInt(d.width());
            int row = random.nextInt(d.height());
            x1[i] = d.x1OfColumn(col);
            x2[i] = d.x2OfRow(row);
            y[i] = mode.label(d.coverage(col, row));
            classes[i] = d.classOf(col, row);
        }
        return d.classCount() > 2 ? Dataset.ofClasses(x1, x2, classes, d.classCount()) : Dataset.of(x1, x2, y);
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
        int k = train.classCount();
        for (int i = 0; i < flips; i++) {
            int j = i + random.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            if (k == 2) {
                y[idx[i]] = 1 - y[idx[i]];
            } else {
                // one of the k - 1 other classes, each as likely: draw among them and skip over its own
                int other = random.nextInt(k - 1);
                y[idx[i]] = other >= (int) y[idx[i]] ? other + 1 : other;
            }
        }
        return train.withLabels(y);
    }

    /**
     * Checks that the drawing has pixels of each of its classes (for two classes: coverage at least
     * 0.5, and below).
     *
     * @throws InvalidDrawingException saying which class is missing
     */
    public static void requireBothClasses(Drawing d) {
        if (d.classCount() > 2) {
            long[] pixels = d.classPixels();
            for (int k = 0; k < pixels.length; k++) {
                if (pixels[k] == 0) {
                    throw new InvalidDrawingException("drawing " + d.name() + " has no pixel of class "
                            + d.classes().get(k).name() + (k == 0 ? " (the whole canvas is drawn)" : "")
                            + ": every class needs pixels to be learned; "
                            + (k == 0 ? "leave part of the canvas empty" : "draw a region of it"));
                }
            }
            return;
        }
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
        if (d.classCount() > 2) {
            requireEveryClass(d, split, data);
            return;
        }
        double share = data.positiveShare();
        if (share == 0 || share == 1) {
            throw new InvalidDrawingException(String.format(Locale.ROOT,
                    "the region of drawing %s is too %s: the %s set of %d points holds no %s point (%.3f%% of the"
                            + " canvas is drawn); draw a %s region or sample more points",
                    d.name(), share == 0 ? "small" : "large", split, data.size(), share == 0 ? "positive" : "negative",
                    100 * d.positiveShare(), share == 0 ? "larger" : "smaller"));
        }
    }

    private static void requireEveryClass(Drawing d, String split, Dataset data) {
        long[] counts = data.classCounts();
        long[] pixels = d.classPixels();
        long all = (long) d.width() * d.height();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] == 0) {
                throw new InvalidDrawingException(String.format(Locale.ROOT,
                        "class %s of drawing %s is too small: the %s set of %d points holds no point of it (it"
                                + " covers %.3f%% of the canvas); draw it larger or sample more points",
                        d.classes().get(k).name(), d.name(), split, data.size(), 100.0 * pixels[k] / all));
            }
        }
    }
}
