package io.github.drawnet.backend.dl4j;

import io.github.drawnet.api.spi.AbstractTrainer;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Binary cross-entropy of a sigmoid output computed from its logit {@code z}, in ND4J: per point
 * {@code max(z, 0) - y z + log(1 + e^-|z|)}, with gradient {@code sigmoid(z) - y} with respect to
 * {@code z}. The same definition as the other backends and the reference network; DL4J's own
 * {@code LossBinaryXENT} clips probabilities at 1e-5, which changes gradients of confident points.
 *
 * <p>While a training epoch runs, every score computed (one per step) keeps a copy of that step's
 * logits instead of reading anything back, and the epoch's running loss and accuracy are computed
 * from them in one pass at its end (DL4J insists on a score per step, which would otherwise cost a
 * read from the engine each step; it is not otherwise used).
 *
 * <p>Not thread-safe: one instance per model.
 */
final class Dl4jLogitCrossEntropy implements ILossFunction {

    private static final long serialVersionUID = 1L;

    private transient List<INDArray> logits;

    /** Starts keeping every training step's logits. */
    void startEpoch() {
        logits = new ArrayList<>();
    }

    /**
     * Stops keeping logits and returns {summed loss, correct count, largest step loss} of the epoch's
     * steps, computed against {@code labels} (the epoch's labels in the order trained, in steps of
     * {@code batchSize}).
     */
    double[] finishEpoch(INDArray labels, int batchSize) {
        List<INDArray> z = logits;
        logits = null;
        INDArray all = z.size() == 1 ? z.get(0) : Nd4j.concat(0, z.toArray(new INDArray[0]));
        INDArray each = perPoint(labels, all);
        double loss = each.sumNumber().doubleValue();
        double correct = all.gte(0.0).castTo(labels.dataType()).eq(labels).castTo(DataType.DOUBLE).sumNumber()
                .doubleValue();
        return new double[] {loss, correct, AbstractTrainer.EpochTotals.largestBatchMean(each.toFloatVector(), batchSize)};
    }

    private static INDArray perPoint(INDArray labels, INDArray z) {
        // max(z, 0) - y z + log(1 + exp(-|z|))
        INDArray loss = Transforms.max(z, 0.0, true);
        loss.subi(z.mul(labels));
        loss.addi(Transforms.log(Transforms.exp(Transforms.abs(z, true).negi(), false).addi(1.0), false));
        return loss;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
            boolean average) {
        if (logits != null) {
            // keep a copy outside DL4J's workspaces, which reuse their memory next step
            try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                logits.add(preOutput.dup());
            }
            return 0;
        }
        double sum = perPoint(labels, preOutput).sumNumber().doubleValue();
        return average ? sum / labels.size(0) : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return perPoint(labels, preOutput).sum(1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return Transforms.sigmoid(preOutput, true).subi(labels);
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
            INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "LogitBinaryCrossEntropy";
    }

    @Override
    public String toString() {
        return name();
    }
}
