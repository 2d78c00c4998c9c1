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
 * @param output the probability of the positive class at each point
 * @param hidden each hidden layer's activations, first layer first; empty without hidden layers
 * @param logits the output unit's logit at each point ({@code output = sigmoid(logits)} as the
 *     engine computed it)
 */
public record ForwardPass(float[] output, List<LayerActivations> hidden, float[] logits) {

    /**
     * Validates that every layer and the logits hold one row per point.
     *
     * @throws IllegalArgumentException when they do not
     */
    public ForwardPass {
        hidden = List.copyOf(hidden);
        for (LayerActivations layer : hidden) {
            Checks.argument(layer.count() == output.length, "hidden layer holds %d points, output holds %d",
                    layer.count(), output.length);
        }
        Checks.argument(logits.length == output.length, "%d logits for %d outputs", logits.length, output.length);
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
        return output.length;
    }
}
