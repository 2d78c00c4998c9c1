package io.github.drawnet.api;

import io.github.drawnet.api.internal.Checks;

import java.util.List;

/**
 * Points of the plane with their labels: {@code x1} left to right and {@code x2} bottom to top, both
 * in [0, 1], and a label in [0, 1] (1 = inside the drawn region). Labels are 0 or 1 by default; the
 * notebook's soft labels (alpha/255) are also allowed.
 *
 * <p>A dataset of {@code K > 2} classes ({@link #ofClasses}) holds each point's class index
 * {@code 0..K-1} as its label; class 0 is the background. A two-class dataset ({@link #of}) is the
 * notebook's problem; its class of a point is 1 when the label is at least 0.5.
 *
 * <p>Immutable and thread-safe: arrays are copied in and out.
 */
public final class Dataset {

    private final double[] x1;
    private final double[] x2;
    private final double[] labels;
    private final int classes;

    private Dataset(double[] x1, double[] x2, double[] labels) {
        this(x1, x2, labels, 2);
    }

    private Dataset(double[] x1, double[] x2, double[] labels, int classes) {
        this.x1 = x1;
        this.x2 = x2;
        this.labels = labels;
        this.classes = classes;
    }

    /**
     * Returns a dataset of {@code classes} classes whose labels are class indices (copied).
     * With {@code classes == 2} this is {@link #of} with labels 0 and 1.
     *
     * @param x1 the points' first coordinates, each in [0, 1]
     * @param x2 the points' second coordinates, each in [0, 1]
     * @param labels each point's class, in [0, classes)
     * @param classes the number of classes, in [2, {@value NetworkSpec#MAX_CLASSES}]
     * @throws IllegalArgumentException when the lengths differ or a value is out of range, naming the
     *     index and the value
     */
    public static Dataset ofClasses(double[] x1, double[] x2, int[] labels, int classes) {
        Checks.inRange("number of classes", classes, 2, NetworkSpec.MAX_CLASSES);
        Checks.argument(x1.length == x2.length && x2.length == labels.length,
                "x1, x2 and labels must have the same length, got %d, %d and %d", x1.length, x2.length,
                labels.length);
        double[] y = new double[labels.length];
        for (int i = 0; i < x1.length; i++) {
            checkUnit("x1", i, x1[i]);
            checkUnit("x2", i, x2[i]);
            checkClass(i, labels[i], classes);
            y[i] = labels[i];
        }
        return new Dataset(x1.clone(), x2.clone(), y, classes);
    }

    private static void checkClass(int i, double label, int classes) {
        if (!(label >= 0 && label < classes && label == Math.rint(label))) {
            throw new IllegalArgumentException(
                    "label[" + i + "] must be a class index in [0, " + (classes - 1) + "], got " + label);
        }
    }

    /**
     * Returns a dataset of the given points and labels (copied).
     *
     * @throws IllegalArgumentException when the lengths differ or a value is outside [0, 1] or not
     *     finite, naming the index and the value
     */
    public static Dataset of(double[] x1, double[] x2, double[] labels) {
        Checks.argument(x1.length == x2.length && x2.length == labels.length,
                "x1, x2 and labels must have the same length, got %d, %d and %d", x1.length, x2.length,
                labels.length);
        for (int i = 0; i < x1.length; i++) {
            checkUnit("x1", i, x1[i]);
            checkUnit("x2", i, x2[i]);
            checkUnit("label", i, labels[i]);
        }
        return new Dataset(x1.clone(), x2.clone(), labels.clone());
    }

    /** Returns unlabelled points (labels 0), for example a grid to draw a map on. */
    public static Dataset points(double[] x1, double[] x2) {
        return of(x1, x2, new double[x1.length]);
    }

    /**
     * Returns the {@code n × n} grid the notebook draws its maps on: {@code x1 = col/(n-1)}, {@code
     * x2 = row/(n-1)}, point {@code row * n + col}, so row 0 is the bottom of the plane.
     */
    public static Dataset grid(int n) {
        Checks.inRange("grid resolution", n, 2, 4096);
        double[] a = new double[n * n];
        double[] b = new double[n * n];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                a[row * n + col] = col / (double) (n - 1);
                b[row * n + col] = row / (double) (n - 1);
            }
        }
        return new Dataset(a, b, new double[n * n]);
    }

    private static void checkUnit(String what, int i, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(what + "[" + i + "] must be in [0, 1], got " + v);
        }
    }

    /** Returns the number of points. */
    public int size() {
        return x1.length;
    }

    /** Returns the horizontal coordinate of point {@code i}. */
    public double x1(int i) {
        return x1[i];
    }

    /** Returns the vertical coordinate of point {@code i}. */
    public double x2(int i) {
        return x2[i];
    }

    /** Returns the number of classes: 2 for the notebook's problem, else the number of class indices. */
    public int classCount() {
        return classes;
    }

    /**
     * Returns the class of point {@code i}: its label for {@code K > 2} classes, else 1 when the label
     * is at least 0.5 and 0 otherwise.
     */
    public int classOf(int i) {
        return classes == 2 ? (labels[i] >= 0.5 ? 1 : 0) : (int) labels[i];
    }

    /** Returns how many points each class holds, indexed by class. */
    public long[] classCounts() {
        long[] counts = new long[classes];
        for (int i = 0; i < labels.length; i++) {
            counts[classOf(i)]++;
        }
        return counts;
    }

    /** Returns the label of point {@code i}. */
    public double label(int i) {
        return labels[i];
    }

    /** Returns a copy of all horizontal coordinates. */
    public double[] x1s() {
        return x1.clone();
    }

    /** Returns a copy of all vertical coordinates. */
    public double[] x2s() {
        return x2.clone();
    }

    /** Returns a copy of all labels. */
    public double[] labels() {
        return labels.clone();
    }

    /** Returns the labels as 32-bit floats, the engines' precision. */
    public float[] labelsAsFloats() {
        float[] out = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = (float) labels[i];
        }
        return out;
    }

    /**
     * Returns what an engine trains the outputs towards, as 32-bit floats: for two classes each
     * point's label ({@link #labelsAsFloats()}, one output); for {@code K > 2} classes a one-hot row of
     * {@code K} per point, 1 at the point's class (the targets of the softmax cross-entropy).
     */
    public float[] targets() {
        if (classes == 2) {
            return labelsAsFloats();
        }
        float[] y = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            y[i * classes + classOf(i)] = 1;
        }
        return y;
    }

    /** Returns the network inputs of every point, row-major, as {@link Feature#matrix} defines them. */
    public float[] features(List<Feature> features) {
        return Feature.matrix(features, x1, x2);
    }

    /** Returns the share of points whose label is at least 0.5 (positive); with more classes, not in class 0. */
    public double positiveShare() {
        if (labels.length == 0) {
            return 0;
        }
        int n = 0;
        for (double l : labels) {
            if (l >= 0.5) {
                n++;
            }
        }
        return n / (double) labels.length;
    }

    /** Returns the points at the given indices, in that order. */
    public Dataset select(int[] indices) {
        double[] a = new double[indices.length];
        double[] b = new double[indices.length];
        double[] c = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            a[i] = x1[indices[i]];
            b[i] = x2[indices[i]];
            c[i] = labels[indices[i]];
        }
        return new Dataset(a, b, c, classes);
    }

    /** Returns the same points with other labels (same length, each in [0, 1]). */
    public Dataset withLabels(double[] newLabels) {
        Checks.argument(newLabels.length == labels.length, "need %d labels, got %d", labels.length, newLabels.length);
        for (int i = 0; i < newLabels.length; i++) {
            if (classes == 2) {
                checkUnit("label", i, newLabels[i]);
            } else {
                checkClass(i, newLabels[i], classes);
            }
        }
        return new Dataset(x1, x2, newLabels.clone(), classes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset
                && java.util.Arrays.equals(((Dataset) o).x1, x1)
                && java.util.Arrays.equals(((Dataset) o).x2, x2)
                && java.util.Arrays.equals(((Dataset) o).labels, labels)
                && ((Dataset) o).classes == classes;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(x1) * 961 + java.util.Arrays.hashCode(x2) * 31
                + java.util.Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        if (classes > 2) {
            return String.format(java.util.Locale.ROOT, "Dataset[%d points, %d classes, counts %s]", size(), classes,
                    java.util.Arrays.toString(classCounts()));
        }
        return String.format(java.util.Locale.ROOT, "Dataset[%d points, %.1f%% positive]", size(),
                100 * positiveShare());
    }
}
