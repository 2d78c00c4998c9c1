package io.github.drawnet.backend.dl4j;

import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.OptimizerState;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.api.spi.AbstractTrainer;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Trains a {@link Dl4jModel} with ND4J: the training set is kept on the heap, each epoch puts it in
 * the epoch's order and copies it into ND4J arrays made once (with each batch's rows as views made
 * once), and each batch is one {@link Dl4jStep} on the network's parameters, which writes the batch's
 * logits into the epoch's logits. The epoch's running loss and accuracy are computed from those, once
 * per epoch. {@link #close()} releases every array the trainer made.
 *
 * <p>Not thread-safe.
 */
final class Dl4jTrainer extends AbstractTrainer {

    private final Dl4jModel model;
    private final float[] trainX;
    private final float[] trainY;
    private final float[] orderedX;
    private final float[] orderedY;
    /** The training set in the current epoch's order, and the logits of its steps. */
    private final INDArray epochX;
    private final INDArray epochY;
    private final INDArray epochLogits;
    /** Each batch's rows of the three, made once: {x, y, logits} per batch. */
    private final INDArray[][] batches;
    private final Dl4jStep step;

    Dl4jTrainer(Dl4jModel model, TrainingConfig config, Dataset train, Dataset validation) {
        super(model, config, train, validation);
        this.model = model;
        int n = train.size();
        int inputs = model.spec().inputCount();
        int outputs = model.spec().outputCount();
        this.trainX = train.features(model.spec().inputs());
        // the label of one sigmoid output, or a one-hot row of K for the softmax
        this.trainY = train.targets();
        this.orderedX = new float[trainX.length];
        this.orderedY = new float[trainY.length];
        this.epochX = Nd4j.create(DataType.FLOAT, n, inputs);
        this.epochY = Nd4j.create(DataType.FLOAT, n, outputs);
        this.epochLogits = Nd4j.create(DataType.FLOAT, n, outputs);
        int batch = config.batchSize();
        this.batches = new INDArray[(n + batch - 1) / batch][];
        for (int b = 0; b < batches.length; b++) {
            int start = b * batch;
            int end = Math.min(n, start + batch);
            batches[b] = new INDArray[] {rows(epochX, start, end), rows(epochY, start, end),
                rows(epochLogits, start, end)};
        }
        this.step = new Dl4jStep(model.network(), model.spec(), config);
    }

    private static INDArray rows(INDArray a, int start, int end) {
        return a.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
    }

    @Override
    protected EpochTotals trainBatches(int[] order) {
        // gathered on the heap and copied in once: ND4J's pullRows took a sixth of the training time
        fill(epochX, trainX, orderedX, order);
        fill(epochY, trainY, orderedY, order);
        for (INDArray[] b : batches) {
            step.take(b[0], b[1], b[2]);
        }
        double[] totals = Dl4jLogitCrossEntropy.epochTotals(epochLogits.data().asFloat(), orderedY,
                model.spec().outputCount(), config().batchSize());
        return new EpochTotals(totals[0], Math.round(totals[1]), order.length, totals[2]);
    }

    /** Puts the rows of {@code source} in {@code order} into {@code target}, through {@code scratch}. */
    private static void fill(INDArray target, float[] source, float[] scratch, int[] order) {
        int width = source.length / order.length;
        for (int i = 0; i < order.length; i++) {
            System.arraycopy(source, order[i] * width, scratch, i * width, width);
        }
        target.data().asNioFloat().put(scratch);
    }

    @Override
    protected OptimizerState readOptimizerState() {
        return switch (config().optimizer()) {
            case ADAM -> new OptimizerState(Optimizer.ADAM, step.steps(), List.of(
                    model.fromFlat(step.firstMoment().toFloatVector()), model.fromFlat(step.secondMoment().toFloatVector())));
            case SGD -> new OptimizerState(Optimizer.SGD, step.steps(), List.of());
        };
    }

    @Override
    protected void writeOptimizerState(OptimizerState state) {
        step.setSteps(state.step());
        // a switch expression, so that a new optimizer must say how its state is restored
        int restored = switch (state.optimizer()) {
            case ADAM -> {
                assign(step.firstMoment(), state.slots().get(0));
                assign(step.secondMoment(), state.slots().get(1));
                yield 2;
            }
            case SGD -> 0; // SGD keeps no state
        };
    }

    private static void assign(INDArray target, Parameters values) {
        float[] flat = values.toFlat();
        try (INDArray source = Nd4j.createFromArray(flat)) {
            target.assign(source.reshape(target.shape()));
        }
    }

    @Override
    protected void release() {
        step.close();
        for (INDArray a : new INDArray[] {epochX, epochY, epochLogits}) {
            a.close();
        }
    }
}
