package io.github.drawnet.api;

import io.github.drawnet.api.internal.Checks;

import java.util.Locale;

/**
 * The figures of one epoch, as the notebook records them: the training loss and accuracy, averaged
 * over the batches as they were trained, and the validation loss and accuracy after the epoch.
 *
 * @param epoch the epoch's number, 1-based, counted over the model's whole training
 * @param trainLoss the mean training loss over the epoch's batches, weighted by batch size
 * @param trainAccuracy the share of training points counted correct during the epoch
 * @param validationLoss the validation loss after the epoch
 * @param validationAccuracy the validation accuracy after the epoch
 */
public record EpochMetrics(
        int epoch, double trainLoss, double trainAccuracy, double validationLoss, double validationAccuracy) {

    /** Validates the epoch number. */
    public EpochMetrics {
        Checks.argument(epoch >= 1, "epoch must be >= 1, got %d", epoch);
    }

    /** Returns whether both losses are finite (training has not diverged). */
    public boolean isFinite() {
        return Double.isFinite(trainLoss) && Double.isFinite(validationLoss);
    }

    /**
     * Returns the line the notebook prints for this epoch, for example {@code Epoch 1/100 - Loss:
     * 0.6931 - Accuracy: 0.5012 - Val_Loss: 0.6920 - Val_Accuracy: 0.5100}.
     */
    public String notebookLine(int totalEpochs) {
        return String.format(Locale.ROOT, "Epoch %d/%d - Loss: %s - Accuracy: %.4f - Val_Loss: %s - Val_Accuracy: %.4f",
                epoch, totalEpochs, number(trainLoss), trainAccuracy, number(validationLoss), validationAccuracy);
    }

    /** Four decimals as the notebook prints them; an exploding loss in scientific notation instead of 30 digits. */
    private static String number(double v) {
        return Math.abs(v) >= 1e6 && Double.isFinite(v) ? String.format(Locale.ROOT, "%.4e", v)
                : String.format(Locale.ROOT, "%.4f", v);
    }
}
