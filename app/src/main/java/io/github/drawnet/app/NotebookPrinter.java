package io.github.drawnet.app;

import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.Experiment;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Provenance;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.viz.NotebookText;
import java.io.PrintStream;
import java.util.Locale;

/** Prints learned parameters the way the notebook prints them, one labelled matrix per array. */
final class NotebookPrinter {

    private NotebookPrinter() {}

    /** Prints what an experiment is about to do: drawing, points, network, training settings. */
    static void printSetup(PrintStream o, io.github.drawnet.run.RunInputs setup) {
        printSetup(o, setup.drawing(), setup.drawingSource(), setup.data(), setup.spec(), setup.config(),
                setup.classesFound());
    }

    /** Prints what an experiment made from a saved model is about to do. */
    static void printSetup(PrintStream o, Experiment e, String drawingSource) {
        printSetup(o, e.drawing(), drawingSource, e.data(), e.spec(), e.config(), null);
    }

    private static void printSetup(PrintStream o, Drawing drawing, String drawingSource, DataSplits data,
            NetworkSpec spec, TrainingConfig c, String classesFound) {
        Provenance p = data.provenance();
        o.printf(Locale.ROOT, "Drawing: %s (%d x %d, %s), %.1f%% of the canvas drawn%n", Names.escape(drawing.name()),
                drawing.width(), drawing.height(), drawingSource, 100 * drawing.positiveShare());
        if (classesFound != null) {
            o.println("Classes: " + Names.escape(classesFound));
        }
        o.printf(Locale.ROOT, "Points: %d training, %d validation, %d test; seed %d, %s labels%s%n",
                data.train().size(), data.validation().size(), data.test().size(), p.seed(),
                data.classCount() > 2 ? "class" : p.labelMode().id(),
                p.noise() > 0 ? String.format(Locale.ROOT, ", %.0f%% of training labels flipped", 100 * p.noise()) : "");
        if (data.classCount() > 2) {
            o.printf(Locale.ROOT, "Points per class (%s): %s training, %s validation, %s test%n", drawing.classes().stream()
                    .map(k -> k.name()).collect(java.util.stream.Collectors.joining(", ")),
                    java.util.Arrays.toString(data.train().classCounts()), java.util.Arrays.toString(
                    data.validation().classCounts()), java.util.Arrays.toString(data.test().classCounts()));
        } else {
            o.printf(Locale.ROOT, "Positive share: %.1f%% training, %.1f%% validation, %.1f%% test%n",
                    100 * data.train().positiveShare(), 100 * data.validation().positiveShare(),
                    100 * data.test().positiveShare());
        }
        o.println(spec.describe());
        o.printf(Locale.ROOT, "Training: %s, learning rate %s, batch size %d, %d epochs, weight decay %s, %s%n",
                c.optimizer().id(), c.learningRate(), c.batchSize(), c.epochs(), c.weightDecay(),
                c.shuffle() ? "shuffled each epoch" : "fixed order");
    }

    /** Prints every weight and bias as the notebook's parameter cell does ({@link NotebookText#parameters}). */
    static void printParameters(PrintStream out, Parameters p) {
        out.print(NotebookText.parameters(p));
    }
}
