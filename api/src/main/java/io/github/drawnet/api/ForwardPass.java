package io.github.drawnet.api;

import io.github.drawnet.api.internal.Checks;

import java.util.List;

/**
 * What one forward pass over many points yields: the output probability of each point and, from
 * the same pass, every hidden layer's activations (the notebook's hidden-unit maps come from here).
 *
 * <p>The output's logits (the output unit's input before the sigmoid) come from the same pass: the
 * loss is computed from them, stably, however sure the network is ({@link
 * Evaluation#binaryCrossEntropyOfLogit}).
 *
 * <p>A network of {@code K > 2} classes gives {@code K} outputs per point ({@link #width()}): the
 * arrays then hold one row of {@code K} values per point, point after point, the probabilities
 * being the softmax of the row's logits.
 *
 * @param output the probability of the positive class at each point; with {@code K > 2} classes,
 *     each class's probability, row by row
 * @param hidden each hidden layer's activations, first layer first; empty without hidden layers
 * @param logits the output units' logits at each point ({@code output = sigmoid(logits)}, or the
 *     row's softmax, as the engine computed it)
 * @param width the number of outputs per point: 1 for two classes, else the number of classes
 */
public record ForwardPass(float[] output, List<LayerActivations> hidden, float[] logits, int width) {

    /**
     * Validates that every layer and the logits hold one row per point.
     *
     * @throws IllegalArgumentException when they do not
     */
    public ForwardPass {
        hidden = List.copyOf(hidden);
        Checks.argument(width == 1 || width >= 3 && width <= NetworkSpec.MAX_CLASSES,
                "a pass has 1 output per point or one per class (3 to %d), got %d", NetworkSpec.MAX_CLASSES, width);
        Checks.argument(output.length % width == 0, "%d outputs are not rows of %d", output.length, width);
        int points = output.length / width;
        for (LayerActivations layer : hidden) {
            Checks.argument(layer.count() == points, "hidden layer holds %d points, output holds %d",
                    layer.count(), points);
        }
        Checks.argument(logits.length == output.length, "%d logits for %d outputs", logits.length, output.length);
    }

    /**
     * A pass of a two-class network: one probability and one logit per point.
     *
     * @param output the probability of the positive class at each point
     * @param hidden each hidden layer's activations
     * @param logits the output unit's logit at each point
     */
    public ForwardPass(float[] output, List<LayerActivations> hidden, float[] logits) {
        this(output, hidden, logits, 1);
    }

    /**
     * Creates a pass from probabilities alone, for a backend that cannot give its logits: they are
     * recovered as {@code log(p) - log(1 - p)}, which is infinite where a float probability has
     * saturated at 0 or 1.
     */
    public ForwardPass(float[] output, List<LayerActivations> hidden) {
        this(output, hidden, logitsOf(output));
    }

    private static float[] logitsOf(float[] p) {
        float[] z = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            z[i] = (float) (StrictMath.log(p[i]) - StrictMath.log1p(-p[i]));
        }
        return z;
    }

    /** Returns the number of points. */
    public int count() {
        return output.length / width;
    }

    /** Returns the number of classes this pass tells apart: 2 for one output per point, else its width. */
    public int classes() {
        return width == 1 ? 2 : width;
    }

    /**
     * Returns the probability that point {@code i} is of class {@code k}.
     *
     * @param i the point
     * @param k the class, in [0, {@link #classes()})
     */
    public double probability(int i, int k) {
        if (width == 1) {
            return k == 1 ? output[i] : 1 - output[i];
        }
        return output[i * width + k];
    }

    /**
     * Returns the class the network gives point {@code i}: for two classes 1 when the probability is
     * at least {@link Evaluation#THRESHOLD}, else the class of the largest logit (the most likely; the
     * first of equals), as PyTorch's {@code argmax}.
     */
    public int predictedClass(int i) {
        if (width == 1) {
            return Evaluation.predictsPositive(output[i]) ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < width; k++) {
            if (logits[i * width + k] > logits[i * width + best]) {
                best = k;
            }
        }
        return best;
    }

    /** Returns every point's predicted class ({@link #predictedClass}). */
    public int[] predictedClasses() {
        int[] out = new int[count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = predictedClass(i);
        }
        return out;
    }
}
