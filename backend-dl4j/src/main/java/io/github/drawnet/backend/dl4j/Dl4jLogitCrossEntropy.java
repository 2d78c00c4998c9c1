package io.github.drawnet.backend.dl4j;

import io.github.drawnet.api.spi.AbstractTrainer;
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
 * <p>With {@code K > 2} classes ({@link #softmax()}) the output layer has {@code K} units and a softmax;
 * the labels are one-hot rows and the loss is the cross-entropy of the softmax computed from the
 * logits, {@code logsumexp(z) - z_y} (PyTorch's {@code CrossEntropyLoss}), with gradient {@code
 * softmax(z) - y}. DL4J's own {@code LossMCXENT} clips probabilities too.
 *
 * <p>The network's output layer declares this loss; {@link Dl4jStep} computes the same gradient
 * ({@code p - y} per point, over the batch's mean) without the layer, and {@link #epochTotals}
 * computes an epoch's figures from the logits its steps kept.
 *
 * <p>Thread-safe: it keeps no state.
 */
final class Dl4jLogitCrossEntropy implements ILossFunction {

    private static final long serialVersionUID = 1L;

    /** Whether the output is a softmax over K > 2 units (else one sigmoid unit). */
    private boolean softmax;

    /** The binary loss: one sigmoid output. */
    Dl4jLogitCrossEntropy() {
        this(false);
    }

    /**
     * @param softmax true for a softmax output of K > 2 classes, false for one sigmoid output
     */
    Dl4jLogitCrossEntropy(boolean softmax) {
        this.softmax = softmax;
    }

    /** Returns whether this is the softmax cross-entropy of K > 2 classes. */
    boolean softmax() {
        return softmax;
    }

    /**
     * Returns {summed loss, correct count, largest step loss} of an epoch's steps from their logits
     * ({@code classes} per point, row by row, in the order trained, in steps of {@code batchSize}) and
     * targets in the same layout (the label, or a one-hot row of K), for one sigmoid output when
     * {@code classes} is 1, else a softmax. Computed on the heap from one copy of the logits, in double
     * precision: ND4J's whole-array sums cost milliseconds each here (a sixth of the default run's
     * training time when three ran per epoch).
     */
    static double[] epochTotals(float[] logits, float[] targets, int classes, int batchSize) {
        int n = logits.length / classes;
        float[] each = new float[n];
        double loss = 0;
        long correct = 0;
        for (int i = 0; i < n; i++) {
            double point;
            boolean right;
            if (classes == 1) {
                double z = logits[i];
                double y = targets[i];
                // max(z, 0) - y z + log(1 + exp(-|z|))
                point = Math.max(z, 0) - y * z + Math.log1p(Math.exp(-Math.abs(z)));
                right = (z >= 0) == (y == 1);
            } else {
                int row = i * classes;
                int best = 0;
                int label = 0;
                for (int k = 1; k < classes; k++) {
                    if (logits[row + k] > logits[row + best]) {
                        best = k;
                    }
                    if (targets[row + k] > targets[row + label]) {
                        label = k;
                    }
                }
                // logsumexp(z) - z_y, the largest logit subtracted first
                double max = logits[row + best];
                double sum = 0;
                for (int k = 0; k < classes; k++) {
                    sum += Math.exp(logits[row + k] - max);
                }
                point = max + Math.log(sum) - logits[row + label];
                right = best == label;
            }
            each[i] = (float) point;
            loss += point;
            correct += right ? 1 : 0;
        }
        return new double[] {loss, correct, AbstractTrainer.EpochTotals.largestBatchMean(each, batchSize)};
    }

    private INDArray perPoint(INDArray labels, INDArray z) {
        return perPoint(labels, z, softmax);
    }

    private static INDArray perPoint(INDArray labels, INDArray z, boolean softmax) {
        if (softmax) {
            // logsumexp(z) - z_y, the largest logit of each row subtracted first; y one-hot
            INDArray max = z.max(1);
            INDArray shifted = z.subColumnVector(max);
            INDArray lse = Transforms.log(Transforms.exp(shifted, true).sum(1), false).addi(max);
            return lse.subi(z.mul(labels).sum(1));
        }
        // max(z, 0) - y z + log(1 + exp(-|z|))
        INDArray loss = Transforms.max(z, 0.0, true);
        loss.subi(z.mul(labels));
        loss.addi(Transforms.log(Transforms.exp(Transforms.abs(z, true).negi(), false).addi(1.0), false));
        return loss;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
            boolean average) {
        double sum = perPoint(labels, preOutput).sumNumber().doubleValue();
        return average ? sum / labels.size(0) : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray each = perPoint(labels, preOutput);
        return softmax ? each : each.sum(1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        if (softmax) {
            INDArray shifted = preOutput.subColumnVector(preOutput.max(1));
            INDArray e = Transforms.exp(shifted, false);
            return e.diviColumnVector(e.sum(1)).subi(labels);
        }
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
        return softmax ? "LogitSoftmaxCrossEntropy" : "LogitBinaryCrossEntropy";
    }

    @Override
    public String toString() {
        return name();
    }
}
