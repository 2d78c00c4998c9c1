package io.github.drawnet.backend.dl4j;

import org.nd4j.common.primitives.Pair;
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
 * <p>While {@link #accumulating} is set, every score computed (one per training step) also adds the
 * batch's summed loss and number of correct points to two scalars kept in the engine, so an epoch's
 * running figures are read from the engine once per epoch, not once per batch.
 *
 * <p>Not thread-safe: one instance per model.
 */
final class Dl4jLogitCrossEntropy implements ILossFunction {

    private static final long serialVersionUID = 1L;

    private transient INDArray lossSum;
    private transient INDArray correct;
    private transient boolean accumulating;

    /** Starts summing the loss and correct count of every training step. */
    void startAccumulating() {
        lossSum = Nd4j.scalar(DataType.DOUBLE, 0.0);
        correct = Nd4j.scalar(DataType.DOUBLE, 0.0);
        accumulating = true;
    }

    /** Stops summing and returns {summed loss, correct count}, read from the engine once. */
    double[] stopAccumulating() {
        accumulating = false;
        return new double[] {lossSum.getDouble(0), correct.getDouble(0)};
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
        INDArray perPoint = perPoint(labels, preOutput);
        double sum = perPoint.sumNumber().doubleValue();
        if (accumulating) {
            lossSum.addi(perPoint.castTo(DataType.DOUBLE).sum());
            INDArray predicted = preOutput.gte(0.0).castTo(labels.dataType());
            correct.addi(predicted.eq(labels).castTo(DataType.DOUBLE).sum());
        }
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
