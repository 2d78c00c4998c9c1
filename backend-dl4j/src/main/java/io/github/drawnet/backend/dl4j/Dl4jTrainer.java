package io.github.drawnet.backend.dl4j;

import io.github.drawnet.api.spi.AbstractTrainer;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.OptimizerState;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.TrainingConfig;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Trains a {@link Dl4jModel} with DL4J: the training set lives in ND4J from the start, each epoch
 * gathers it into the epoch's order in one call, and each batch is one {@code fit} of the network
 * (forward, backward, L2, updater). The epoch's running loss and accuracy are computed in ND4J from
 * the logits the loss function kept, once per epoch.
 *
 * <p>Not thread-safe.
 */
final class Dl4jTrainer extends AbstractTrainer {

    private static final String FIRST_MOMENT = "M";
    private static final String SECOND_MOMENT = "V";

    private final Dl4jModel model;
    private final INDArray trainX;
    private final INDArray trainY;

    Dl4jTrainer(Dl4jModel model, TrainingConfig config, Dataset train, Dataset validation) {
        super(model, config, train, validation);
        this.model = model;
        model.configure(config);
        int n = train.size();
        this.trainX = Nd4j.createFromArray(train.features(model.spec().inputs())).reshape(n, model.spec().inputCount());
        // the label of one sigmoid output, or a one-hot row of K for the softmax
        this.trainY = Nd4j.createFromArray(train.targets()).reshape(n, model.spec().outputCount());
    }

    @Override
    protected EpochTotals trainBatches(int[] order) {
        MultiLayerNetwork net = model.network();
        int n = order.length;
        int batch = config().batchSize();
        INDArray x = Nd4j.pullRows(trainX, 1, order);
        INDArray y = Nd4j.pullRows(trainY, 1, order);
        Dl4jLogitCrossEntropy loss = model.loss();
        loss.startEpoch();
        for (int start = 0; start < n; start += batch) {
            int end = Math.min(n, start + batch);
            net.fit(x.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()),
                    y.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()));
        }
        double[] totals = loss.finishEpoch(y, batch);
        return new EpochTotals(totals[0], Math.round(totals[1]), n, totals[2]);
    }

    private List<UpdaterBlock> blocks() {
        return ((BaseMultiLayerUpdater<?>) model.network().getUpdater()).getUpdaterBlocks();
    }

    @Override
    protected OptimizerState readOptimizerState() {
        long step = model.network().getIterationCount();
        return switch (config().optimizer()) {
            case ADAM -> readAdamState(step);
            case SGD -> new OptimizerState(Optimizer.SGD, step, List.of());
        };
    }

    /** Returns Adam's moments, read from the updater blocks, with the given step count. */
    private OptimizerState readAdamState(long step) {
        int count = model.spec().parameterCount();
        float[] m = new float[count];
        float[] v = new float[count];
        for (UpdaterBlock block : blocks()) {
            Map<String, INDArray> state = block.getGradientUpdater().getState();
            if (state == null || state.get(FIRST_MOMENT) == null) {
                continue; // not initialised before the first step: zeros
            }
            float[] bm = state.get(FIRST_MOMENT).toFloatVector();
            float[] bv = state.get(SECOND_MOMENT).toFloatVector();
            System.arraycopy(bm, 0, m, block.getParamOffsetStart(), bm.length);
            System.arraycopy(bv, 0, v, block.getParamOffsetStart(), bv.length);
        }
        Parameters first = model.fromFlat(m);
        Parameters second = model.fromFlat(v);
        return new OptimizerState(Optimizer.ADAM, step, List.of(first, second));
    }

    @Override
    protected void writeOptimizerState(OptimizerState state) {
        MultiLayerNetwork net = model.network();
        net.setIterationCount((int) state.step());
        // a switch expression, so that a new optimizer must say how its state is restored
        int restored = switch (state.optimizer()) {
            case ADAM -> writeAdamState(state.slots().get(0), state.slots().get(1));
            case SGD -> 0; // SGD keeps no state
        };
    }

    /**
     * Puts Adam's first and second moments into the updater blocks, and returns the number of moment
     * arrays written (two per block).
     */
    private int writeAdamState(Parameters first, Parameters second) {
        float[] m = Dl4jModel.toFlat(first);
        float[] v = Dl4jModel.toFlat(second);
        int written = 0;
        for (UpdaterBlock block : blocks()) {
            Map<String, INDArray> current = block.getGradientUpdater().getState();
            int from = block.getParamOffsetStart();
            int to = block.getParamOffsetEnd();
            INDArray bm = Nd4j.createFromArray(java.util.Arrays.copyOfRange(m, from, to));
            INDArray bv = Nd4j.createFromArray(java.util.Arrays.copyOfRange(v, from, to));
            if (current != null && current.get(FIRST_MOMENT) != null) {
                current.get(FIRST_MOMENT).assign(bm.reshape(current.get(FIRST_MOMENT).shape()));
                current.get(SECOND_MOMENT).assign(bv.reshape(current.get(SECOND_MOMENT).shape()));
            } else {
                block.getGradientUpdater().setState(Map.of(FIRST_MOMENT, bm, SECOND_MOMENT, bv), false);
            }
            written += 2;
        }
        return written;
    }

    @Override
    protected void release() {
        trainX.close();
        trainY.close();
    }
}
