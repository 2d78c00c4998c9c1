package io.github.drawnet.backend.dl4j;

import io.github.drawnet.api.spi.AbstractModel;
import io.github.drawnet.api.ForwardPass;
import io.github.drawnet.api.LayerActivations;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A network held by a DL4J {@code MultiLayerNetwork}: {@code DenseLayer}s with the spec's activation
 * and an {@code OutputLayer}: one sigmoid unit for two classes, a softmax of K units for more.
 *
 * <p>DL4J flattens all parameters into one vector, layer by layer, each weight matrix of shape
 * {@code (in, out)} in column-major order followed by the bias. Column-major {@code (in, out)} is
 * the same sequence of numbers as PyTorch's row-major {@code (out, in)}, so parameters move in and
 * out as one flat copy, without transposing.
 *
 * <p>The network holds the parameters and runs inference; training does not go through its layers'
 * {@code fit} but through {@link Dl4jStep}, which updates the same flat parameter vector in place (so
 * the network carries no updater or regularization of its own).
 *
 * <p>Not thread-safe.
 */
final class Dl4jModel extends AbstractModel {

    private final MultiLayerNetwork network;

    Dl4jModel(NetworkSpec spec, Parameters initial) {
        super(Dl4jBackend.ID, spec);
        this.network = build(spec);
        writeParameters(initial);
    }

    MultiLayerNetwork network() {
        return network;
    }

    /** Builds the network of {@code spec}, its parameters zero. */
    private static MultiLayerNetwork build(NetworkSpec spec) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.ZERO)
                .list();
        List<Integer> widths = spec.layerWidths();
        for (int l = 0; l < spec.hidden().size(); l++) {
            layers.layer(new DenseLayer.Builder().nIn(widths.get(l)).nOut(widths.get(l + 1))
                    .activation(activation(spec.activation())).build());
        }
        layers.layer(new OutputLayer.Builder().nIn(widths.get(widths.size() - 2)).nOut(spec.outputCount())
                .activation(spec.isBinary() ? Activation.SIGMOID : Activation.SOFTMAX)
                .lossFunction(new Dl4jLogitCrossEntropy(!spec.isBinary())).build());
        MultiLayerConfiguration conf = layers.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static Activation activation(io.github.drawnet.api.Activation a) {
        return switch (a) {
            case SIGMOID -> Activation.SIGMOID;
            case TANH -> Activation.TANH;
            case RELU -> Activation.RELU;
            case LINEAR -> Activation.IDENTITY;
        };
    }

    /** Splits a flat vector in DL4J's parameter layout (which is {@link Parameters#toFlat()}'s) into layers. */
    Parameters fromFlat(float[] flat) {
        return Parameters.fromFlat(spec(), flat);
    }

    @Override
    protected Parameters readParameters() {
        return fromFlat(network.params().toFloatVector());
    }

    @Override
    protected void writeParameters(Parameters parameters) {
        float[] flat = parameters.toFlat();
        network.params().assign(Nd4j.createFromArray(flat).reshape(1, flat.length));
    }

    @Override
    protected ForwardPass forward(float[] features, int count, boolean withHidden) {
        if (withHidden) {
            // the output and logits as outputs() gives them, and the hidden layers' activations from DL4J
            ForwardPass pass = forward(features, count, false);
            try (INDArray x = Nd4j.create(features, new long[] {count, spec().inputCount()}, 'c')) {
                List<INDArray> acts = network.feedForward(x, false);
                // acts: the input, then each layer's activations; the last is the output
                List<LayerActivations> hidden = new ArrayList<>();
                for (int l = 0; l < spec().hidden().size(); l++) {
                    hidden.add(new LayerActivations(spec().hidden().get(l), flat(acts.get(l + 1))));
                }
                return new ForwardPass(pass.output(), hidden, pass.logits(), spec().outputCount());
            }
        }
        // the logits computed from the layers' parameters as DL4J's layers compute their pre-output (a W + b,
        // then the activation) without running the network, so nothing of its state is touched; every
        // array released on the way (this runs once per epoch for the validation set)
        INDArray a = Nd4j.create(features, new long[] {count, spec().inputCount()}, 'c');
        int layers = network.getnLayers();
        for (int l = 0; l < layers; l++) {
            org.deeplearning4j.nn.api.Layer layer = network.getLayer(l);
            INDArray z = a.mmul(layer.getParam("W")).addiRowVector(layer.getParam("b"));
            a.close();
            if (l == layers - 1) {
                try (z) {
                    float[] logits = flat(z);
                    // exp of the log-softmax: ND4J's softmax op is erratic in time (see Dl4jStep)
                    INDArray p = spec().isBinary() ? Transforms.sigmoid(z, false)
                            : Transforms.exp(Nd4j.exec(DynamicCustomOp.builder("log_softmax").addInputs(z)
                                    .addOutputs(z).addIntegerArguments(1).build())[0], false);
                    return new ForwardPass(flat(p), List.of(), logits, spec().outputCount());
                }
            }
            a = activate(z);
        }
        throw new IllegalStateException("a network without layers");
    }

    /** Applies the hidden activation to {@code z} in place, and returns it. */
    private INDArray activate(INDArray z) {
        return switch (spec().activation()) {
            case SIGMOID -> Transforms.sigmoid(z, false);
            case TANH -> Transforms.tanh(z, false);
            case RELU -> Transforms.relu(z, false);
            case LINEAR -> z;
        };
    }

    /** Returns an array's values row by row (a K-column output as K values per point). */
    static float[] flat(INDArray a) {
        try (INDArray rows = a.dup('c')) {
            return rows.data().asFloat();
        }
    }

    @Override
    protected void release() {
        network.close();
    }
}
