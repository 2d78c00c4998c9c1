package io.github.drawnet.backend.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import io.github.drawnet.api.spi.AbstractModel;
import io.github.drawnet.api.ForwardPass;
import io.github.drawnet.api.LayerActivations;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import java.util.ArrayList;
import java.util.List;

/**
 * A network held in DJL NDArrays: per layer a weight of shape {@code (out, in)} (PyTorch's {@code
 * Linear} layout, so parameters move in and out without transposing) and a bias of shape {@code
 * (out)}, all float32 and marked for gradients, each a view of one array that holds them all (so
 * that an optimizer updates every parameter in one call).
 *
 * <p>Not thread-safe.
 */
final class DjlModel extends AbstractModel {

    private final NDManager manager;
    /** Every parameter in one array, in {@link Parameters#toFlat()}'s layout. */
    private final NDArray flat;
    private final NDArray[] weights;
    private final NDArray[] biases;

    DjlModel(Engine engine, NetworkSpec spec, Parameters initial) {
        super(DjlBackend.ID, spec);
        this.manager = engine.newBaseManager();
        int layers = spec.layerCount();
        this.flat = DjlBackend.owned(manager, initial.toFlat(), new Shape(spec.parameterCount()));
        // the layers' weights and biases are views of the one array, each an autograd leaf of its own:
        // autograd gives each its gradient, and an optimizer can update all of them in one call on the array
        NDArray[] views = views(flat, spec);
        this.weights = new NDArray[layers];
        this.biases = new NDArray[layers];
        for (int l = 0; l < layers; l++) {
            weights[l] = views[2 * l];
            biases[l] = views[2 * l + 1];
            weights[l].setRequiresGradient(true);
            biases[l].setRequiresGradient(true);
        }
    }

    /**
     * Returns views of a vector in {@link Parameters#toFlat()}'s layout: weight then bias of each layer, the weight
     * of shape {@code (out, in)}. Writing into a view writes into the vector.
     */
    private static NDArray[] views(NDArray vector, NetworkSpec spec) {
        NDArray[] views = new NDArray[2 * spec.layerCount()];
        long offset = 0;
        for (int l = 0; l < spec.layerCount(); l++) {
            int in = spec.layerInputs(l);
            int out = spec.layerOutputs(l);
            views[2 * l] = vector.get(new NDIndex(offset + ":" + (offset + (long) in * out))).reshape(out, in);
            offset += (long) in * out;
            views[2 * l + 1] = vector.get(new NDIndex(offset + ":" + (offset + out)));
            offset += out;
        }
        return views;
    }

    NDManager manager() {
        return manager;
    }

    /** Returns every parameter as one array; the layers' weights and biases are views of it. */
    NDArray flat() {
        return flat;
    }

    /** Returns the trainable arrays: weight then bias of each layer. */
    List<NDArray> trainable() {
        List<NDArray> all = new ArrayList<>();
        for (int l = 0; l < weights.length; l++) {
            all.add(weights[l]);
            all.add(biases[l]);
        }
        return all;
    }

    @Override
    protected Parameters readParameters() {
        return Parameters.fromFlat(spec(), flat.toFloatArray());
    }

    @Override
    protected void writeParameters(Parameters parameters) {
        DjlBackend.copyInto(flat, parameters.toFlat());
    }

    /**
     * Returns the output logits of a batch, collecting each hidden layer's activations into {@code
     * hidden} when it is not null. Results are attached to {@code x}'s manager.
     */
    NDArray logits(NDArray x, List<NDArray> hidden) {
        NDArray a = x;
        int last = weights.length - 1;
        for (int l = 0; l < last; l++) {
            NDArray z = Linear.linear(a, weights[l], biases[l]).singletonOrThrow();
            a = activate(z);
            if (hidden != null) {
                hidden.add(a);
            }
        }
        return Linear.linear(a, weights[last], biases[last]).singletonOrThrow();
    }

    private NDArray activate(NDArray z) {
        return switch (spec().activation()) {
            case SIGMOID -> Activation.sigmoid(z);
            case TANH -> Activation.tanh(z);
            case RELU -> Activation.relu(z);
            case LINEAR -> z;
        };
    }

    @Override
    protected ForwardPass forward(float[] features, int count, boolean withHidden) {
        DjlBackend.noGrad();
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(features, new Shape(count, spec().inputCount()));
            List<NDArray> hidden = withHidden ? new ArrayList<>() : null;
            NDArray z = logits(x, hidden);
            // one sigmoid output for two classes; a softmax over the row for more (PyTorch's softmax(dim=1))
            NDArray p = spec().isBinary() ? Activation.sigmoid(z) : z.softmax(1);
            float[] output = p.toType(DataType.FLOAT32, false).toFloatArray();
            float[] zs = z.toType(DataType.FLOAT32, false).toFloatArray();
            List<LayerActivations> layers = new ArrayList<>();
            if (hidden != null) {
                for (int l = 0; l < hidden.size(); l++) {
                    layers.add(new LayerActivations(spec().hidden().get(l), hidden.get(l).toFloatArray()));
                }
            }
            return new ForwardPass(output, layers, zs, spec().outputCount());
        }
    }

    @Override
    protected void release() {
        manager.close();
    }
}
