package io.github.drawnet.viz;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.DrawingClass;
import io.github.drawnet.api.Evaluation;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.Feature;
import io.github.drawnet.api.ForwardPass;
import io.github.drawnet.api.History;
import io.github.drawnet.api.LabelMode;
import io.github.drawnet.api.LayerActivations;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.Model;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.OptimizerState;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.Provenance;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.api.TrainingResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Results of {@code K > 2} classes made by hand, so that a test knows where every class is: a
 * softmax network whose class regions are the cells of set centres (class {@code k} wherever
 * centre {@code k} is the nearest), run by the reference backend over random points and a small
 * grid ({@link #forward} computes the same pass by hand, for a test to compare).
 * The logits {@code z_k = s (2 c_k · x - |c_k|²)} differ from {@code -s |x - c_k|²} by a term
 * shared by every class, so the softmax is exactly that of the distances: sure at a centre,
 * unsure near a border. The network has one hidden layer of two linear units that copy {@code x1}
 * and {@code x2}, so hidden maps and the diagram have something to show.
 */
final class ClassResults {

    /** Three classes: the background at the bottom left, red at the right, blue at the top. */
    static final double[][] THREE = {{0.2, 0.2}, {0.8, 0.3}, {0.45, 0.8}};
    /** Four classes, one per quadrant: borders on {@code x1 = 0.5} and {@code x2 = 0.5}. */
    static final double[][] FOUR = {{0.25, 0.25}, {0.75, 0.25}, {0.75, 0.75}, {0.25, 0.75}};
    /** The colours of classes 1 to 7 (ColorBrewer's Set1). */
    static final int[] RGB = {0xe41a1c, 0x377eb8, 0x4daf4a, 0x984ea3, 0xff7f00, 0xa65628, 0xf781bf};
    /** Eight classes: the background in the middle, seven around it. */
    static final double[][] EIGHT = {{0.5, 0.5}, {0.15, 0.15}, {0.5, 0.1}, {0.85, 0.15}, {0.9, 0.55}, {0.7, 0.9},
        {0.3, 0.9}, {0.1, 0.55}};
    /** The sharpness {@code s} of the logits. */
    static final double SHARPNESS = 12;

    private ClassResults() {}

    /** Returns the class of the nearest centre, the first of equals. */
    static int nearest(double[][] centres, double x1, double x2) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int k = 0; k < centres.length; k++) {
            double d = (x1 - centres[k][0]) * (x1 - centres[k][0]) + (x2 - centres[k][1]) * (x2 - centres[k][1]);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }

    /** Returns the drawing's classes: the background, then {@link #RGB}. */
    static List<DrawingClass> classes(int k) {
        List<DrawingClass> out = new ArrayList<>();
        out.add(DrawingClass.background());
        for (int c = 1; c < k; c++) {
            out.add(DrawingClass.ofColour(RGB[c - 1]));
        }
        return out;
    }

    /** Returns a drawing of {@code side × side} pixels whose classes are the centres' cells. */
    static Drawing drawing(double[][] centres, int side) {
        int[] map = new int[side * side];
        for (int row = 0; row < side; row++) {
            for (int col = 0; col < side; col++) {
                map[row * side + col] = nearest(centres, col / (double) (side - 1), (side - 1 - row) / (double) (side - 1));
            }
        }
        return Drawing.ofClasses("cells-" + centres.length, side, side, map, classes(centres.length));
    }

    /** Returns {@code n} points drawn at random (seeded), labelled by the centres' cells. */
    static Dataset points(double[][] centres, int n, long seed) {
        Random random = new Random(seed);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x1[i] = random.nextDouble();
            x2[i] = random.nextDouble();
            y[i] = nearest(centres, x1[i], x2[i]);
        }
        return Dataset.ofClasses(x1, x2, y, centres.length);
    }

    /** Returns the network's spec: x1, x2, one hidden layer of two linear units, {@code k} classes. */
    static NetworkSpec spec(int k) {
        return new NetworkSpec(List.of(Feature.X1, Feature.X2), List.of(2), Activation.LINEAR, k);
    }

    /** Returns the parameters: the hidden layer copies the inputs; the output's logits are the centres'. */
    static Parameters parameters(double[][] centres) {
        int k = centres.length;
        float[][] w = new float[k][2];
        float[] b = new float[k];
        for (int c = 0; c < k; c++) {
            w[c][0] = (float) (2 * SHARPNESS * centres[c][0]);
            w[c][1] = (float) (2 * SHARPNESS * centres[c][1]);
            b[c] = (float) (-SHARPNESS * (centres[c][0] * centres[c][0] + centres[c][1] * centres[c][1]));
        }
        return new Parameters(List.of(LayerParameters.of(new float[][] {{1f, 0f}, {0f, 1f}}, new float[] {0f, 0f}),
                LayerParameters.of(w, b)));
    }

    /** Returns the network's forward pass over {@code d}: the hidden layer, the logits, their softmax. */
    static ForwardPass forward(Parameters p, Dataset d) {
        LayerParameters hidden = p.layer(0);
        LayerParameters out = p.layer(1);
        int n = d.size();
        int k = out.outputs();
        float[] h = new float[n * 2];
        float[] z = new float[n * k];
        float[] prob = new float[n * k];
        for (int i = 0; i < n; i++) {
            double[] x = {d.x1(i), d.x2(i)};
            for (int u = 0; u < 2; u++) {
                h[i * 2 + u] = (float) (hidden.weight(u, 0) * x[0] + hidden.weight(u, 1) * x[1] + hidden.bias(u));
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                z[i * k + c] = (float) (out.weight(c, 0) * h[i * 2] + out.weight(c, 1) * h[i * 2 + 1] + out.bias(c));
                max = Math.max(max, z[i * k + c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(z[i * k + c] - max);
            }
            for (int c = 0; c < k; c++) {
                prob[i * k + c] = (float) (Math.exp(z[i * k + c] - max) / sum);
            }
        }
        return new ForwardPass(prob, List.of(new LayerActivations(2, h)), z, k);
    }

    /**
     * Returns a result over the centres' cells: {@code points} training, validation and test points
     * (different seeds), the test labels of the points listed in {@code flipped} moved to the next
     * class so that the network gets exactly those wrong.
     */
    static ExperimentResult result(double[][] centres, int points, int... flipped) {
        int k = centres.length;
        Drawing drawing = drawing(centres, 40);
        Dataset train = points(centres, points, 1);
        Dataset validation = points(centres, points, 2);
        Dataset clean = points(centres, points, 3);
        int[] y = ClassView.classes(clean);
        for (int i : flipped) {
            y[i] = (y[i] + 1) % k;
        }
        Dataset test = Dataset.ofClasses(clean.x1s(), clean.x2s(), y, k);
        Parameters p = parameters(centres);
        int grid = 65;
        ForwardPass testPass;
        ForwardPass gridPass;
        try (Model m = Results.REFERENCE.newModel(spec(k), p)) {
            testPass = m.forward(test);
            gridPass = m.forward(Dataset.grid(grid));
        }
        TrainingConfig config = TrainingConfig.notebook().withEpochs(3);
        History history = Results.history(3);
        DataSplits data = new DataSplits(train, validation, test, new Provenance(drawing.name(), drawing.sha256(),
                drawing.width(), drawing.height(), 0, new SampleSizes(points, points, points), LabelMode.BINARY, 0));
        return ExperimentResult.builder().backendId("reference").backendName("reference (plain Java)")
                .drawing(drawing).data(data).spec(spec(k)).config(config).initialParameters(p).finalParameters(p)
                .training(new TrainingResult(history, 3, StopReason.COMPLETED, "3 epochs completed"))
                .test(Evaluation.of(testPass, test)).testPredictions(testPass.output()).gridResolution(grid)
                .grid(gridPass).trainingTime(Duration.ofMillis(1250))
                .optimizerState(OptimizerState.fresh(config.optimizer(), p)).build();
    }
}
