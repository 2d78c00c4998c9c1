package io.github.drawnet.app;

import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.run.DrawingSource;
import io.github.drawnet.run.RunInputs;
import io.github.drawnet.sampling.ClassReading;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
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
            description = "A built-in drawing: blob (default), ring, xor, halfplane, spiral, moons; in colours: three-blobs, quadrants.")
    String preset;

    @Mixin
    PointOptions points = new PointOptions();

    @Option(names = "--classes", paramLabel = "MODE", description = "How a drawing's colours become classes: auto (each"
            + " ink colour a class, the background class 0) or binary (any ink is the positive class) (default: auto).")
    String classes;

    /**
     * Returns {@code base} with the data options read into it: sizes, seed, labels, noise.
     *
     * @throws io.github.drawnet.api.InvalidSettingException naming the setting, the value and what is allowed
     */
    ExperimentSettings read(ExperimentSettings base) {
        return points.read(base);
    }

    /** Reads the drawing, samples the points of {@code settings} and fits their network to its classes. */
    RunInputs sample(ExperimentSettings settings) {
        return RunInputs.prepare(source(), classReading(), settings);
    }

    /**
     * Returns the drawing chosen by {@code --drawing} or {@code --preset}, the default preset when
     * neither is given.
     */
    Drawing drawing() {
        return source().read(classReading()).drawing();
    }

    /** Returns where the drawing comes from: {@code --drawing}, {@code --preset}, or the default preset. */
    DrawingSource source() {
        if (drawingFile != null && preset != null) {
            throw new UserException("give either --drawing or --preset, not both", ExitCodes.USAGE);
        }
        if (drawingFile != null) {
            return DrawingSource.file(drawingFile);
        }
        return preset == null ? DrawingSource.defaultPreset() : DrawingSource.preset(preset);
    }

    /** Returns how the drawing's colours become classes ({@code --classes}). */
    ClassReading classReading() {
        return classes == null ? ClassReading.DEFAULT : ClassReading.fromId(classes);
    }
}
