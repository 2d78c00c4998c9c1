package io.github.drawnet.app;

import io.github.drawnet.api.Setting;
import io.github.drawnet.grading.GradePlan;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The grid {@code sweep} and {@code grade} try: comma-separated lists of values of the network's and
 * training's settings, one cell per combination. Declared once for both; the lists are read by the library
 * ({@link GradePlan#axes}, then {@link io.github.drawnet.api.Sweep#of}, whose messages name the option).
 */
final class GridOptions {

    @Option(names = "--hidden", paramLabel = "SIZES", split = ",",
            description = "Hidden layer sizes to try, e.g. 1,2,4,16 or 8-4 for two layers (default: ${DEFAULT-VALUE}).")
    List<String> hidden;

    @Option(names = "--activation", paramLabel = "NAMES", split = ",",
            description = "Activations to try (default: ${DEFAULT-VALUE}).")
    List<String> activations;

    @Option(names = "--features", paramLabel = "LIST",
            description = "Input features; repeat the option to try several sets, e.g. --features x1,x2"
                    + " --features x1sq,x2sq (default: ${DEFAULT-VALUE}).")
    List<String> features;

    @Option(names = "--optimizer", paramLabel = "NAMES", split = ",",
            description = "Optimizers to try (default: ${DEFAULT-VALUE}).")
    List<String> optimizers;

    @Option(names = {"--lr", "--learning-rate"}, paramLabel = "RATES", split = ",",
            description = "Learning rates to try (default: ${DEFAULT-VALUE}).")
    List<String> rates;

    @Option(names = {"--batch", "--batch-size"}, paramLabel = "SIZES", split = ",",
            description = "Batch sizes to try (default: ${DEFAULT-VALUE}).")
    List<String> batches;

    @Option(names = "--epochs", paramLabel = "NS", split = ",", description = "Epoch counts to try (default: ${DEFAULT-VALUE}).")
    List<String> epochCounts;

    @Option(names = "--weight-decay", paramLabel = "L2S", split = ",",
            description = "Weight decays to try (default: ${DEFAULT-VALUE}).")
    List<String> decays;

    /** Returns the lists given, each its setting's axis, in {@link io.github.drawnet.api.Sweep#AXES}' order. */
    Map<Setting, List<String>> axes() {
        return GradePlan.axes(hidden, activations, features, optimizers, rates, batches, epochCounts, decays);
    }
}
