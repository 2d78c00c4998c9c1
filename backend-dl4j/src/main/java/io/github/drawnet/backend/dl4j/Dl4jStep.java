package io.github.drawnet.backend.dl4j;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.TrainingConfig;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SigmoidDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.TanhDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.api.blas.params.MMulTranspose;
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
 * W_l^T)}; then {@code g += λ θ} and the optimizer's update, as PyTorch's {@code weight_decay} and Adam
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
    private long step;
    private Rows full;
    private Rows last;

    Dl4jStep(MultiLayerNetwork network, NetworkSpec spec, TrainingConfig config) {
        this.spec = spec;
        this.config = config;
        this.layers = network.getnLayers();
        this.params = network.params();
        long count = params.length();
        // shaped like the parameters (a vector), as the fused updater and params.subi want
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
        boolean adam = switch (config.optimizer()) {
            case ADAM -> true;
            case SGD -> false;
        };
        this.firstMoment = adam ? Nd4j.create(DataType.FLOAT, params.shape()) : null;
        this.secondMoment = adam ? Nd4j.create(DataType.FLOAT, params.shape()) : null;
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
        // forward
        INDArray in = x;
        for (int l = 0; l < layers; l++) {
            boolean output = l == layers - 1;
            INDArray z = output ? logits : r.z[l];
            Nd4j.exec(new Mmul(in, weights[l], z, 1.0, 0.0, MMulTranspose.allFalse()));
            z.addiRowVector(biases[l]);
            if (!output) {
                activate(z, r.a[l]);
                in = r.a[l];
            }
        }
        // the loss's gradient with respect to the logits, times B: p - y
        INDArray d = r.delta;
        if (spec.isBinary()) {
            Nd4j.exec(new Sigmoid(logits, d));
        } else {
            Nd4j.exec(new SoftMax(logits, d, 1));
        }
        d.subi(y);
        // backward; the 1/B of the mean is applied in each parameter's gradient
        double scale = 1.0 / r.count;
        for (int l = layers - 1; l >= 0; l--) {
            INDArray input = l == 0 ? x : r.a[l - 1];
            Nd4j.exec(new Mmul(input, d, weightGradients[l], scale, 0.0,
                    MMulTranspose.builder().transposeA(true).build()));
            Nd4j.exec(new Mmul(r.ones, d, biasGradients[l], scale, 0.0, MMulTranspose.allFalse()));
            if (l > 0) {
                INDArray back = r.back[l - 1];
                Nd4j.exec(new Mmul(d, weights[l], back, 1.0, 0.0, MMulTranspose.builder().transposeB(true).build()));
                d = derive(r.z[l - 1], back);
            }
        }
        step++;
        update();
    }

    /** The hidden activation of {@code z} into {@code a} (the same array for a linear one). */
    private void activate(INDArray z, INDArray a) {
        switch (spec.activation()) {
            case SIGMOID -> Nd4j.exec(new Sigmoid(z, a));
            case TANH -> Nd4j.exec(new Tanh(z, a));
            case RELU -> Nd4j.exec(new RectifiedLinear(z, a, 0.0));
            case LINEAR -> { } // a is z
        }
    }

    /**
     * Returns the gradient with respect to {@code z}, given the gradient {@code back} with respect to
     * {@code act(z)}: written over {@code z}, which the step no longer needs (over {@code back} for a
     * linear layer).
     */
    private INDArray derive(INDArray z, INDArray back) {
        return switch (spec.activation()) {
            case SIGMOID -> Nd4j.exec(new SigmoidDerivative(z, back, z))[0];
            case TANH -> Nd4j.exec(new TanhDerivative(z, back, z))[0];
            case RELU -> Nd4j.exec(new RectifiedLinearDerivative(z, back, z, 0.0))[0];
            case LINEAR -> back;
        };
    }

    /** Weight decay into the gradient, then the optimizer's step on the parameters. */
    private void update() {
        long count = params.length();
        double decay = config.weightDecay();
        if (decay > 0) {
            Nd4j.getBlasWrapper().level1().axpy(count, decay, params, gradient);
        }
        double lr = config.learningRate();
        switch (config.optimizer()) {
            case ADAM -> {
                // the fused op divides by sqrt(v) + eps, PyTorch by sqrt(v / (1 - β2^t)) + eps
                double epsilon = Optimizer.ADAM_EPSILON * Math.sqrt(1 - Math.pow(Optimizer.ADAM_BETA2, step));
                // the op's iteration counts from 0: it corrects the moments by β^(iteration + 1)
                Nd4j.exec(new AdamUpdater(gradient, secondMoment, firstMoment, lr, Optimizer.ADAM_BETA1,
                        Optimizer.ADAM_BETA2, epsilon, (int) (step - 1)));
                params.subi(gradient);
            }
            case SGD -> Nd4j.getBlasWrapper().level1().axpy(count, -lr, gradient, params);
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
        if (firstMoment != null) {
            firstMoment.close();
            secondMoment.close();
        }
    }

    /** The work arrays of a batch of {@code count} rows. */
    private final class Rows implements AutoCloseable {
        final int count;
        /** Each hidden layer's pre-activation, then its gradient. */
        final INDArray[] z;
        /** Each hidden layer's activation (its {@code z} for a linear layer). */
        final INDArray[] a;
        /** The gradient with respect to each hidden layer's activation. */
        final INDArray[] back;
        /** The gradient with respect to the logits. */
        final INDArray delta;
        /** A row of ones, to sum a gradient's rows by a product. */
        final INDArray ones;

        Rows(int count) {
            this.count = count;
            int hidden = layers - 1;
            z = new INDArray[hidden];
            a = new INDArray[hidden];
            back = new INDArray[hidden];
            for (int l = 0; l < hidden; l++) {
                int width = spec.layerOutputs(l);
                z[l] = Nd4j.create(DataType.FLOAT, count, width);
                a[l] = spec.activation() == Activation.LINEAR ? z[l] : Nd4j.create(DataType.FLOAT, count, width);
                back[l] = Nd4j.create(DataType.FLOAT, count, width);
            }
            delta = Nd4j.create(DataType.FLOAT, count, spec.outputCount());
            ones = Nd4j.ones(DataType.FLOAT, 1, count);
        }

        @Override
        public void close() {
            for (int l = 0; l < z.length; l++) {
                if (a[l] != z[l]) {
                    a[l].close();
                }
                z[l].close();
                back[l].close();
            }
            delta.close();
            ones.close();
        }
    }
}
