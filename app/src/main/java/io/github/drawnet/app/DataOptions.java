package io.github.drawnet.app;

import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.LabelMode;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.sampling.DrawingReader;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.sampling.Sampler;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options that choose the drawing and the points sampled from it, shared by every command that
 * trains: {@code --drawing} or {@code --preset}, {@code --seed}, the split sizes, the labelling and
 * the label noise.
 */
final class DataOptions {

    @Option(names = "--drawing", paramLabel = "FILE.png",
            description = "The drawing: a PNG whose alpha channel (or, without one, dark ink) marks the positive region.")
    Path drawingFile;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "A built-in drawing: blob (default), ring, xor, halfplane, spiral, moons.")
    String preset;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "The seed of every random choice: points, initial weights, batch order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--train-size", paramLabel = "N", defaultValue = "5000", description = "Training points (default: ${DEFAULT-VALUE}).")
    int trainSize;

    @Option(names = "--val-size", paramLabel = "N", defaultValue = "1000", description = "Validation points (default: ${DEFAULT-VALUE}).")
    int validationSize;

    @Option(names = "--test-size", paramLabel = "N", defaultValue = "10000", description = "Test points (default: ${DEFAULT-VALUE}).")
    int testSize;

    @Option(names = "--soft-labels",
            description = "Label points with coverage alpha/255, as the notebook does, instead of 0/1 by threshold 0.5.")
    boolean softLabels;

    @Option(names = "--noise", paramLabel = "SHARE", defaultValue = "0",
            description = "Share of training labels to flip, in [0, 1) (default: ${DEFAULT-VALUE}).")
    double noise;

    /** A drawing and the points sampled from it. */
    record Sampled(Drawing drawing, DataSplits splits) {}

    /** Reads the drawing and samples the points, after checking every data option. */
    Sampled sample(SampleSizes sizes) {
        LabelMode labels = labelMode();
        double share = noise();
        Drawing d = drawing();
        return new Sampled(d, Sampler.sample(d, sizes, seed, labels, share));
    }

    /**
     * Returns the drawing chosen by {@code --drawing} or {@code --preset}, the default preset when
     * neither is given.
     */
    Drawing drawing() {
        if (drawingFile != null && preset != null) {
            throw new UserException("give either --drawing or --preset, not both", ExitCodes.USAGE);
        }
        if (drawingFile != null) {
            return DrawingReader.read(drawingFile);
        }
        return preset == null ? Preset.DEFAULT.drawing() : Preset.fromId(preset).drawing();
    }

    /** Returns a short description of where the drawing comes from. */
    String drawingSource() {
        if (drawingFile != null) {
            return "file " + drawingFile;
        }
        return "built-in preset";
    }

    SampleSizes sizes() {
        ExperimentOptions.check("--train-size", trainSize, 1, SampleSizes.MAX);
        ExperimentOptions.check("--val-size", validationSize, 1, SampleSizes.MAX);
        ExperimentOptions.check("--test-size", testSize, 1, SampleSizes.MAX);
        return new SampleSizes(trainSize, validationSize, testSize);
    }

    LabelMode labelMode() {
        return softLabels ? LabelMode.SOFT : LabelMode.BINARY;
    }

    double noise() {
        if (!(noise >= 0 && noise < 1)) {
            throw new UserException("--noise must be in [0, 1), got " + noise, ExitCodes.USAGE);
        }
        return noise;
    }
}
