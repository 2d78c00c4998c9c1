package io.github.drawnet.api;

import io.github.drawnet.api.internal.Checks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Every weight and bias of a network, engine-neutral: one {@link LayerParameters} per {@code Linear}
 * layer, first hidden layer first, output layer last, in PyTorch's layout. This is what moves between
 * engines: initial values made here from the seed, learned values read back, saved models.
 *
 * <p>Immutable and thread-safe.
 */
public final class Parameters {

    private final List<LayerParameters> layers;

    /**
     * Creates parameters from layers whose sizes chain (each layer's fan-in is the previous one's
     * fan-out).
     *
     * @throws IllegalArgumentException when there is no layer or the sizes do not chain
     */
    public Parameters(List<LayerParameters> layers) {
        Checks.argument(!layers.isEmpty(), "parameters need at least one layer");
        for (int l = 1; l < layers.size(); l++) {
            Checks.argument(layers.get(l).inputs() == layers.get(l - 1).outputs(),
                    "layer %d takes %d inputs but layer %d gives %d outputs", l, layers.get(l).inputs(), l - 1,
                    layers.get(l - 1).outputs());
        }
        this.layers = List.copyOf(layers);
    }

    /**
     * Returns initial parameters for {@code spec} drawn from {@code seed} the way PyTorch initialises
     * a {@code Linear} layer by default: every weight and bias uniform in {@code ±1/sqrt(fan_in)}.
     * The same seed gives the same numbers on every machine and every backend.
     */
    public static Parameters initial(NetworkSpec spec, long seed) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "init"));
        List<LayerParameters> layers = new ArrayList<>();
        for (int l = 0; l < spec.layerCount(); l++) {
            int in = spec.layerInputs(l);
            int out = spec.layerOutputs(l);
            double bound = 1.0 / Math.sqrt(in);
            float[] w = new float[in * out];
            float[] b = new float[out];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) random.nextDouble(-bound, bound);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) random.nextDouble(-bound, bound);
            }
            layers.add(new LayerParameters(in, out, w, b));
        }
        return new Parameters(layers);
    }

    /**
     * Returns every value in one vector: layer by layer, the layer's weights (row-major, {@code out x
     * in}, as {@link LayerParameters#weights()}) then its biases. This is the order engines that keep
     * all parameters in one array use (DL4J's column-major {@code in x out} weights hold the same
     * sequence); {@link #fromFlat} reads it back.
     */
    public float[] toFlat() {
        float[] flat = new float[count()];
        int offset = 0;
        for (LayerParameters l : layers) {
            System.arraycopy(l.weights(), 0, flat, offset, l.weights().length);
            offset += l.weights().length;
            System.arraycopy(l.biases(), 0, flat, offset, l.biases().length);
            offset += l.biases().length;
        }
        return flat;
    }

    /**
     * Returns the parameters of a network of shape {@code spec} held in one vector in {@link
     * #toFlat()}'s layout.
     *
     * @throws IllegalArgumentException when the vector does not hold exactly the spec's parameter count
     */
    public static Parameters fromFlat(NetworkSpec spec, float[] flat) {
        Checks.argument(flat.length == spec.parameterCount(), "a network of %d parameters cannot be read from %d"
                + " values", spec.parameterCount(), flat.length);
        List<LayerParameters> layers = new ArrayList<>();
        int offset = 0;
        for (int l = 0; l < spec.layerCount(); l++) {
            int in = spec.layerInputs(l);
            int out = spec.layerOutputs(l);
            float[] w = java.util.Arrays.copyOfRange(flat, offset, offset + in * out);
            offset += in * out;
            float[] b = java.util.Arrays.copyOfRange(flat, offset, offset + out);
            offset += out;
            layers.add(new LayerParameters(in, out, w, b));
        }
        return new Parameters(layers);
    }

    /** Returns parameters of the same shape with every value zero (an optimizer's fresh state). */
    public Parameters zeros() {
        List<LayerParameters> z = new ArrayList<>();
        for (LayerParameters layer : layers) {
            z.add(layer.zeros());
        }
        return new Parameters(z);
    }

    /** Returns the layers, first hidden layer first. */
    public List<LayerParameters> layers() {
        return layers;
    }

    /** Returns layer {@code index}. */
    public LayerParameters layer(int index) {
        return layers.get(index);
    }

    /** Returns the number of {@code Linear} layers. */
    public int layerCount() {
        return layers.size();
    }

    /** Returns the number of weights and biases in all. */
    public int count() {
        int n = 0;
        for (LayerParameters l : layers) {
            n += l.inputs() * l.outputs() + l.outputs();
        }
        return n;
    }

    /** Returns whether these parameters have the shape {@code spec} asks for. */
    public boolean fits(NetworkSpec spec) {
        if (spec.layerCount() != layers.size()) {
            return false;
        }
        for (int l = 0; l < layers.size(); l++) {
            if (layers.get(l).inputs() != spec.layerInputs(l) || layers.get(l).outputs() != spec.layerOutputs(l)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns these parameters after checking they fit {@code spec}.
     *
     * @throws IllegalArgumentException naming both shapes when they do not
     */
    public Parameters requireFits(NetworkSpec spec) {
        Checks.argument(fits(spec), "parameters of shape %s do not fit a network of shape %s", shape(),
                spec.layerWidths());
        return this;
    }

    /** Returns the widths of the layers of units these parameters connect: inputs, hidden..., output. */
    public List<Integer> shape() {
        List<Integer> s = new ArrayList<>();
        s.add(layers.get(0).inputs());
        for (LayerParameters l : layers) {
            s.add(l.outputs());
        }
        return List.copyOf(s);
    }

    /** Returns whether every value is finite. */
    public boolean isFinite() {
        return layers.stream().allMatch(LayerParameters::isFinite);
    }

    /**
     * Returns the largest absolute difference between corresponding values.
     *
     * @throws IllegalArgumentException when the shapes differ
     */
    public double maxAbsDifference(Parameters other) {
        Checks.argument(other.shape().equals(shape()), "parameters differ in shape: %s vs %s", shape(), other.shape());
        double max = 0;
        for (int l = 0; l < layers.size(); l++) {
            max = Math.max(max, layers.get(l).maxAbsDifference(other.layers.get(l)));
        }
        return max;
    }

    /** Equal when every layer is bit for bit equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters && ((Parameters) o).layers.equals(layers);
    }

    @Override
    public int hashCode() {
        return layers.hashCode();
    }

    @Override
    public String toString() {
        return "Parameters" + layers;
    }
}
