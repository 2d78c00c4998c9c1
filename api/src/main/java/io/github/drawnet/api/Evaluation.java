package io.github.drawnet.api;

import io.github.drawnet.api.internal.Checks;

/**
 * How well a network does on a set of points.
 *
 * <p>Accuracy is counted as the notebook counts it: a point is correct when {@code (p >= 0.5) ==
 * y} ({@link #predictsPositive}), so with soft labels an edge point (0 &lt; y &lt; 1) never is. The
 * confusion counts treat a label as positive when {@code y >= 0.5}; with binary labels {@code
 * accuracy == (tp + tn) / count}. The loss is the mean binary cross-entropy, computed from the
 * output's logits by the same stable formula the engines train with ({@link
 * #binaryCrossEntropyOfLogit}), so training, validation and test losses can be compared however
 * large they grow.
 *
 * @param count the number of points
 * @param loss the mean binary cross-entropy
 * @param accuracy the share of points counted correct
 * @param truePositives positive points predicted positive
 * @param trueNegatives negative points predicted negative
 * @param falsePositives negative points predicted positive
 * @param falseNegatives positive points predicted negative
 * @param confusion the counts of every actual class against every predicted class
 *
 * <p>With {@code K > 2} classes a point is correct when its most likely class is its label, the
 * loss is the mean cross-entropy of the softmax ({@link #crossEntropyOfLogits}, PyTorch's
 * {@code CrossEntropyLoss}), and the four counts above treat every class but the background (class
 * 0) as positive: drawn against undrawn.
 */
public record Evaluation(
        int count,
        double loss,
        double accuracy,
        long truePositives,
        long trueNegatives,
        long falsePositives,
        long falseNegatives,
        ConfusionMatrix confusion) {

    /**
     * Validates that the confusion matrix counts the points.
     *
     * @throws IllegalArgumentException when it does not
     */
    public Evaluation {
        java.util.Objects.requireNonNull(confusion, "confusion");
        Checks.argument(confusion.total() == count, "the confusion matrix counts %d points, the evaluation %d",
                confusion.total(), count);
    }

    /**
     * A two-class evaluation, its confusion matrix made of the four counts.
     *
     * @param count the number of points
     * @param loss the mean binary cross-entropy
     * @param accuracy the share of points counted correct
     * @param truePositives positive points predicted positive
     * @param trueNegatives negative points predicted negative
     * @param falsePositives negative points predicted positive
     * @param falseNegatives positive points predicted negative
     */
    public Evaluation(int count, double loss, double accuracy, long truePositives, long trueNegatives,
            long falsePositives, long falseNegatives) {
        this(count, loss, accuracy, truePositives, trueNegatives, falsePositives, falseNegatives,
                ConfusionMatrix.of(2, new long[] {trueNegatives, falsePositives, falseNegatives, truePositives}));
    }

    /**
     * The probability from which a prediction counts positive, and the label from which a point
     * counts positive: {@code p >= THRESHOLD}.
     */
    public static final double THRESHOLD = 0.5;

    /**
     * Returns whether output probability {@code p} predicts the positive class: {@code p >= }{@value
     * #THRESHOLD}. This is the notebook's accuracy rule ({@code (p >= 0.5) == y}); the notebook's
     * test-predictions plot used {@code p > 0.5}, so a point at exactly 0.5 differed between its
     * accuracy and its plot. Drawnet uses {@code >=} everywhere: the evaluation, every figure, the
     * decision boundary. NaN is not positive.
     */
    public static boolean predictsPositive(double p) {
        return p >= THRESHOLD;
    }

    /**
     * Returns the evaluation of output probabilities {@code p} against the labels of {@code data}.
     *
     * @throws IllegalArgumentException when the lengths differ
     */
    public static Evaluation of(float[] p, Dataset data) {
        return of(new ForwardPass(p, java.util.List.of()), data);
    }

    /**
     * Returns the evaluation of a forward pass against the labels of {@code data}: accuracy from its
     * output probabilities, loss from its logits.
     *
     * @throws IllegalArgumentException when the lengths differ
     */
    public static Evaluation of(ForwardPass pass, Dataset data) {
        Checks.argument(pass.count() == data.size(), "%d predictions for %d points", pass.count(), data.size());
        Checks.argument(pass.classes() == data.classCount(), "a pass of %d classes for points of %d classes",
                pass.classes(), data.classCount());
        if (pass.width() > 1) {
            return ofClasses(pass, data);
        }
        float[] p = pass.output();
        float[] z = pass.logits();
        double lossSum = 0;
        long correct = 0;
        long tp = 0;
        long tn = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < p.length; i++) {
            double y = data.label(i);
            lossSum += binaryCrossEntropyOfLogit(z[i], y);
            boolean predicted = predictsPositive(p[i]);
            if ((predicted ? 1.0 : 0.0) == y) {
                correct++;
            }
            boolean actual = y >= THRESHOLD;
            if (predicted && actual) {
                tp++;
            } else if (!predicted && !actual) {
                tn++;
            } else if (predicted) {
                fp++;
            } else {
                fn++;
            }
        }
        int n = p.length;
        return new Evaluation(n, n == 0 ? Double.NaN : lossSum / n, n == 0 ? Double.NaN : correct / (double) n,
                tp, tn, fp, fn);
    }

    private static Evaluation ofClasses(ForwardPass pass, Dataset data) {
        int n = pass.count();
        int k = pass.width();
        float[] z = pass.logits();
        int[] actual = new int[n];
        int[] predicted = pass.predictedClasses();
        double lossSum = 0;
        long correct = 0;
        for (int i = 0; i < n; i++) {
            actual[i] = data.classOf(i);
            lossSum += crossEntropyOfLogits(z, i * k, k, actual[i]);
            if (predicted[i] == actual[i]) {
                correct++;
            }
        }
        ConfusionMatrix m = ConfusionMatrix.count(k, actual, predicted);
        long tn = m.count(0, 0);
        long fp = m.actual(0) - tn;
        long fn = m.predicted(0) - tn;
        long tp = n - tn - fp - fn;
        return new Evaluation(n, n == 0 ? Double.NaN : lossSum / n, n == 0 ? Double.NaN : correct / (double) n,
                tp, tn, fp, fn, m);
    }

    /**
     * Returns the cross-entropy of a softmax over logits {@code z[from .. from + k)} against class
     * {@code y}: {@code logsumexp(z) - z[y]}, computed stably (the largest logit subtracted first), as
     * PyTorch's {@code CrossEntropyLoss} does for one point. An infinite logit gives 0 when it is the
     * class's own and the only one, infinity otherwise; NaN stays NaN.
     *
     * @param z the logits
     * @param from where this point's row starts
     * @param k the number of classes
     * @param y the point's class, in [0, k)
     */
    public static double crossEntropyOfLogits(float[] z, int from, int k, int y) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            double v = z[from + j];
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            max = Math.max(max, v);
        }
        if (Double.isInfinite(max)) {
            boolean onlyOwn = max > 0 && z[from + y] == max;
            for (int j = 0; j < k && onlyOwn; j++) {
                onlyOwn = j == y || z[from + j] != max;
            }
            return max < 0 ? Double.NaN : onlyOwn ? 0 : Double.POSITIVE_INFINITY;
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            sum += StrictMath.exp(z[from + j] - max);
        }
        return max + StrictMath.log(sum) - z[from + y];
    }

    /** Returns the number of classes evaluated. */
    public int classes() {
        return confusion.classes();
    }

    /** Returns each class's accuracy (its recall: the share of its points given it), NaN for an absent class. */
    public double[] classAccuracies() {
        return confusion.recalls();
    }

    /**
     * Returns the binary cross-entropy of probability {@code p} against label {@code y}, each log
     * clamped at -100 as PyTorch's {@code BCELoss} does. NaN stays NaN.
     */
    public static double binaryCrossEntropy(double p, double y) {
        double logP = Math.max(StrictMath.log(p), -100);
        double log1mP = Math.max(StrictMath.log(1 - p), -100);
        if (Double.isNaN(p)) {
            return Double.NaN;
        }
        return -(y * logP + (1 - y) * log1mP);
    }

    /**
     * Returns the binary cross-entropy of {@code sigmoid(z)} against label {@code y}, computed from
     * the logit {@code z} without overflow: {@code max(z, 0) - y z + log(1 + e^-|z|)} (PyTorch's
     * {@code BCEWithLogitsLoss}, and what the engines train with). Finite for every finite {@code
     * z}; NaN stays NaN, an infinite logit gives an infinite loss (or 0 when it is right).
     */
    public static double binaryCrossEntropyOfLogit(double z, double y) {
        if (Double.isInfinite(z)) {
            boolean right = z > 0 ? y == 1 : y == 0;
            return right ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.max(z, 0) - y * z + StrictMath.log1p(StrictMath.exp(-Math.abs(z)));
    }

    /**
     * Returns the mean of the true positive rate and the true negative rate: 0.5 for a network that
     * always says "negative", however small the drawn region. A class absent from the points counts
     * as perfectly recalled. With more classes, the mean recall of the classes present
     * ({@link ConfusionMatrix#balancedAccuracy()}).
     */
    public double balancedAccuracy() {
        if (confusion.classes() > 2) {
            return confusion.balancedAccuracy();
        }
        double tpr = truePositives + falseNegatives == 0 ? 1 : truePositives / (double) (truePositives + falseNegatives);
        double tnr = trueNegatives + falsePositives == 0 ? 1 : trueNegatives / (double) (trueNegatives + falsePositives);
        return (tpr + tnr) / 2;
    }

    /** Returns the share of points whose label is positive. */
    public double positiveShare() {
        return count == 0 ? 0 : (truePositives + falseNegatives) / (double) count;
    }
}
