package io.github.drawnet.app;

import io.github.drawnet.grading.Grid;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The grid {@code sweep} and {@code grade} try, one cell per combination, declared once for both. The
 * lists are the library's to read ({@link Grid#of}, the parser the Spark job uses too): values separated
 * by ';' (by ',' too where a value holds none), a repeated option adding to its list.
 */
final class GridOptions {

    @Option(names = "--hidden", paramLabel = "SIZES", description = "Networks to try: one network's hidden layer sizes"
            + " with commas, networks separated by ';', e.g. '1;2;4;16' or '4;8,4' (default: ${DEFAULT-VALUE}).")
    List<String> hidden;
    @Option(names = "--activation", paramLabel = "NAMES", description = "Activations to try (default: ${DEFAULT-VALUE}).")
    List<String> activations;
    @Option(names = "--features", paramLabel = "LIST", description = "Input feature sets to try, separated by ';' or by"
            + " repeating the option, e.g. 'x1,x2;x1sq,x2sq' (default: ${DEFAULT-VALUE}).")
    List<String> features;
    @Option(names = "--optimizer", paramLabel = "NAMES", description = "Optimizers to try (default: ${DEFAULT-VALUE}).")
    List<String> optimizers;
    @Option(names = {"--lr", "--learning-rate"}, paramLabel = "RATES", description = "Learning rates to try (default:"
            + " ${DEFAULT-VALUE}).")
    List<String> rates;
    @Option(names = {"--batch", "--batch-size"}, paramLabel = "SIZES", description = "Batch sizes to try (default:"
            + " ${DEFAULT-VALUE}).")
    List<String> batches;
    @Option(names = "--epochs", paramLabel = "NS", description = "Epoch counts to try (default: ${DEFAULT-VALUE}).")
    List<String> epochCounts;
    @Option(names = "--weight-decay", paramLabel = "L2S", description = "Weight decays to try (default: ${DEFAULT-VALUE}).")
    List<String> decays;
    @Option(names = "--l1", paramLabel = "L1S", description = "L1 penalties to try (default: ${DEFAULT-VALUE}).")
    List<String> l1s;

    /** Returns the grid the options give. */
    Grid grid() {
        return Grid.of(hidden, activations, features, optimizers, rates, batches, epochCounts, decays, l1s);
    }
}
