package io.github.drawnet.app;

import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.Experiment;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.Provenance;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.api.Parameters;
import java.io.PrintStream;
import java.util.Locale;

/** Prints learned parameters the way the notebook prints them, one labelled matrix per array. */
final class NotebookPrinter {

    private NotebookPrinter() {}

    /** Prints what an experiment is about to do: drawing, points, network, training settings. */
    static void printSetup(PrintStream o, ExperimentOptions.Setup setup) {
        printSetup(o, setup.drawing(), setup.drawingSource(), setup.data(), setup.spec(), setup.config());
    }

    /** Prints what an experiment made from a saved model is about to do. */
    static void printSetup(PrintStream o, Experiment e, String drawingSource) {
        printSetup(o, e.drawing(), drawingSource, e.data(), e.spec(), e.config());
    }

    private static void printSetup(PrintStream o, Drawing drawing, String drawingSource, DataSplits data,
            NetworkSpec spec, TrainingConfig c) {
        Provenance p = data.provenance();
        o.printf(Locale.ROOT, "Drawing: %s (%d x %d, %s), %.1f%% of the canvas drawn%n", Names.escape(drawing.name()),
                drawing.width(), drawing.height(), drawingSource, 100 * drawing.positiveShare());
        o.printf(Locale.ROOT, "Points: %d training, %d validation, %d test; seed %d, %s labels%s%n",
                data.train().size(), data.validation().size(), data.test().size(), p.seed(), p.labelMode().id(),
                p.noise() > 0 ? String.format(Locale.ROOT, ", %.0f%% of training labels flipped", 100 * p.noise()) : "");
        o.printf(Locale.ROOT, "Positive share: %.1f%% training, %.1f%% validation, %.1f%% test%n",
                100 * data.train().positiveShare(), 100 * data.validation().positiveShare(),
                100 * data.test().positiveShare());
        o.println(spec.describe());
        o.printf(Locale.ROOT, "Training: %s, learning rate %s, batch size %d, %d epochs, weight decay %s, %s%n",
                c.optimizer().id(), c.learningRate(), c.batchSize(), c.epochs(), c.weightDecay(),
                c.shuffle() ? "shuffled each epoch" : "fixed order");
    }

    /**
     * Prints every weight and bias: {@code Hidden Layer Weights (Wh)=} then the matrix, and so on,
     * as the notebook's parameter cell does; with several hidden layers they are numbered.
     */
    static void printParameters(PrintStream out, Parameters p) {
        int layers = p.layerCount();
        for (int l = 0; l < layers; l++) {
            LayerParameters layer = p.layer(l);
            String name;
            String symbol;
            if (l == layers - 1) {
                name = "Output Layer";
                symbol = "o";
            } else if (layers == 2) {
                name = "Hidden Layer";
                symbol = "h";
            } else {
                name = "Hidden Layer " + (l + 1);
                symbol = "h" + (l + 1);
            }
            out.println(name + " Weights (W" + symbol + ")=");
            out.println(matrix(layer.weightMatrix()));
            out.println(name + " Biases (b" + symbol + ")=");
            out.println(" " + row(layer.biases(), width(new float[][] {layer.biases()})));
        }
    }

    static String matrix(float[][] m) {
        int w = width(m);
        StringBuilder sb = new StringBuilder(" [");
        for (int r = 0; r < m.length; r++) {
            if (r > 0) {
                sb.append("\n  ");
            }
            sb.append(row(m[r], w));
        }
        return sb.append(']').toString();
    }

    private static String row(float[] values, int width) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            String s = String.format(Locale.ROOT, "%.6f", values[i]);
            sb.append(" ".repeat(Math.max(0, width - s.length()))).append(s);
        }
        return sb.append(']').toString();
    }

    private static int width(float[][] m) {
        int w = 0;
        for (float[] r : m) {
            for (float v : r) {
                w = Math.max(w, String.format(Locale.ROOT, "%.6f", v).length());
            }
        }
        return w;
    }
}
