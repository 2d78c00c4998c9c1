package io.github.drawnet.run;

import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.sampling.ClassReading;
import io.github.drawnet.sampling.DrawingReader;
import io.github.drawnet.sampling.Sampler;
import java.util.Objects;

/**
 * Everything an experiment needs before it trains, each part checked: the drawing read into its
 * classes, the points sampled from it, the network fitted to the classes found, the training settings.
 *
 * @param drawing the drawing, read
 * @param drawingSource where it came from, for people ({@link DrawingSource#description()})
 * @param data the training, validation and test points
 * @param spec the network, its input and output fitted to the data's features and classes
 * @param config the training settings
 * @param classesFound what reading the drawing found, in one line for people; null for the inputs of a saved
 *     model, whose drawing was read when it was first trained
 */
public record RunInputs(Drawing drawing, String drawingSource, DataSplits data, NetworkSpec spec, TrainingConfig config,
        String classesFound) {

    /** Checks that no part is missing. */
    public RunInputs {
        Objects.requireNonNull(drawing, "drawing");
        Objects.requireNonNull(drawingSource, "drawingSource");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(config, "config");
    }

    /**
     * Reads {@code source} ({@code classes} says how its colours become classes), samples the points
     * {@code settings} ask for with their seed, labels and noise, and fits the network to the classes found.
     *
     * @throws io.github.drawnet.sampling.InvalidDrawingException naming the drawing and what is wrong
     * @throws io.github.drawnet.api.InvalidSettingException when the settings do not fit the drawing
     */
    public static RunInputs prepare(DrawingSource source, ClassReading classes, ExperimentSettings settings) {
        DrawingReader.Reading reading = source.read(classes);
        Drawing d = reading.drawing();
        DataSplits splits = Sampler.sample(d, settings.sizes(), settings.seed(), settings.labels(), settings.noise());
        return new RunInputs(d, source.description(), splits, splits.fit(settings.network()), settings.training(),
                reading.explanation());
    }
}
