package io.github.drawnet.backend.dl4j;

import io.github.drawnet.api.spi.AbstractModel;
import io.github.drawnet.api.ForwardPass;
import io.github.drawnet.api.LayerActivations;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.TrainingConfig;
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
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * A network held by a DL4J {@code MultiLayerNetwork}: {@code DenseLayer}s with the spec's activation
 * and a one-unit sigmoid {@code OutputLayer}.
 *
 * <p>DL4J flattens all parameters into one vector, layer by layer, each weight matrix of shape
 * {@code (in, out)} in column-major order followed by the bias. Column-major {@code (in, out)} is
 * the same sequence of numbers as PyTorch's row-major {@code (out, in)}, so parameters move in and
 * out as one flat copy, without transposing.
 *
 * <p>The network is rebuilt with a training configuration's updater and L2 when a trainer is made
 * (DL4J keeps both in the network's configuration); parameters are carried over exactly.
 *
 * <p>Not thread-safe.
 */
final class Dl4jModel extends AbstractModel {

    private MultiLayerNetwork network;
    private Dl4jLogitCrossEntropy loss;

    Dl4jModel(NetworkSpec spec, Parameters initial) {
        super(Dl4jBackend.ID, spec);
        configure(null);
        writeParameters(initial);
    }

    MultiLayerNetwork network() {
        return network;
    }

    Dl4jLogitCrossEntropy loss() {
        return loss;
    }

    /**
     * (Re)builds the network for {@code config} (its updater and L2), or for inference only when
     * null, keeping the current parameters.
     */
    void configure(TrainingConfig config) {
        float[] keep = network == null ? null : network.params().toFloatVector();
        NetworkSpec spec = spec();
        IUpdater updater;
        double l2 = 0;
        if (config == null) {
            updater = new Sgd(0.0);
        } else {
            updater = switch (config.optimizer()) {
                case ADAM -> new Adam(config.learningRate(), Optimizer.ADAM_BETA1, Optimizer.ADAM_BETA2,
                        Optimizer.ADAM_EPSILON);
                case SGD -> new Sgd(config.learningRate());
            };
            l2 = config.weightDecay();
        }
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder()
                .seed(config == null ? 0 : config.seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.ZERO)
                .updater(updater);
        if (l2 > 0) {
            // only when asked: a zero L2 would still cost an array operation per step
            builder.l2(l2).l2Bias(l2);
        }
        NeuralNetConfiguration.ListBuilder layers = builder.list();
        List<Integer> widths = spec.layerWidths();
        for (int l = 0; l < spec.hidden().size(); l++) {
            layers.layer(new DenseLayer.Builder().nIn(widths.get(l)).nOut(widths.get(l + 1))
                    .activation(activation(spec.activation())).build());
        }
        Dl4jLogitCrossEntropy newLoss = new Dl4jLogitCrossEntropy(!spec.isBinary());
        layers.layer(new OutputLayer.Builder().nIn(widths.get(widths.size() - 2)).nOut(spec.outputCount())
                .activation(spec.isBinary() ? Activation.SIGMOID : Activation.SOFTMAX).lossFunction(newLoss).build());
        MultiLayerConfiguration conf = layers.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        // DL4J may copy the configuration: use the loss instance the output layer really holds
        this.loss = (Dl4jLogitCrossEntropy) ((org.deeplearning4j.nn.conf.layers.BaseOutputLayer)
                net.getLayer(net.getnLayers() - 1).conf().getLayer()).getLossFn();
        this.network = net;
        if (keep != null) {
            network.params().assign(Nd4j.createFromArray(keep).reshape(1, keep.length));
        }
    }

    private static Activation activation(io.github.drawnet.api.Activation a) {
        return switch (a) {
            case SIGMOID -> Activation.SIGMOID;
            case TANH -> Activation.TANH;
            case RELU -> Activation.RELU;
            case LINEAR -> Activation.IDENTITY;
        };
    }

    /** Splits a flat vector in DL4J's parameter layout into engine-neutral layers. */
    Parameters fromFlat(float[] flat) {
        List<LayerParameters> layers = new ArrayList<>();
        int offset = 0;
        for (int l = 0; l < spec().layerCount(); l++) {
            int in = spec().layerInputs(l);
            int out = spec().layerOutputs(l);
            float[] w = java.util.Arrays.copyOfRange(flat, offset, offset + in * out);
            offset += in * out;
            float[] b = java.util.Arrays.copyOfRange(flat, offset, offset + out);
            offset += out;
            layers.add(new LayerParameters(in, out, w, b));
        }
        return new Parameters(layers);
    }

    /** Joins engine-neutral layers into one flat vector in DL4J's parameter layout. */
    static float[] toFlat(Parameters p) {
        float[] flat = new float[p.count()];
        int offset = 0;
        for (LayerParameters l : p.layers()) {
            float[] w = l.weights();
            System.arraycopy(w, 0, flat, offset, w.length);
            offset += w.length;
            float[] b = l.biases();
            System.arraycopy(b, 0, flat, offset, b.length);
            offset += b.length;
        }
        return flat;
    }

    @Override
    protected Parameters readParameters() {
        return fromFlat(network.params().toFloatVector());
    }

    @Override
    protected void writeParameters(Parameters parameters) {
        float[] flat = toFlat(parameters);
        network.params().assign(Nd4j.createFromArray(flat).reshape(1, flat.length));
    }

    @Override
    protected ForwardPass forward(float[] features, int count, boolean withHidden) {
        INDArray x = Nd4j.createFromArray(features).reshape(count, spec().inputCount());
        float[] logits = logits(x);
        if (!withHidden) {
            // the network's own output, as training sees it; output() leaves no layer state behind
            return new ForwardPass(flat(network.output(x, false)), List.of(), logits, spec().outputCount());
        }
        List<INDArray> acts = network.feedForward(x, false);
        // acts: the input, then each layer's activations; the last is the output
        List<LayerActivations> hidden = new ArrayList<>();
        for (int l = 0; l < spec().hidden().size(); l++) {
            hidden.add(new LayerActivations(spec().hidden().get(l),
                    acts.get(l + 1).dup('c').reshape((long) count * spec().hidden().get(l)).toFloatVector()));
        }
        return new ForwardPass(flat(acts.get(acts.size() - 1)), hidden, logits, spec().outputCount());
    }

    /**
     * Returns the output's logits, computed in ND4J from the layers' parameters as DL4J's layers
     * compute their pre-output ({@code a W + b}, then the activation), without running the network:
     * nothing of the network's own state (its inputs, its workspaces) is touched between training steps.
     */
    private float[] logits(INDArray x) {
        INDArray a = x;
        int layers = network.getnLayers();
        for (int l = 0; l < layers; l++) {
            org.deeplearning4j.nn.api.Layer layer = network.getLayer(l);
            INDArray z = a.mmul(layer.getParam("W")).addiRowVector(layer.getParam("b"));
            if (l == layers - 1) {
                return flat(z);
            }
            a = switch (spec().activation()) {
                case SIGMOID -> org.nd4j.linalg.ops.transforms.Transforms.sigmoid(z, false);
                case TANH -> org.nd4j.linalg.ops.transforms.Transforms.tanh(z, false);
                case RELU -> org.nd4j.linalg.ops.transforms.Transforms.relu(z, false);
                case LINEAR -> z;
            };
        }
        throw new IllegalStateException("a network without layers");
    }

    /** Returns an array's values row by row (a K-column output as K values per point). */
    static float[] flat(INDArray a) {
        return a.dup('c').reshape(a.length()).toFloatVector();
    }

    @Override
    protected void release() {
        network.close();
    }
}
