package io.github.drawnet.backend.dl4j;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One optimizer step of a {@link Dl4jModel}'s network, written as ND4J operations on arrays made once
 * per trainer: what {@code MultiLayerNetwork.fit} computes for a batch (forward, the logit loss's
 * gradient, backward, weight decay, the updater), without DL4J's per-step layer machinery (the
 * workspaces, the views and shape buffers it makes per array per step, the updater's blocks), which
 * cost about a millisecond per batch of 24 rows whatever the width.
 *
 * <p>The parameters stay where they are: the network's flat parameter vector, updated in place, so
 * that the model's forward pass and parameter reads see each step. The gradient is one flat vector in
 * the same layout (each layer's {@code W} then {@code b}), made into per-layer views by DL4J's own
 * {@link DefaultParamInitializer}, so that weight decay and the updater run once over all parameters:
 * ND4J's fused {@code adam_updater} for Adam, one {@code axpy} for SGD.
 *
 * <p>With {@code B} rows, hidden layers {@code a_l = act(z_l)}, {@code z_l = a_{l-1} W_l + b_l} and the
 * output's logits {@code z_L}: {@code d_L = p - y} ({@code p} the sigmoid or softmax of {@code z_L}),
 * {@code dW_l = a_{l-1}^T d_l / B}, {@code db_l = 1^T d_l / B}, {@code d_{l-1} = act'(z_{l-1}) * (d_l
 * W_l^T)}; then {@code g += λ θ}, {@code g += l1 · sign(θ)} (the L1 penalty's gradient, on weights and
 * biases alike as the decay, when {@code l1 > 0}) and the optimizer's update, as PyTorch's {@code weight_decay} and Adam
 * (epsilon scaled by {@code sqrt(1 - β2^t)} each step, so that the fused op's update is PyTorch's:
 * {@code lr m̂ / (sqrt(v̂) + eps)}) or SGD.
 *
 * <p>Not thread-safe; one per trainer. {@link #close()} frees every array it made.
 */
final class Dl4jStep implements AutoCloseable {

    private final NetworkSpec spec;
    private final TrainingConfig config;
    private final int layers;
    private final INDArray params;
    private final INDArray[] weights;
    private final INDArray[] biases;
    private final INDArray gradient;
    private final INDArray[] weightGradients;
    private final INDArray[] biasGradients;
    private final INDArray firstMoment;
    private final INDArray secondMoment;
    /** {@code sign(θ)} each step, into {@link #signs}; null without L1. */
    private final Sign sign;
    private final INDArray signs;
    private long step;
    private final Call adam;
    private Rows full;
    private Rows last;

    Dl4jStep(MultiLayerNetwork network, NetworkSpec spec, TrainingConfig config) {
        this.spec = spec;
        this.config = config;
        this.layers = network.getnLayers();
        this.params = network.params();
        // shaped like the parameters (a vector), so that one axpy or one fused update covers them all
        this.gradient = Nd4j.create(DataType.FLOAT, params.shape());
        this.weights = new INDArray[layers];
        this.biases = new INDArray[layers];
        this.weightGradients = new INDArray[layers];
        this.biasGradients = new INDArray[layers];
        long offset = 0;
        for (int l = 0; l < layers; l++) {
            Layer layer = network.getLayer(l);
            weights[l] = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
            biases[l] = layer.getParam(DefaultParamInitializer.BIAS_KEY);
            long n = layer.numParams();
            Map<String, INDArray> views = DefaultParamInitializer.getInstance().getGradientsFromFlattened(layer.conf(),
                    gradient.get(NDArrayIndex.interval(offset, offset + n)));
            weightGradients[l] = views.get(DefaultParamInitializer.WEIGHT_KEY);
            // a row, as the product that sums the batch's rows writes it; a view still (a reshape of contiguous
            // memory copies nothing)
            INDArray bias = views.get(DefaultParamInitializer.BIAS_KEY);
            biasGradients[l] = bias.reshape(1, bias.length());
            offset += n;
        }
        this.signs = config.l1() > 0 ? Nd4j.create(DataType.FLOAT, params.shape()) : null;
        this.sign = signs == null ? null : new Sign(params, signs);
        boolean usesAdam = switch (config.optimizer()) {
            case ADAM -> true;
            case SGD -> false;
        };
        this.firstMoment = usesAdam ? Nd4j.create(DataType.FLOAT, params.shape()) : null;
        this.secondMoment = usesAdam ? Nd4j.create(DataType.FLOAT, params.shape()) : null;
        // the gradient becomes the update, in place; arguments are set each step
        this.adam = usesAdam ? new Call("adam_updater", new INDArray[] {gradient, secondMoment, firstMoment}, gradient)
                : null;
        if (usesAdam) {
            this.adam.output(1, secondMoment);
            this.adam.output(2, firstMoment);
        }
    }

    /** Returns the number of steps taken (Adam's {@code t}). */
    long steps() {
        return step;
    }

    /** Returns Adam's first moment, flat in the network's parameter layout; null for SGD. */
    INDArray firstMoment() {
        return firstMoment;
    }

    /** Returns Adam's second moment, flat in the network's parameter layout; null for SGD. */
    INDArray secondMoment() {
        return secondMoment;
    }

    /** Sets the number of steps taken, for a restored state. */
    void setSteps(long steps) {
        this.step = steps;
    }

    /**
     * Takes one step on the batch {@code x} (rows of inputs) with targets {@code y} (the label, or a
     * one-hot row), writing the batch's logits into {@code logits} (a view of the same rows).
     */
    void take(INDArray x, INDArray y, INDArray logits) {
        Rows r = rows((int) x.size(0));
        r.forward[0].input(0, x);
        r.forward[layers - 1].output(0, logits);
        r.probabilities.input(0, logits);
        r.error.input(1, y);
        r.weightGradient[0].input(0, x);
        for (int l = 0; l < layers; l++) {
            r.forward[l].run();
            if (l < layers - 1 && r.activation[l] != null) {
                r.activation[l].run();
            }
        }
        r.probabilities.run();
        if (r.exponent != null) {
            Nd4j.getExecutioner().exec(r.exponent);
        }
        r.error.run();
        for (int l = layers - 1; l >= 0; l--) {
            r.weightGradient[l].run();
            r.biasGradient[l].run();
            if (l > 0) {
                r.backward[l - 1].run();
                if (r.derivative[l - 1] != null) {
                    r.derivative[l - 1].run();
                }
            }
        }
        step++;
        update();
    }

    /** Weight decay and the L1 penalty into the gradient, then the optimizer's step on the parameters. */
    private void update() {
        long count = params.length();
        double decay = config.weightDecay();
        if (decay > 0) {
            Nd4j.getBlasWrapper().level1().axpy(count, decay, params, gradient);
        }
        if (sign != null) {
            Nd4j.getExecutioner().exec(sign);
            Nd4j.getBlasWrapper().level1().axpy(count, config.l1(), signs, gradient);
        }
        switch (config.optimizer()) {
            case ADAM -> {
                // the fused op divides by sqrt(v) + eps, PyTorch by sqrt(v / (1 - β2^t)) + eps
                double epsilon = Optimizer.ADAM_EPSILON * Math.sqrt(1 - Math.pow(Optimizer.ADAM_BETA2, step));
                adam.arguments(new double[] {config.learningRate(), Optimizer.ADAM_BETA1, Optimizer.ADAM_BETA2,
                    epsilon}, new long[] {step - 1}); // the op counts from 0: it corrects by β^(iteration + 1)
                adam.run();
                Nd4j.getBlasWrapper().level1().axpy(count, -1.0, gradient, params);
            }
            case SGD -> Nd4j.getBlasWrapper().level1().axpy(count, -config.learningRate(), gradient, params);
        }
    }

    private Rows rows(int count) {
        if (full != null && full.count == count) {
            return full;
        }
        if (last != null && last.count == count) {
            return last;
        }
        Rows made = new Rows(count);
        if (full == null) {
            full = made;
        } else {
            if (last != null) {
                last.close();
            }
            last = made;
        }
        return made;
    }

    @Override
    public void close() {
        if (full != null) {
            full.close();
        }
        if (last != null) {
            last.close();
        }
        gradient.close();
        if (signs != null) {
            signs.close();
        }
        if (firstMoment != null) {
            firstMoment.close();
            secondMoment.close();
        }
    }

    /**
     * The work arrays of a batch of {@code count} rows, and the step's operations on them, each with its
     * native context made once (ND4J otherwise makes, fills and leaves to the collector a context per
     * call).
     */
    private final class Rows implements AutoCloseable {
        final int count;
        private final List<INDArray> arrays = new ArrayList<>();
        final Call[] forward;
        final Call[] activation;
        /** The output's sigmoid, or its log-softmax (then {@link #exponent} makes it the softmax). */
        final Call probabilities;
        final Exp exponent;
        final Call error;
        final Call[] weightGradient;
        final Call[] biasGradient;
        final Call[] backward;
        final Call[] derivative;

        Rows(int count) {
            this.count = count;
            int hidden = layers - 1;
            INDArray[] z = new INDArray[hidden];
            INDArray[] a = new INDArray[hidden];
            INDArray[] back = new INDArray[hidden];
            forward = new Call[layers];
            activation = new Call[hidden];
            backward = new Call[hidden];
            derivative = new Call[hidden];
            weightGradient = new Call[layers];
            biasGradient = new Call[layers];
            boolean linear = spec.activation() == Activation.LINEAR;
            for (int l = 0; l < hidden; l++) {
                int width = spec.layerOutputs(l);
                z[l] = array(count, width);
                a[l] = linear ? z[l] : array(count, width);
                back[l] = array(count, width);
            }
            INDArray delta = array(count, spec.outputCount());
            INDArray ones = array(1, count).assign(1.0);
            // inputs and outputs that are rows of the epoch's arrays are set by take(); until then, stand-ins
            INDArray inputs = array(count, spec.inputCount());
            INDArray logits = array(count, spec.outputCount());
            for (int l = 0; l < layers; l++) {
                INDArray in = l == 0 ? inputs : a[l - 1];
                INDArray out = l == layers - 1 ? logits : z[l];
                forward[l] = call("xw_plus_b", new INDArray[] {in, weights[l], biases[l]}, out);
                if (l < hidden) {
                    activation[l] = switch (spec.activation()) {
                        case SIGMOID -> call("sigmoid", new INDArray[] {z[l]}, a[l]);
                        case TANH -> call("tanh", new INDArray[] {z[l]}, a[l]);
                        case RELU -> call("relu", new INDArray[] {z[l]}, a[l]).arguments(new double[] {0.0}, null);
                        case LINEAR -> null;
                    };
                }
            }
            // ND4J's softmax op took 0.005 to 9 ms for 24 rows of 5 (erratic, worse under load: it handed
            // the rows to threads); its log-softmax takes microseconds, and exp of it is the softmax
            if (spec.isBinary()) {
                probabilities = call("sigmoid", new INDArray[] {logits}, delta);
                exponent = null;
            } else {
                probabilities = call("log_softmax", new INDArray[] {logits}, delta).arguments(null, new long[] {1});
                exponent = new Exp(delta, delta);
            }
            INDArray targets = array(count, spec.outputCount());
            error = call("subtract", new INDArray[] {delta, targets}, delta);
            double scale = 1.0 / count;
            for (int l = layers - 1; l >= 0; l--) {
                INDArray in = l == 0 ? inputs : a[l - 1];
                // the gradient with respect to this layer's pre-activation: over z, or the back array if linear
                INDArray d = l == layers - 1 ? delta : linear ? back[l] : z[l];
                weightGradient[l] = call("matmul", new INDArray[] {in, d}, weightGradients[l])
                        .arguments(new double[] {scale, 0.0}, new long[] {1, 0, 0});
                biasGradient[l] = call("matmul", new INDArray[] {ones, d}, biasGradients[l])
                        .arguments(new double[] {scale, 0.0}, new long[] {0, 0, 0});
                if (l > 0) {
                    backward[l - 1] = call("matmul", new INDArray[] {d, weights[l]}, back[l - 1])
                            .arguments(new double[] {1.0, 0.0}, new long[] {0, 1, 0});
                    INDArray zPrev = z[l - 1];
                    derivative[l - 1] = switch (spec.activation()) {
                        case SIGMOID -> call("sigmoid_bp", new INDArray[] {zPrev, back[l - 1]}, zPrev);
                        case TANH -> call("tanh_bp", new INDArray[] {zPrev, back[l - 1]}, zPrev);
                        case RELU -> call("relu_bp", new INDArray[] {zPrev, back[l - 1]}, zPrev)
                                .arguments(new double[] {0.0}, null);
                        case LINEAR -> null;
                    };
                }
            }
        }

        private INDArray array(long rows, long columns) {
            INDArray a = Nd4j.create(DataType.FLOAT, rows, columns);
            arrays.add(a);
            return a;
        }

        private Call call(String name, INDArray[] inputs, INDArray output) {
            return new Call(name, inputs, output);
        }

        @Override
        public void close() {
            arrays.forEach(INDArray::close);
        }
    }

    /**
     * One ND4J operation with its native context, made once and run many times. ND4J frees the
     * context's native memory when the collector finds it unreachable ({@code CpuOpContext.close()}
     * does nothing, and freeing it here would free it twice): a dozen per trainer, not one per call.
     */
    static final class Call {
        private final DynamicCustomOp op;
        private final OpContext context;

        Call(String name, INDArray[] inputs, INDArray output) {
            this.op = DynamicCustomOp.builder(name).build();
            this.context = Nd4j.getExecutioner().buildContext();
            for (int i = 0; i < inputs.length; i++) {
                context.setInputArray(i, inputs[i]);
            }
            context.setOutputArray(0, output);
        }

        /** Sets the operation's floating-point and integer arguments (null: none); returns this call. */
        Call arguments(double[] t, long[] i) {
            if (t != null) {
                context.setTArguments(t);
            }
            if (i != null) {
                context.setIArguments(i);
            }
            return this;
        }

        void input(int index, INDArray array) {
            context.setInputArray(index, array);
        }

        void output(int index, INDArray array) {
            context.setOutputArray(index, array);
        }

        void run() {
            Nd4j.getExecutioner().exec(op, context);
        }
    }
}
