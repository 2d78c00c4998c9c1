package io.github.drawnet.api;

import io.github.drawnet.api.internal.Checks;

import java.util.Arrays;

/**
 * How many points of each actual class were given each class: a {@code K x K} table of counts,
 * rows the actual class, columns the predicted one. Class 0 is the background.
 *
 * <p>Immutable: the counts are copied in and out.
 */
public final class ConfusionMatrix {

    private final int classes;
    private final long[] counts;

    private ConfusionMatrix(int classes, long[] counts) {
        this.classes = classes;
        this.counts = counts;
    }

    /**
     * Returns the matrix of the given counts.
     *
     * @param classes the number of classes, in [2, {@value NetworkSpec#MAX_CLASSES}]
     * @param counts {@code classes * classes} counts, row by row ({@code counts[actual * classes + predicted]}),
     *     none negative
     * @throws IllegalArgumentException when the count of values or a value is wrong, naming it
     */
    public static ConfusionMatrix of(int classes, long[] counts) {
        Checks.inRange("number of classes", classes, 2, NetworkSpec.MAX_CLASSES);
        Checks.argument(counts.length == classes * classes, "a confusion matrix of %d classes holds %d counts, got %d",
                classes, classes * classes, counts.length);
        for (int i = 0; i < counts.length; i++) {
            Checks.argument(counts[i] >= 0, "count[%d] must not be negative, got %d", i, counts[i]);
        }
        return new ConfusionMatrix(classes, counts.clone());
    }

    /**
     * Counts actual against predicted classes.
     *
     * @param classes the number of classes
     * @param actual each point's class
     * @param predicted each point's predicted class
     * @throws IllegalArgumentException when the lengths differ or a class is out of range
     */
    public static ConfusionMatrix count(int classes, int[] actual, int[] predicted) {
        Checks.inRange("number of classes", classes, 2, NetworkSpec.MAX_CLASSES);
        Checks.argument(actual.length == predicted.length, "%d actual classes for %d predictions", actual.length,
                predicted.length);
        long[] counts = new long[classes * classes];
        for (int i = 0; i < actual.length; i++) {
            Checks.argument(actual[i] >= 0 && actual[i] < classes, "actual class [%d] must be in [0, %d], got %d",
                    i, classes - 1, actual[i]);
            Checks.argument(predicted[i] >= 0 && predicted[i] < classes,
                    "predicted class [%d] must be in [0, %d], got %d", i, classes - 1, predicted[i]);
            counts[actual[i] * classes + predicted[i]]++;
        }
        return new ConfusionMatrix(classes, counts);
    }

    /** Returns the number of classes. */
    public int classes() {
        return classes;
    }

    /** Returns how many points of class {@code actual} were given class {@code predicted}. */
    public long count(int actual, int predicted) {
        return counts[actual * classes + predicted];
    }

    /** Returns all counts, row by row. */
    public long[] counts() {
        return counts.clone();
    }

    /** Returns the number of points counted. */
    public long total() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /** Returns how many points of class {@code k} there are (its row's sum). */
    public long actual(int k) {
        long n = 0;
        for (int p = 0; p < classes; p++) {
            n += count(k, p);
        }
        return n;
    }

    /** Returns how many points were given class {@code k} (its column's sum). */
    public long predicted(int k) {
        long n = 0;
        for (int a = 0; a < classes; a++) {
            n += count(a, k);
        }
        return n;
    }

    /** Returns the number of points given their own class (the diagonal's sum). */
    public long correct() {
        long n = 0;
        for (int k = 0; k < classes; k++) {
            n += count(k, k);
        }
        return n;
    }

    /**
     * Returns the share of class {@code k}'s points given class {@code k} (its recall, the per-class
     * accuracy); NaN when the class has no points.
     */
    public double recall(int k) {
        long n = actual(k);
        return n == 0 ? Double.NaN : count(k, k) / (double) n;
    }

    /**
     * Returns the share of points given class {@code k} that are of class {@code k} (its precision);
     * NaN when no point was given it.
     */
    public double precision(int k) {
        long n = predicted(k);
        return n == 0 ? Double.NaN : count(k, k) / (double) n;
    }

    /** Returns every class's recall ({@link #recall}), indexed by class. */
    public double[] recalls() {
        double[] r = new double[classes];
        for (int k = 0; k < classes; k++) {
            r[k] = recall(k);
        }
        return r;
    }

    /**
     * Returns the mean recall over the classes that have points (scikit-learn's balanced accuracy);
     * NaN when no class has any.
     */
    public double balancedAccuracy() {
        double sum = 0;
        int n = 0;
        for (int k = 0; k < classes; k++) {
            if (actual(k) > 0) {
                sum += recall(k);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && m.classes == classes && Arrays.equals(m.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * classes + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ConfusionMatrix[");
        for (int a = 0; a < classes; a++) {
            sb.append(a == 0 ? "" : ", ").append(Arrays.toString(Arrays.copyOfRange(counts, a * classes,
                    (a + 1) * classes)));
        }
        return sb.append(']').toString();
    }
}
