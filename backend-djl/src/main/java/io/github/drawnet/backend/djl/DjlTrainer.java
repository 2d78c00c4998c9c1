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
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.OptimizerState;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.TrainingConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a {@link DjlModel}. The training set lives in the engine from the start. Each epoch
 * gathers it into the epoch's order and splits it into batch views in two calls; each step is a
 * forward pass recorded by PyTorch's autograd, a backward pass from the loss's derivative with
 * respect to the logits, and one fused Adam (or SGD) update per parameter array, all through DJL's
 * JNI. The epoch's running loss and accuracy are computed in the
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
    private final List<NDArray> firstMoments = new ArrayList<>();
    private final List<NDArray> secondMoments = new ArrayList<>();
    /**
     * Each parameter's gradient tensor, fetched once after the first backward pass: PyTorch's backward
     * adds into a parameter's existing gradient in place (outside grad mode, as here) and {@code
     * zeroGrad} zeroes it in place, so the same tensor holds every later step's gradient. Fetching and
     * freeing a handle per parameter per step was 8 of a notebook step's 23 calls into the engine.
     */
    private PtNDArray[] gradients;
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
        for (NDArray p : model.trainable()) {
            // SGD keeps no state; the fused call still takes a state array, which it does not read
            firstMoments.add(manager.zeros(p.getShape(), DataType.FLOAT32));
            secondMoments.add(manager.zeros(p.getShape(), DataType.FLOAT32));
        }
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

    /** One step's update of one parameter array {@code p} from its gradient {@code g}; {@code i} is its index. */
    private interface Update {
        void apply(PtNDArray p, PtNDArray g, int i);
    }

    private void update(List<NDArray> params) {
        step++;
        TrainingConfig c = config();
        float lr = (float) c.learningRate();
        float wd = (float) c.weightDecay();
        double bc1 = 1 - StrictMath.pow(Optimizer.ADAM_BETA1, step);
        double bc2 = 1 - StrictMath.pow(Optimizer.ADAM_BETA2, step);
        float stepSize = (float) (c.learningRate() * Math.sqrt(bc2) / bc1);
        float epsilon = (float) (Optimizer.ADAM_EPSILON * Math.sqrt(bc2));
        Update optimizer = switch (c.optimizer()) {
            case ADAM -> (p, g, i) -> JniUtils.adamUpdate(p, g, (PtNDArray) firstMoments.get(i),
                    (PtNDArray) secondMoments.get(i), lr, stepSize, wd, 1f, -1f, (float) Optimizer.ADAM_BETA1,
                    (float) Optimizer.ADAM_BETA2, epsilon, false);
            case SGD -> (p, g, i) -> JniUtils.sgdUpdate(p, g, (PtNDArray) firstMoments.get(i), lr, wd, 1f, -1f, 0f);
        };
        if (gradients == null) {
            gradients = new PtNDArray[params.size()];
            for (int i = 0; i < params.size(); i++) {
                gradients[i] = JniUtils.getGradient((PtNDArray) params.get(i));
            }
        }
        for (int i = 0; i < params.size(); i++) {
            PtNDArray p = (PtNDArray) params.get(i);
            optimizer.apply(p, gradients[i], i);
            // PyTorch accumulates gradients; clear them (in place) for the next step
            JniUtils.zeroGrad(p);
        }
    }

    @Override
    protected OptimizerState readOptimizerState() {
        Optimizer opt = config().optimizer();
        return switch (opt) {
            case ADAM -> new OptimizerState(opt, step,
                    List.of(toParameters(firstMoments), toParameters(secondMoments)));
            case SGD -> new OptimizerState(opt, step, List.of());
        };
    }

    private static Parameters toParameters(List<NDArray> arrays) {
        List<LayerParameters> layers = new ArrayList<>();
        for (int i = 0; i < arrays.size(); i += 2) {
            Shape s = arrays.get(i).getShape();
            layers.add(new LayerParameters((int) s.get(1), (int) s.get(0), arrays.get(i).toFloatArray(),
                    arrays.get(i + 1).toFloatArray()));
        }
        return new Parameters(layers);
    }

    @Override
    protected void writeOptimizerState(OptimizerState state) {
        step = state.step();
        // the engine arrays that hold the state's slots, in the slots' order
        List<List<NDArray>> held = switch (state.optimizer()) {
            case ADAM -> List.of(firstMoments, secondMoments);
            case SGD -> List.of();
        };
        for (int l = 0; l < firstMoments.size() / 2; l++) {
            for (int s = 0; s < held.size(); s++) {
                DjlBackend.copyInto(held.get(s).get(2 * l), state.slots().get(s).layer(l).weights());
                DjlBackend.copyInto(held.get(s).get(2 * l + 1), state.slots().get(s).layer(l).biases());
            }
        }
    }

    @Override
    protected void release() {
        if (gradients != null) {
            for (PtNDArray g : gradients) {
                g.close();
            }
        }
        manager.close();
    }
}
