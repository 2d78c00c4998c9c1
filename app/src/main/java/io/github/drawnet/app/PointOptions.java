package io.github.drawnet.app;

import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.Setting;
import picocli.CommandLine.Option;

/**
 * The points sampled from a drawing, as every command that trains takes them: the seed, the split sizes, the
 * labelling and the label noise; read by the library's one parser ({@link ExperimentSettings#with}).
 */
final class PointOptions {

    @Option(names = "--seed", paramLabel = "N",
            description = "The seed of every random choice: points, initial weights, batch order (default: ${DEFAULT-VALUE}).")
    String seed;

    @Option(names = "--train-size", paramLabel = "N", description = "Training points (default: ${DEFAULT-VALUE}).")
    String trainSize;

    @Option(names = "--val-size", paramLabel = "N", description = "Validation points (default: ${DEFAULT-VALUE}).")
    String validationSize;

    @Option(names = "--test-size", paramLabel = "N", description = "Test points (default: ${DEFAULT-VALUE}).")
    String testSize;

    @Option(names = "--soft-labels",
            description = "Label points with coverage alpha/255, as the notebook does, instead of 0/1 by threshold 0.5.")
    boolean softLabels;

    @Option(names = "--noise", paramLabel = "SHARE",
            description = "Share of training labels to flip, in [0, 1) (default: ${DEFAULT-VALUE}).")
    String noise;

    /**
     * Returns {@code base} with these options read into it: sizes, seed, labels, noise.
     *
     * @throws io.github.drawnet.api.InvalidSettingException naming the setting, the value and what is allowed
     */
    ExperimentSettings read(ExperimentSettings base) {
        return base.with(Setting.TRAIN_SIZE, trainSize)
                .with(Setting.VALIDATION_SIZE, validationSize)
                .with(Setting.TEST_SIZE, testSize)
                .with(Setting.SEED, seed)
                .with(Setting.LABELS, softLabels ? "soft" : "binary")
                .with(Setting.NOISE, noise);
    }
}
