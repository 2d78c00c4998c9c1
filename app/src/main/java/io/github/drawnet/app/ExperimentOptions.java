package io.github.drawnet.app;

import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.Setting;
import io.github.drawnet.api.internal.Checks;
import io.github.drawnet.run.RunInputs;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that define one experiment, shared by every command that runs one: the drawing and
 * the points ({@link DataOptions}), the network and its training. Each value is text read by the
 * library's one parser ({@link ExperimentSettings#with}), whose messages name the option, the value
 * and what is allowed; defaults come from {@link SettingDefaults}.
 */
final class ExperimentOptions {

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--hidden", paramLabel = "SIZES",
            description = "Hidden layer sizes, comma-separated, e.g. 4 or 8,4; 'none' for no hidden layer (default: ${DEFAULT-VALUE}).")
    String hidden;

    @Option(names = "--activation", paramLabel = "NAME",
            description = "Hidden activation: sigmoid, tanh, relu, linear (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--features", paramLabel = "LIST",
            description = "Input features, comma-separated: x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2 (default: ${DEFAULT-VALUE}).")
    String features;

    @Option(names = "--optimizer", paramLabel = "NAME", description = "Optimizer: adam, sgd (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = {"--lr", "--learning-rate"}, paramLabel = "RATE", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    String learningRate;

    @Option(names = {"--batch", "--batch-size"}, paramLabel = "N", description = "Batch size (default: ${DEFAULT-VALUE}).")
    String batchSize;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: ${DEFAULT-VALUE}).")
    String epochs;

    @Option(names = "--weight-decay", paramLabel = "L2",
            description = "L2 weight decay, added to every gradient as in PyTorch (default: ${DEFAULT-VALUE}).")
    String weightDecay;
    @Option(names = "--l1", paramLabel = "L1", description = "L1 penalty l1·Σ|param|: l1·sign(param) added to every gradient"
            + " beside the weight decay, weights and biases alike (default: ${DEFAULT-VALUE}).")
    String l1;

    @Option(names = "--no-shuffle", description = "Keep the training order fixed instead of reshuffling every epoch.")
    boolean noShuffle;

    /**
     * Checks every option, reads the drawing and samples the points: everything an experiment needs
     * before training, in the order a person would fix them (sizes and settings first, then the
     * drawing).
     *
     * @throws UserException or {@link IllegalArgumentException} naming the first bad value
     */
    RunInputs setup() {
        return data.sample(settings());
    }

    /**
     * Returns every option read into the notebook's settings, checked alone and together.
     *
     * @throws io.github.drawnet.api.InvalidSettingException naming the first bad value (Main names it by its option)
     */
    ExperimentSettings settings() {
        return data.read(ExperimentSettings.notebook())
                .with(Setting.HIDDEN, hidden)
                .with(Setting.ACTIVATION, activation)
                .with(Setting.FEATURES, features)
                .with(Setting.OPTIMIZER, optimizer)
                .with(Setting.LEARNING_RATE, learningRate)
                .with(Setting.BATCH_SIZE, batchSize)
                .with(Setting.EPOCHS, epochs)
                .with(Setting.WEIGHT_DECAY, weightDecay).with(Setting.L1, l1)
                .with(Setting.SHUFFLE, noShuffle ? "false" : "true")
                .requireConsistent();
    }

    /**
     * Checks a command's own whole-number option (not an experiment setting) with the library's one message;
     * Main turns its refusal into exit code 2.
     *
     * @throws IllegalArgumentException naming the option, the value and the range
     */
    static void check(String option, long value, long min, long max) {
        Checks.inRange(option, value, min, max);
    }
}
