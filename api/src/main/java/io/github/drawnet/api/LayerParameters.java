package io.github.drawnet.api;

import io.github.drawnet.api.internal.Checks;

import java.util.Arrays;
import java.util.Locale;

/**
 * The weights and biases of one fully connected layer, in PyTorch's {@code Linear} layout: {@code
 * weight[out][in]}, stored row-major, and {@code bias[out]}. Values are 32-bit floats, the precision
 * both engines train in, so that setting them into an engine and reading them back is exact.
 *
 * <p>Immutable: arrays are copied in and out.
 */
public final class LayerParameters {

    private final int inputs;
    private final int outputs;
    private final float[] weights;
    private final float[] biases;

    /**
     * Creates a layer from row-major weights ({@code outputs × inputs}) and biases ({@code outputs}).
     *
     * @throws IllegalArgumentException when the lengths do not match the sizes
     */
    public LayerParameters(int inputs, int outputs, float[] weights, float[] biases) {
        Checks.argument(inputs >= 1 && outputs >= 1, "layer sizes must be >= 1, got %d x %d", outputs, inputs);
        Checks.argument(weights.length == inputs * outputs,
                "weights of a %d x %d layer must hold %d values, got %d", outputs, inputs, inputs * outputs,
                weights.length);
        Checks.argument(biases.length == outputs, "biases of a layer with %d outputs must hold %d values, got %d",
                outputs, outputs, biases.length);
        this.inputs = inputs;
        this.outputs = outputs;
        this.weights = weights.clone();
        this.biases = biases.clone();
    }

    /** Creates a layer from a {@code weight[out][in]} matrix and a bias vector. */
    public static LayerParameters of(float[][] weight, float[] bias) {
        Checks.argument(weight.length >= 1, "a layer needs at least one row of weights");
        int in = weight[0].length;
        float[] flat = new float[weight.length * in];
        for (int o = 0; o < weight.length; o++) {
            Checks.argument(weight[o].length == in, "weight rows must all have %d values, row %d has %d", in, o,
                    weight[o].length);
            System.arraycopy(weight[o], 0, flat, o * in, in);
        }
        return new LayerParameters(in, weight.length, flat, bias);
    }

    /** Returns the layer's fan-in. */
    public int inputs() {
        return inputs;
    }

    /** Returns the layer's fan-out. */
    public int outputs() {
        return outputs;
    }

    /** Returns the weight from input {@code in} to output {@code out}. */
    public float weight(int out, int in) {
        return weights[out * inputs + in];
    }

    /** Returns the bias of output {@code out}. */
    public float bias(int out) {
        return biases[out];
    }

    /** Returns a copy of the weights, row-major {@code [out][in]}. */
    public float[] weights() {
        return weights.clone();
    }

    /** Returns a copy of the biases. */
    public float[] biases() {
        return biases.clone();
    }

    /** Returns a copy of the weights as a {@code [out][in]} matrix. */
    public float[][] weightMatrix() {
        float[][] m = new float[outputs][];
        for (int o = 0; o < outputs; o++) {
            m[o] = Arrays.copyOfRange(weights, o * inputs, (o + 1) * inputs);
        }
        return m;
    }

    /** Returns the layer with every weight and bias replaced by zero. */
    public LayerParameters zeros() {
        return new LayerParameters(inputs, outputs, new float[weights.length], new float[biases.length]);
    }

    /** Returns whether every weight and bias is finite. */
    public boolean isFinite() {
        for (float w : weights) {
            if (!Float.isFinite(w)) {
                return false;
            }
        }
        for (float b : biases) {
            if (!Float.isFinite(b)) {
                return false;
            }
        }
        return true;
    }

    /** Returns the largest absolute difference to a layer of the same shape. */
    public double maxAbsDifference(LayerParameters other) {
        Checks.argument(other.inputs == inputs && other.outputs == outputs,
                "layers differ in shape: %d x %d vs %d x %d", outputs, inputs, other.outputs, other.inputs);
        double max = 0;
        for (int i = 0; i < weights.length; i++) {
            max = Math.max(max, Math.abs((double) weights[i] - other.weights[i]));
        }
        for (int i = 0; i < biases.length; i++) {
            max = Math.max(max, Math.abs((double) biases[i] - other.biases[i]));
        }
        return max;
    }

    /** Equal when the shapes match and every value is bit for bit the same. */
    @Override
    public boolean equals(Object o) {
        return o instanceof LayerParameters
                && ((LayerParameters) o).inputs == inputs
                && Arrays.equals(((LayerParameters) o).weights, weights)
                && Arrays.equals(((LayerParameters) o).biases, biases);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * inputs + Arrays.hashCode(weights)) + Arrays.hashCode(biases);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Linear(%d -> %d, weight=%s, bias=%s)", inputs, outputs,
                Arrays.deepToString(weightMatrix()), Arrays.toString(biases));
    }
}
