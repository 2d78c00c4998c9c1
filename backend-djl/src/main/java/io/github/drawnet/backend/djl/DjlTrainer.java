package io.github.drawnet.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import io.github.drawnet.api.spi.AbstractTrainer;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.OptimizerState;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.TrainingConfig;
import java.util.List;

/**
 * Trains a {@link DjlModel}. The training set lives in the engine from the start. Each epoch
 * gathers it into the epoch's order and splits it into batch views in two calls; each step is a
 * forward pass recorded by PyTorch's autograd, a backward pass from the loss's derivative with
 * respect to the logits, and one fused Adam (or SGD) update of every parameter at once (they are
 * views of one array, {@link DjlModel#flat()}), all through DJL's JNI. The epoch's running loss and accuracy are computed in the
 * engine once per epoch from the logits each step produced (kept, not read), and read once.
 *
 * <p>Why so few calls: the networks are tiny, so a step's cost is the number of calls into the
 * engine, not arithmetic (see BENCHMARKS.md).
 *
 * <p>The loss is binary cross-entropy computed from the output logit {@code z} in its stable form,
 * {@code softplus(z) - y z}, equal to PyTorch's {@code BCELoss(sigmoid(z), y)} wherever that does
 * not clamp. Adam's update is PyTorch's: the fused update is given the bias-corrected step size and
 * an epsilon scaled by {@code sqrt(1 - β2^t)}, which makes its {@code m / (sqrt(v) + ε)} equal to
 * PyTorch's {@code m̂ / (sqrt(v̂) + ε)}.
 *
 * <p>Not thread-safe; trainers of different models may train on different threads at once.
 */
final class DjlTrainer extends AbstractTrainer {

    private final DjlModel model;
    private final NDManager manager;
    private final NDArray trainX;
    private final NDArray trainY;
    /**
     * Each parameter's gradient tensor, fetched once after the first backward pass: PyTorch's backward
     * adds into a parameter's existing gradient in place (outside grad mode, as here) and {@code
     * zeroGrad} zeroes it in place, so the same tensor holds every later step's gradient. Fetching and
     * freeing a handle per parameter per step was 8 of a notebook step's 23 calls into the engine.
     */
    private PtNDArray[] gradients;
    /** Each gradient as a vector (a view of it), in the parameters' order, for joining them into one. */
    private NDList gradientVectors;
    private final NDArray firstMoment;
    private final NDArray secondMoment;
    private long step;

    DjlTrainer(DjlModel model, TrainingConfig config, Dataset train, Dataset validation) {
        super(model, config, train, validation);
        this.model = model;
        this.manager = model.manager().newSubManager();
        int n = train.size();
        this.trainX = DjlBackend.owned(manager, train.features(model.spec().inputs()),
                new Shape(n, model.spec().inputCount()));
        int k = model.spec().outputCount();
        // two classes: the label, the one output's target; more: each point's one-hot row (1 at its class)
        this.trainY = DjlBackend.owned(manager, train.targets(), new Shape(n, k));
        // Adam's moments in the parameters' flat layout (Parameters.toFlat()); SGD keeps no state (the fused
        // call still takes a state array, which it does not read)
        int count = model.spec().parameterCount();
        this.firstMoment = manager.zeros(new Shape(count), DataType.FLOAT32);
        this.secondMoment = manager.zeros(new Shape(count), DataType.FLOAT32);
    }

    @Override
    protected EpochTotals trainBatches(int[] order) {
        int n = order.length;
        int batch = config().batchSize();
        List<NDArray> params = model.trainable();
        boolean binary = model.spec().isBinary();
        DjlBackend.noGrad();
        try (NDManager epoch = manager.newSubManager()) {
            NDArray index = epoch.create(order);
            NDArray x = trainX.get(index);
            NDArray y = trainY.get(index);
            x.attach(epoch);
            y.attach(epoch);
            int batches = (n + batch - 1) / batch;
            long[] cuts = new long[batches - 1];
            for (int b = 1; b < batches; b++) {
                cuts[b - 1] = (long) b * batch;
            }
            NDList xs = x.split(cuts, 0);
            NDList ys = y.split(cuts, 0);
            NDArray[] logits = new NDArray[batches];
            for (int b = 0; b < batches; b++) {
                NDArray xb = xs.get(b);
                NDArray yb = ys.get(b);
                // autograd records this thread's forward pass only while grad mode is on; DJL's
                // GradientCollector does the same but allows one collector per JVM, which would
                // forbid two models training on two threads
                NDArray z;
                JniUtils.setGradMode(true);
                try {
                    z = model.logits(xb, null);
                } finally {
                    JniUtils.setGradMode(false);
                }
                // autograd takes the network; the loss's own derivative is supplied: for the mean binary
                // cross-entropy of sigmoid(z), dL/dz = (sigmoid(z) - y) / B. Fewer calls than letting
                // autograd differentiate softplus(z) - y z, for the same gradient. (A scalar operand is safe
                // here, outside autograd: DJL makes it from a Java buffer it drops at once, and autograd,
                // had it recorded the op, would keep it for the backward pass after the collector may have
                // freed it; z.maximum(0) in the loss did exactly that, ~1 run in 40 trained differently.)
                // With K > 2 classes the same holds for the softmax cross-entropy with one-hot targets:
                // dL/dz = (softmax(z) - onehot(y)) / B.
                NDArray dz = (binary ? Activation.sigmoid(z) : z.softmax(1)).subi(yb).divi(xb.getShape().get(0));
                JniUtils.backward((PtNDArray) z, (PtNDArray) dz, false, false);
                logits[b] = z;
                update(params);
            }
            // the epoch's figures, from the logits as each step saw them, in one pass
            NDArray z = batches == 1 ? logits[0] : NDArrays.concat(new NDList(logits), 0);
            NDArray perPoint;
            NDArray correct;
            if (binary) {
                perPoint = Activation.softPlus(z).sub(z.mul(y));
                correct = z.gte(0).toType(DataType.FLOAT32, false).eq(y).sum();
            } else {
                // cross-entropy from the logits: -log_softmax(z)[y], the one-hot row picking the class
                perPoint = z.logSoftmax(1).mul(y).sum(new int[] {1}).neg();
                correct = z.argMax(1).eq(y.argMax(1)).sum();
            }
            NDArray lossSum = perPoint.sum();
            return new EpochTotals(lossSum.getFloat(), correct.getLong(), n,
                    EpochTotals.largestBatchMean(perPoint.toFloatArray(), batch));
        }
    }

    /**
     * One step's update of every parameter: the gradients joined into one vector, then one fused Adam
     * (or SGD) update of the parameters' one array (an update per parameter array cost eleven engine
     * operations each: half of a notebook step's time), then the gradients zeroed for the next step.
     */
    private void update(List<NDArray> params) {
        step++;
        TrainingConfig c = config();
        float lr = (float) c.learningRate();
        float wd = (float) c.weightDecay();
        double bc1 = 1 - StrictMath.pow(Optimizer.ADAM_BETA1, step);
        double bc2 = 1 - StrictMath.pow(Optimizer.ADAM_BETA2, step);
        float stepSize = (float) (c.learningRate() * Math.sqrt(bc2) / bc1);
        float epsilon = (float) (Optimizer.ADAM_EPSILON * Math.sqrt(bc2));
        if (gradients == null) {
            gradients = new PtNDArray[params.size()];
            gradientVectors = new NDList();
            for (int i = 0; i < params.size(); i++) {
                gradients[i] = JniUtils.getGradient((PtNDArray) params.get(i));
                gradientVectors.add(gradients[i].reshape(-1));
            }
        }
        PtNDArray p = (PtNDArray) model.flat();
        try (PtNDArray g = (PtNDArray) NDArrays.concat(gradientVectors, 0)) {
            if (c.l1() > 0) {
                // the L1 penalty l1·Σ|θ|'s gradient, l1·sign(θ) (0 at θ = 0), on weights and biases alike as the
                // weight decay the fused update adds next; before the moments, as the decay
                try (NDArray signs = p.sign()) {
                    g.addi(signs.muli((float) c.l1()));
                }
            }
            switch (c.optimizer()) {
                case ADAM -> JniUtils.adamUpdate(p, g, (PtNDArray) firstMoment, (PtNDArray) secondMoment, lr, stepSize,
                        wd, 1f, -1f, (float) Optimizer.ADAM_BETA1, (float) Optimizer.ADAM_BETA2, epsilon, false);
                case SGD -> JniUtils.sgdUpdate(p, g, (PtNDArray) firstMoment, lr, wd, 1f, -1f, 0f);
            }
        }
        for (NDArray param : params) {
            // PyTorch accumulates gradients; clear them (in place) for the next step
            JniUtils.zeroGrad((PtNDArray) param);
        }
    }

    @Override
    protected OptimizerState readOptimizerState() {
        Optimizer opt = config().optimizer();
        return switch (opt) {
            case ADAM -> new OptimizerState(opt, step,
                    List.of(Parameters.fromFlat(model.spec(), firstMoment.toFloatArray()),
                            Parameters.fromFlat(model.spec(), secondMoment.toFloatArray())));
            case SGD -> new OptimizerState(opt, step, List.of());
        };
    }

    @Override
    protected void writeOptimizerState(OptimizerState state) {
        step = state.step();
        // the engine arrays that hold the state's slots, in the slots' order
        List<NDArray> held = switch (state.optimizer()) {
            case ADAM -> List.of(firstMoment, secondMoment);
            case SGD -> List.of();
        };
        for (int s = 0; s < held.size(); s++) {
            DjlBackend.copyInto(held.get(s), state.slots().get(s).toFlat());
        }
    }

    @Override
    protected void release() {
        if (gradients != null) {
            gradientVectors.close();
            for (PtNDArray g : gradients) {
                g.close();
            }
        }
        manager.close();
    }
}
