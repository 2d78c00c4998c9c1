package io.github.drawnet.app;

import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.Setting;
import io.github.drawnet.sampling.ClassReading;
import io.github.drawnet.sampling.DrawingReader;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.sampling.Sampler;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options that choose the drawing and the points sampled from it, shared by every command that
 * trains: {@code --drawing} or {@code --preset}, {@code --seed}, the split sizes, the labelling and
 * the label noise. Values are text, read by the library's one parser ({@link ExperimentSettings#with});
 * defaults come from {@link SettingDefaults}.
 */
final class DataOptions {

    @Option(names = "--drawing", paramLabel = "FILE.png",
            description = "The drawing: a PNG whose alpha channel (or, without one, dark ink) marks the positive region.")
    Path drawingFile;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "A built-in drawing: blob (default), ring, xor, halfplane, spiral, moons.")
    String preset;

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

    @Option(names = "--classes", paramLabel = "MODE", description = "How a drawing's colours become classes: auto (each"
            + " ink colour a class, the background class 0) or binary (any ink is the positive class) (default: auto).")
    String classes;

    /** A drawing, what reading it found, and the points sampled from it. */
    record Sampled(Drawing drawing, DataSplits splits, String classesFound) {}

    /**
     * Returns {@code base} with the data options read into it: sizes, seed, labels, noise.
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

    /** Reads the drawing and samples the points of {@code settings}. */
    Sampled sample(ExperimentSettings settings) {
        DrawingReader.Reading r = reading();
        Drawing d = r.drawing();
        return new Sampled(d, Sampler.sample(d, settings.sizes(), settings.seed(), settings.labels(), settings.noise()),
                r.explanation());
    }

    /**
     * Returns the drawing chosen by {@code --drawing} or {@code --preset}, the default preset when
     * neither is given.
     */
    Drawing drawing() {
        return reading().drawing();
    }

    private DrawingReader.Reading reading() {
        if (drawingFile != null && preset != null) {
            throw new UserException("give either --drawing or --preset, not both", ExitCodes.USAGE);
        }
        ClassReading mode = classes == null ? ClassReading.DEFAULT : ClassReading.fromId(classes);
        if (drawingFile != null) {
            return DrawingReader.readExplained(drawingFile, mode);
        }
        Preset p = preset == null ? Preset.DEFAULT : Preset.fromId(preset);
        return DrawingReader.fromImageExplained(p.image(), p.id(), mode);
    }

    /** Returns a short description of where the drawing comes from. */
    String drawingSource() {
        if (drawingFile != null) {
            return "file " + drawingFile;
        }
        return "built-in preset";
    }
}
