package io.github.drawnet.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import io.github.drawnet.api.AbstractTrainer;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.OptimizerState;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.TrainingConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a {@link DjlModel}: the training set lives in the engine from the start; each epoch gathers
 * it into the epoch's order in one call and slices batches from that; gradients come from PyTorch's
 * autograd through DJL's JNI; Adam or SGD updates the parameters in place with NDArray operations;
 * the epoch's loss and accuracy are summed in the engine and read once per epoch.
 *
 * <p>The loss is binary cross-entropy computed from the output logit {@code z} in its stable form
 * {@code max(z, 0) - y z + log(1 + e^-|z|)}, equal to PyTorch's {@code BCELoss(sigmoid(z), y)}
 * wherever that does not clamp.
 *
 * <p>Not thread-safe; trainers of different models may train on different threads at once.
 */
final class DjlTrainer extends AbstractTrainer {

    private final DjlModel model;
    private final NDManager manager;
    private final NDArray trainX;
    private final NDArray trainY;
    private final List<NDArray> params;
    private final List<NDArray> firstMoments = new ArrayList<>();
    private final List<NDArray> secondMoments = new ArrayList<>();
    private long step;

    DjlTrainer(DjlModel model, TrainingConfig config, Dataset train, Dataset validation) {
        super(model, config, train, validation);
        this.model = model;
        this.manager = model.manager().newSubManager();
        int n = train.size();
        this.trainX = DjlBackend.owned(manager, train.features(model.spec().inputs()),
                new Shape(n, model.spec().inputCount()));
        this.trainY = DjlBackend.owned(manager, train.labelsAsFloats(), new Shape(n, 1));
        this.params = model.trainable();
        if (config.optimizer() == Optimizer.ADAM) {
            for (NDArray p : params) {
                firstMoments.add(manager.zeros(p.getShape(), DataType.FLOAT32));
                secondMoments.add(manager.zeros(p.getShape(), DataType.FLOAT32));
            }
        }
    }

    @Override
    protected EpochTotals trainBatches(int[] order) {
        int n = order.length;
        int batch = config().batchSize();
        DjlBackend.noGrad();
        try (NDManager epoch = manager.newSubManager()) {
            NDArray index = epoch.create(order);
            NDArray x = trainX.get(index);
            NDArray y = trainY.get(index);
            x.attach(epoch);
            y.attach(epoch);
            NDArray lossSum = epoch.zeros(new Shape(), DataType.FLOAT32);
            NDArray correct = epoch.zeros(new Shape(), DataType.FLOAT32);
            for (int start = 0; start < n; start += batch) {
                int end = Math.min(n, start + batch);
                try (NDManager stepScope = epoch.newSubManager()) {
                    for (NDArray p : params) {
                        p.tempAttach(stepScope);
                    }
                    NDArray xb = x.get(new NDIndex("{}:{}", start, end));
                    NDArray yb = y.get(new NDIndex("{}:{}", start, end));
                    xb.attach(stepScope);
                    yb.attach(stepScope);
                    NDArray z;
                    NDArray loss;
                    // autograd records this thread's forward pass only while grad mode is on; DJL's
                    // GradientCollector does the same but allows one collector per JVM, which would
                    // forbid two models training on two threads
                    JniUtils.setGradMode(true);
                    try {
                        z = model.logits(xb, null);
                        // relu(z), not z.maximum(0): DJL's maximum(Number) makes its scalar operand from a
                        // Java buffer it then drops; autograd keeps that tensor for the backward pass, and
                        // once the garbage collector frees the buffer, the gradient reads garbage (seen: ~1
                        // run in 40)
                        loss = Activation.relu(z).sub(z.mul(yb)).add(Activation.softPlus(z.abs().neg())).mean();
                        JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
                    } finally {
                        JniUtils.setGradMode(false);
                    }
                    lossSum.addi(loss.mul(end - start));
                    correct.addi(z.gte(0).toType(DataType.FLOAT32, false).eq(yb).sum().toType(DataType.FLOAT32, false));
                    update(stepScope);
                }
            }
            return new EpochTotals(lossSum.getFloat(), Math.round(correct.getFloat()), n);
        }
    }

    private void update(NDManager scope) {
        step++;
        TrainingConfig c = config();
        double lr = c.learningRate();
        double wd = c.weightDecay();
        for (int i = 0; i < params.size(); i++) {
            NDArray p = params.get(i);
            NDArray g = p.getGradient();
            g.attach(scope);
            NDArray grad = wd == 0 ? g : g.add(p.mul(wd));
            if (c.optimizer() == Optimizer.ADAM) {
                NDArray m = firstMoments.get(i);
                NDArray v = secondMoments.get(i);
                m.tempAttach(scope);
                v.tempAttach(scope);
                m.muli(Optimizer.ADAM_BETA1).addi(grad.mul(1 - Optimizer.ADAM_BETA1));
                v.muli(Optimizer.ADAM_BETA2).addi(grad.square().muli(1 - Optimizer.ADAM_BETA2));
                double bc1 = 1 - StrictMath.pow(Optimizer.ADAM_BETA1, step);
                double bc2 = 1 - StrictMath.pow(Optimizer.ADAM_BETA2, step);
                NDArray denom = v.sqrt().divi(Math.sqrt(bc2)).addi(Optimizer.ADAM_EPSILON);
                p.subi(m.div(denom).muli(lr / bc1));
            } else {
                p.subi(grad.mul(lr));
            }
            // PyTorch accumulates gradients; clear them for the next step
            g.subi(g);
        }
    }

    @Override
    protected OptimizerState readOptimizerState() {
        Optimizer opt = config().optimizer();
        if (opt == Optimizer.SGD) {
            return new OptimizerState(opt, step, List.of());
        }
        return new OptimizerState(opt, step, List.of(toParameters(firstMoments), toParameters(secondMoments)));
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
        if (state.optimizer() == Optimizer.ADAM) {
            for (int l = 0; l < firstMoments.size() / 2; l++) {
                DjlBackend.copyInto(firstMoments.get(2 * l), state.slots().get(0).layer(l).weights());
                DjlBackend.copyInto(firstMoments.get(2 * l + 1), state.slots().get(0).layer(l).biases());
                DjlBackend.copyInto(secondMoments.get(2 * l), state.slots().get(1).layer(l).weights());
                DjlBackend.copyInto(secondMoments.get(2 * l + 1), state.slots().get(1).layer(l).biases());
            }
        }
    }

    @Override
    protected void release() {
        manager.close();
    }
}
