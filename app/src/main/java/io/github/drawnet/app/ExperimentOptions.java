package io.github.drawnet.app;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.Feature;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.api.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that define one experiment, shared by every command that runs one: the drawing and
 * the points ({@link DataOptions}), the network and its training. Each value is checked here with a
 * message that names the option, the value and what is allowed.
 */
final class ExperimentOptions {

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--hidden", paramLabel = "SIZES", defaultValue = "4",
            description = "Hidden layer sizes, comma-separated, e.g. 4 or 8,4; 'none' for no hidden layer (default: ${DEFAULT-VALUE}).")
    String hidden;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "sigmoid",
            description = "Hidden activation: sigmoid, tanh, relu, linear (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--features", paramLabel = "LIST", defaultValue = "x1,x2",
            description = "Input features, comma-separated: x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2 (default: ${DEFAULT-VALUE}).")
    String features;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam",
            description = "Optimizer: adam, sgd (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = {"--lr", "--learning-rate"}, paramLabel = "RATE", defaultValue = "0.01",
            description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = {"--batch", "--batch-size"}, paramLabel = "N", defaultValue = "24",
            description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "100", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--weight-decay", paramLabel = "L2", defaultValue = "0",
            description = "L2 weight decay, added to every gradient as in PyTorch (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--no-shuffle", description = "Keep the training order fixed instead of reshuffling every epoch.")
    boolean noShuffle;

    /** An experiment's inputs, every one checked. */
    record Setup(Drawing drawing, String drawingSource, DataSplits data, NetworkSpec spec, TrainingConfig config) {}

    /**
     * Checks every option, reads the drawing and samples the points: everything an experiment needs
     * before training, in the order a person would fix them (sizes and settings first, then the
     * drawing).
     *
     * @throws UserException or {@link IllegalArgumentException} naming the first bad value
     */
    Setup setup() {
        SampleSizes sizes = data.sizes();
        NetworkSpec spec = spec();
        TrainingConfig config = config();
        DataOptions.Sampled sampled = data.sample(sizes);
        return new Setup(sampled.drawing(), data.drawingSource(), sampled.splits(), spec, config);
    }






    NetworkSpec spec() {
        return new NetworkSpec(parseFeatures(features), parseHidden(hidden), parseName("--activation",
                () -> Activation.fromId(activation)));
    }

    TrainingConfig config() {
        Optimizer opt = parseName("--optimizer", () -> Optimizer.fromId(optimizer));
        if (!Double.isFinite(learningRate) || learningRate <= 0) {
            throw new UserException("--lr must be a finite number > 0, got " + learningRate, ExitCodes.USAGE);
        }
        check("--batch", batchSize, 1, Math.min(TrainingConfig.MAX_BATCH_SIZE, data.trainSize));
        check("--epochs", epochs, 1, TrainingConfig.MAX_EPOCHS);
        if (!Double.isFinite(weightDecay) || weightDecay < 0) {
            throw new UserException("--weight-decay must be a finite number >= 0, got " + weightDecay, ExitCodes.USAGE);
        }
        return new TrainingConfig(opt, learningRate, batchSize, epochs, weightDecay, data.seed, !noShuffle);
    }

    static List<Integer> parseHidden(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("none") || t.equals("0") || t.isEmpty()) {
            return List.of();
        }
        List<Integer> sizes = new ArrayList<>();
        for (String part : t.split(",")) {
            int units;
            try {
                units = Integer.parseInt(part.strip());
            } catch (NumberFormatException e) {
                throw new UserException("--hidden must be layer sizes like 4 or 8,4 (or none), got '" + text + "'",
                        ExitCodes.USAGE);
            }
            check("--hidden units per layer", units, 1, NetworkSpec.MAX_UNITS);
            sizes.add(units);
        }
        if (sizes.size() > NetworkSpec.MAX_HIDDEN_LAYERS) {
            throw new UserException(String.format(Locale.ROOT, "--hidden allows at most %d layers, got %d in '%s'",
                    NetworkSpec.MAX_HIDDEN_LAYERS, sizes.size(), text), ExitCodes.USAGE);
        }
        return sizes;
    }

    static List<Feature> parseFeatures(String text) {
        List<Feature> list = new ArrayList<>();
        for (String part : text.split(",")) {
            Feature f = parseName("--features", () -> Feature.fromId(part));
            if (list.contains(f)) {
                throw new UserException("--features lists " + f.id() + " twice in '" + text + "'", ExitCodes.USAGE);
            }
            list.add(f);
        }
        return list;
    }

    static <T> T parseName(String option, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new UserException(option + ": " + e.getMessage(), ExitCodes.USAGE);
        }
    }

    static void check(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new UserException(String.format(Locale.ROOT, "%s must be in [%d, %d], got %d", option, min, max, value),
                    ExitCodes.USAGE);
        }
    }
}
