package io.github.drawnet.api;

import java.util.Objects;

/**
 * The outcome of one call to {@link Trainer#train}.
 *
 * @param history the model's whole history, earlier calls included
 * @param epochsRun how many epochs this call ran
 * @param stopReason why it ended
 * @param message a one-line explanation for a person; for {@link StopReason#DIVERGED} it names the
 *     epoch and suggests a smaller learning rate
 */
public record TrainingResult(History history, int epochsRun, StopReason stopReason, String message) {

    /** Validates that nothing is missing. */
    public TrainingResult {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(message, "message");
    }
}
