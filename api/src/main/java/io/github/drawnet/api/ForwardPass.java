package io.github.drawnet.api;

import io.github.drawnet.api.internal.Checks;

import java.util.List;

/**
 * What one forward pass over many points yields: the output probability of each point and, from
 * the same pass, every hidden layer's activations (the notebook's hidden-unit maps come from here).
 *
 * @param output the probability of the positive class at each point
 * @param hidden each hidden layer's activations, first layer first; empty without hidden layers
 */
public record ForwardPass(float[] output, List<LayerActivations> hidden) {

    /** Validates that every layer holds one row per point. */
    public ForwardPass {
        hidden = List.copyOf(hidden);
        for (LayerActivations layer : hidden) {
            Checks.argument(layer.count() == output.length, "hidden layer holds %d points, output holds %d",
                    layer.count(), output.length);
        }
    }

    /** Returns the number of points. */
    public int count() {
        return output.length;
    }
}
